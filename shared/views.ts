// Runs everywhere. What the core hands to the windows: read-only views assembled from the store document.
import type { DraftValues, HotkeyAction, Meeting, NextStep, Thread } from './domain';
import type { Prompt } from './rules/prompt-schedule';

/** The end-of-day review's modes (Today, Follow-ups, Threads, Tomorrow, Metrics), computed by the rules. */
export type { ReviewModes } from './rules/review-queries';

export type WindowName = 'overlay' | 'wrapup' | 'review';

/** Something the rep must be told about the data itself (a restored backup, a read-only file, a failed save). */
export interface Notice {
  kind: 'restored-from-backup' | 'unreadable-no-backup' | 'newer-version' | 'write-failed' | 'read-only-folder';
  /** One or two plain sentences for the rep. */
  message: string;
  /** When the backup that was loaded instead had been taken (ISO). */
  backupTime?: string;
  /** Where the unreadable file was moved, untouched. */
  quarantinedFile?: string;
}

export interface AppState {
  /** The core's clock (ms since epoch). Windows run their timers on this, not on their own clock. */
  now: number;
  revision: number;
  notice: Notice | null;
  /** True when the store cannot be written (a newer app's file, or an unreadable file awaiting the rep's word). */
  readOnly: boolean;
  liveMeetingId: string | null;
  pendingWrapUps: number;
  /** External calls whose time passed without being started: "did this call happen?" */
  unheldCalls: number;
  /** Hotkeys the OS would not give us (another app holds them), to show the rep rather than fail silently. */
  hotkeyFailures: { action: HotkeyAction; accelerator: string }[];
}

export interface ReviewView {
  threads: Thread[];
  /** All meetings, earliest first. */
  meetings: Meeting[];
  nextSteps: NextStep[];
  /** Ids of meetings still owing a wrap-up, in the order they must be cleared. */
  pendingWrapUpIds: string[];
}

export interface LiveView {
  meeting: Meeting;
  thread: Thread;
  /** Wrap-ups of earlier calls that wait until this call ends. */
  waitingWrapUps: number;
  /** The one prompt to show now, if any (the core wakes the windows when this changes). */
  prompt: Prompt | null;
  /** The hotkeys in force, to show next to each action. */
  hotkeys: Record<HotkeyAction, string>;
  /** Compact: one line (meeting · current item · time · the prompt); expanded: everything. */
  compact: boolean;
}

export interface WrapUpView {
  meeting: Meeting;
  thread: Thread;
  /** How many wrap-ups are pending in all, this one included. */
  pending: number;
  /** What the rep had typed before (a crash, a restart), to put back into the form. */
  draft: DraftValues | null;
  /** The rep's coaching settings, so the form warns exactly as the core checks. */
  coach: { maxDaysOut: number };
}

/** A call whose time passed without being started, with its deal, for the "did this call happen?" question. */
export interface UnheldCall {
  meeting: Meeting;
  thread: Thread;
}
