// Runs in the renderer. The words the rep sees for the domain's values. Typed as complete records, so a new kind or
// status in shared/domain is a compile error here until it has a label.
import type { CloseOutResult, MeetingStatus, NextStepKind, Outcome, Owner } from '../../../shared/domain';
import type { Choice } from './fields';

export const KIND_LABELS: Record<NextStepKind, string> = {
  call: 'Call',
  'video-call': 'Video call',
  meeting: 'Meeting',
  demo: 'Demo',
  presentation: 'Presentation',
  workshop: 'Workshop',
  task: 'Task',
};

export const OWNER_LABELS: Record<Owner, string> = { me: 'Me', prospect: 'Prospect', both: 'Both' };

export const OUTCOME_LABELS: Record<Outcome, string> = { achieved: 'Achieved', partly: 'Partly', missed: 'Missed' };

export const RESULT_LABELS: Record<CloseOutResult, string> = { won: 'Won', lost: 'Lost', 'not-a-fit': 'Not a fit' };

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  live: 'Live now',
  'wrapping-up': 'Needs wrap-up',
  done: 'Done',
  cancelled: 'Cancelled',
  'no-show': 'No-show',
};

/** A record's entries as choices, in the record's order. */
export const choices = <V extends string>(labels: Record<V, string>): Choice<V>[] =>
  (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));

/** How to label a keyboard shortcut on this machine: "⌘↵" on a Mac, "Ctrl+Enter" elsewhere. */
export const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const submitShortcut = (): string => (isMac() ? '⌘↵' : 'Ctrl+Enter');

const MAC_KEYS: Record<string, string> = { Command: '⌘', Cmd: '⌘', CommandOrControl: '⌘', CmdOrCtrl: '⌘', Control: '⌃', Ctrl: '⌃', Alt: '⌥', Option: '⌥', Shift: '⇧' };
const PC_KEYS: Record<string, string> = { Command: 'Ctrl', Cmd: 'Ctrl', CommandOrControl: 'Ctrl', CmdOrCtrl: 'Ctrl', Control: 'Ctrl', Super: 'Win' };

/** An Electron accelerator as people write it: "⌃⌥C" on a Mac, "Ctrl+Alt+C" elsewhere. */
export function formatAccelerator(accelerator: string | undefined, mac = isMac()): string {
  if (!accelerator) return '';
  const parts = accelerator.split('+').filter(Boolean);
  return mac ? parts.map((p) => MAC_KEYS[p] ?? p).join('') : parts.map((p) => PC_KEYS[p] ?? p).join('+');
}
