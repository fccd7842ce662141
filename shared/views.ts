// Runs everywhere. What the core hands to the windows: read-only views assembled from the store document.
import type { DraftValues, HotkeyAction, Meeting, NextStep, Thread } from './domain';
import type { Prompt } from './rules/prompt-schedule';
import type { RestoreSummary } from './rules/restore-changes';

/** The end-of-day review's modes (Today, Follow-ups, Threads, Tomorrow, Metrics), computed by the rules. */
export type { ReviewModes, ReviewToday } from './rules/review-queries';

export type WindowName = 'overlay' | 'wrapup' | 'review';

/** Something the rep must be told about the data itself (a restored backup, a read-only file, a failed save). */
export interface Notice {
  kind: 'restored-from-backup' | 'unreadable-no-backup' | 'newer-version' | 'write-failed' | 'read-only-folder' | 'journal-set-aside' | 'archive-unreadable';
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
  /** Until when the overlay's prompts are paused (ISO), or null (see services/prompts-pause.ts). */
  promptsPausedUntil: string | null;
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
  /** Until when prompts are paused (ISO), or null: the overlay says so and offers to resume. */
  promptsPausedUntil: string | null;
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

/** One backup in the data folder's ring, as the settings page lists it (see services/backups.ts). */
export interface BackupView {
  /** Its file name: what a restore asks for. */
  id: string;
  /** When it was taken (ISO). */
  takenAt: string;
  /** Why: when the app opened the file, the day's copy, before an upgrade changed the format, before a restore. */
  reason: 'open' | 'daily' | 'pre-migration' | 'pre-restore';
}

/** What a restore would change, shown before the rep confirms it. */
export interface RestorePreview {
  summary: RestoreSummary;
  /** Why it cannot be restored right now (a wrap-up is owed, a call is live, the data is read-only), or null. */
  blockedBy: string | null;
}

/** Where the rep's data lives; `canReveal` is false where the host cannot open a folder (the browser preview). */
export interface DataFolderView {
  path: string;
  canReveal: boolean;
}
