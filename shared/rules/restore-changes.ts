// Runs everywhere (pure). "What would a restore change?": the records a restored document would bring back, take
// away or change compared with the data as it is now — deal threads, meetings and next steps by id, and which
// settings differ. The settings page shows this before the rep confirms a restore, so nothing is ever overwritten
// without them seeing what goes.
import type { Meeting, NextStep, Settings, StoreDocument, Thread } from '../domain';

/** The largest data file a restore takes from the rep, in characters (about ten years of meetings fit inside). */
export const RESTORE_FILE_MAX_CHARS = 20 * 1024 * 1024;

export interface RecordChanges<T> {
  /** In the restored document only: the restore brings them back. */
  added: T[];
  /** In the current data only: the restore takes them away. */
  removed: T[];
  /** In both, with different content: the restore puts the restored version back. */
  changed: { now: T; restored: T }[];
}

export interface RestoreChanges {
  threads: RecordChanges<Thread>;
  meetings: RecordChanges<Meeting>;
  nextSteps: RecordChanges<NextStep>;
  /** Top-level settings that differ ("hotkeys", "prompts", "calendars"…), in the settings' own order. */
  settings: (keyof Settings)[];
}

/** Deep equality of JSON-like values, blind to key order and to keys whose value is undefined (a file read back
 * and a document changed in memory order their keys differently). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  const keys = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
  const ka = keys(a);
  const kb = keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Records matched by id; each list keeps the order of the document it comes from. */
export function recordChanges<T extends { id: string }>(now: readonly T[], restored: readonly T[]): RecordChanges<T> {
  const nowById = new Map(now.map((r) => [r.id, r]));
  const restoredIds = new Set(restored.map((r) => r.id));
  const changed: RecordChanges<T>['changed'] = [];
  const added: T[] = [];
  for (const record of restored) {
    const current = nowById.get(record.id);
    if (!current) added.push(record);
    else if (!sameValue(current, record)) changed.push({ now: current, restored: record });
  }
  return { added, removed: now.filter((r) => !restoredIds.has(r.id)), changed };
}

export function restoreChanges(now: StoreDocument, restored: StoreDocument): RestoreChanges {
  const keys = [...new Set([...Object.keys(now.settings), ...Object.keys(restored.settings)])] as (keyof Settings)[];
  return {
    threads: recordChanges(now.threads, restored.threads),
    meetings: recordChanges(now.meetings, restored.meetings),
    nextSteps: recordChanges(now.nextSteps, restored.nextSteps),
    settings: keys.filter((key) => !sameValue(now.settings[key], restored.settings[key])),
  };
}

/** True when the restore would change no thread, meeting, next step or setting. */
export const changesNothing = (c: RestoreChanges): boolean =>
  [c.threads, c.meetings, c.nextSteps].every((r) => r.added.length + r.removed.length + r.changed.length === 0) && c.settings.length === 0;

/** Each setting as the settings page names it. A setting added to the schema does not compile until it is named. */
export const SETTING_NAMES: Record<keyof Settings, string> = {
  hotkeys: 'Hotkeys',
  prompts: 'Prompt timings',
  nextStep: 'Next steps',
  endOfDay: 'End of day',
  ownDomains: 'Your email domains',
  gateInternalMeetings: 'Internal meetings',
  startAtLogin: 'Start at login',
  calendars: 'Calendars',
  overlay: 'Overlay',
  windowBounds: 'Window positions',
  stageTemplates: 'Stage agendas',
};

/** One record as the preview names it: what it is and its date (ISO). */
export interface ChangeExample {
  change: 'added' | 'removed' | 'changed';
  label: string;
  when: string;
}

export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
  /** A few of them, added first, then removed, then changed. */
  examples: ChangeExample[];
}

/** What the settings page shows before a restore: counts, a few examples by name and date, the settings. */
export interface RestoreSummary {
  threads: ChangeCounts;
  meetings: ChangeCounts;
  nextSteps: ChangeCounts;
  /** The settings' names ("Hotkeys", "Calendars"). */
  settings: string[];
  nothing: boolean;
}

function counts<T>(changes: RecordChanges<T>, name: (record: T) => { label: string; when: string }, max: number): ChangeCounts {
  const all: ChangeExample[] = [
    ...changes.added.map((r) => ({ change: 'added' as const, ...name(r) })),
    ...changes.removed.map((r) => ({ change: 'removed' as const, ...name(r) })),
    ...changes.changed.map((c) => ({ change: 'changed' as const, ...name(c.restored) })),
  ];
  return { added: changes.added.length, removed: changes.removed.length, changed: changes.changed.length, examples: all.slice(0, max) };
}

/** The summary of `restoreChanges(now, restored)`, naming meetings and steps with their deal's account. */
export function summarizeRestore(now: StoreDocument, restored: StoreDocument, max = 3): RestoreSummary {
  const changes = restoreChanges(now, restored);
  const accounts = new Map([...now.threads, ...restored.threads].map((t) => [t.id, t.account]));
  const withAccount = (text: string, threadId: string) => (accounts.has(threadId) ? `${text} · ${accounts.get(threadId)}` : text);
  return {
    // A deal started from a meeting is named after its account: "Globex", not "Globex · Globex".
    threads: counts(changes.threads, (t) => ({ label: t.title === t.account ? t.title : `${t.title} · ${t.account}`, when: t.createdAt }), max),
    meetings: counts(changes.meetings, (m) => ({ label: withAccount(m.title, m.threadId), when: m.start }), max),
    nextSteps: counts(changes.nextSteps, (s) => ({ label: withAccount(s.what, s.threadId), when: s.when }), max),
    settings: changes.settings.map((key) => SETTING_NAMES[key]),
    nothing: changesNothing(changes),
  };
}
