// Runs in the main process and the preview host (Node). The words the rep reads when something happened to the data
// file, in one place so they stay plain, consistent and honest (a newer-version file is never called "restored").
import { basename } from 'node:path';
import type { StoreDocument } from '../../../../shared/domain';
import type { Notice } from '../../../../shared/views';
import { writeProblem } from './write-problems';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// Intl, not date-fns' `format`: `format` brings its whole locale and every token's formatter into the main bundle
// (~75 KB that V8 compiled at every start, for a sentence shown only after a failure). The words are English like
// the rest of the notice; the parts are put in order here so the sentence reads the same on every ICU version. Made
// on first use: building a DateTimeFormat loads ICU's locale data, ~15 ms that no start-up should pay.
let timeParts: Intl.DateTimeFormat | undefined;
const makeTimeParts = () => new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "Sunday 22 November, 14:05" in the rep's local time; the year only when it is not the current one. */
export function describeTime(ms: number, now: number): string {
  timeParts ??= makeTimeParts();
  const part = Object.fromEntries(timeParts.formatToParts(ms).map((p) => [p.type, p.value]));
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  return `${part.weekday} ${part.day} ${part.month}${sameYear ? '' : ` ${part.year}`}, ${part.hour}:${part.minute}`;
}

const describeContents = (doc: StoreDocument) =>
  `${plural(doc.meetings.length, 'meeting', 'meetings')}, ${plural(doc.nextSteps.length, 'next step', 'next steps')}`;

export function restoredFromBackup(args: {
  backupTime: number;
  doc: StoreDocument;
  /** Where the unreadable live file went; absent when the live file was missing altogether. */
  quarantinedFile: string | null;
  now: number;
}): Notice {
  const { backupTime, doc, quarantinedFile, now } = args;
  const loaded = `Second Step loaded your backup from ${describeTime(backupTime, now)} (${describeContents(doc)}).`;
  return {
    kind: 'restored-from-backup',
    message: quarantinedFile
      ? `Your data file could not be read, so ${loaded} The unreadable file was kept as ${basename(quarantinedFile)}.`
      : `Your data file was missing, so ${loaded}`,
    backupTime: new Date(backupTime).toISOString(),
    ...(quarantinedFile ? { quarantinedFile } : {}),
  };
}

export const unreadableNoBackup = (quarantinedFile: string): Notice => ({
  kind: 'unreadable-no-backup',
  message:
    'Your data file could not be read and there is no backup to load; ' +
    `it was kept untouched as ${basename(quarantinedFile)}. ` +
    'Nothing will be saved until you confirm starting with an empty file.',
  quarantinedFile,
});

export const newerVersion = (): Notice => ({
  kind: 'newer-version',
  message:
    'Your data file was saved by a newer version of Second Step. ' +
    'Please update the app; until then your data is shown read-only.',
});

/** While saves fail: what went wrong, that nothing is lost, and that it keeps trying. Stays until a save succeeds. */
export const writeFailed = (code: string): Notice => ({
  kind: 'write-failed',
  message:
    `Second Step could not save your latest changes to disk: ${writeProblem(code)}. ` +
    'Nothing is lost — your changes are kept in the app and shown as usual, and Second Step keeps trying to save ' +
    'them. This message goes away once they are saved; until then, please keep Second Step open.',
});

/** An archive file of past years could not be read; its records were taken from a backup, the rest is as it was. */
export function archiveRestored(args: { file: string; quarantinedFile: string | null; backupTime: number; recovered: number; now: number }): Notice {
  const { file, quarantinedFile, backupTime, recovered, now } = args;
  const kept = quarantinedFile ? ` The unreadable file was kept as ${basename(quarantinedFile)}.` : '';
  return {
    kind: 'restored-from-backup',
    message:
      `The archive of past meetings ${basename(file)} could not be read, so Second Step took ${plural(recovered, 'record', 'records')} ` +
      `back from your backup of ${describeTime(backupTime, now)}. Everything newer is as you left it.${kept}`,
    backupTime: new Date(backupTime).toISOString(),
    ...(quarantinedFile ? { quarantinedFile } : {}),
  };
}

/** The journal of recent changes was set aside at open: damaged part-way (the changes before the damage are kept), or
 * written for another copy of the data file (the rep put an older copy back by hand). */
export function journalSetAside(quarantinedFile: string, foreign: boolean): Notice {
  const kept = `The change log was kept, untouched, as ${basename(quarantinedFile)}.`;
  return {
    kind: 'journal-set-aside',
    message: foreign
      ? `Your data file was replaced by another copy, so Second Step did not apply the changes logged for the file it replaced. ${kept}`
      : `Some of your most recent changes could not be read back (their log is damaged), so Second Step opened your data as it was just before them. ${kept}`,
    quarantinedFile,
  };
}

/** An archive file could not be read and no backup holds its records: shown read-only so nothing is written over it. */
export const archiveUnreadableNoBackup = (file: string): Notice => ({
  kind: 'archive-unreadable',
  message:
    `The archive of past meetings ${basename(file)} could not be read and there is no backup to take its records from. ` +
    'Your other data is shown read-only, and nothing is changed on disk, so the file can still be recovered.',
});
