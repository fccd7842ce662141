// Runs in the main process and the preview host (Node). Every name the store gives a file, in one place, so the
// backup ring, the quarantine and the crash clean-up agree on what is theirs.

export const STORE_FILE = 'second-step.json';
/** The changes made since the live file was last written whole (journal.ts). */
export const JOURNAL_FILE = 'second-step.journal';
export const BACKUP_DIR = 'backups';

/** An ISO instant that is also a valid file name everywhere (Windows forbids ':'). Sorts like time. */
export const fileStamp = (ms: number): string => new Date(ms).toISOString().replaceAll(':', '-');

const STAMP = /(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d(?:\.\d+)?Z)/;

/** Reads back the instant (ms) of a stamp found anywhere in a name, or null. */
export function stampTime(name: string): number | null {
  const m = STAMP.exec(name);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}:${m[2]}:${m[3]}`);
  return Number.isNaN(ms) ? null : ms;
}
