// Runs in the main process and the preview host (Node). A data folder the app may read but not write (permissions
// changed, a read-only mount, a locked-down profile). Start-up must still succeed, and nothing may be touched: the
// store opens read-only on the best data it can read — the live file, else the newest valid backup — and tells the
// rep in plain words what is wrong and how to fix it (a live file whose archive files cannot all be read counts as
// unreadable here). Nothing is quarantined or rewritten, since nothing can be.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { emptyDocument, type StoreDocument } from '../../../../shared/domain';
import type { Notice } from '../../../../shared/views';
import type { BackupRing } from './backups';
import { tempPathFor } from './durable-file';
import { STORE_FILE } from './file-names';
import { errorCode, type FsOps } from './fs-ops';
import { loadFile } from './load';
import { manifestOf, readArchives } from './load-split';
import type { Migration } from './migrations';
import { describeTime, newerVersion } from './notices';
import { readOnlyView } from './read-only-view';
import { writeProblem } from './write-problems';

const REFUSALS = new Set(['EACCES', 'EPERM', 'EROFS']);

/** Why nothing can be written in `dir` (EACCES, EPERM, EROFS), or null when it can. Probes with a temp file made
 * through the same file operations as every write, named so a crash's leftover is cleaned up at the next open. */
export async function writeRefusal(dir: string, ops: FsOps): Promise<string | null> {
  try {
    await mkdir(dir, { recursive: true });
    const probe = await ops.create(tempPathFor(join(dir, STORE_FILE)));
    await ops.close(probe);
    await ops.unlink(probe.path).catch(() => {});
    return null;
  } catch (error) {
    // Anything else (a full disk) is not a refusal: writes will fail, be retried, and say so.
    return REFUSALS.has(errorCode(error)) ? errorCode(error) : null;
  }
}

export async function openInReadOnlyFolder(args: {
  dir: string;
  code: string;
  backups: BackupRing;
  migrations: readonly Migration[];
  now: number;
}): Promise<{ doc: StoreDocument; readOnly: true; notice: Notice }> {
  const { dir, code, backups, migrations, now } = args;
  const loaded = await loadFile(join(dir, STORE_FILE), migrations).catch(() => null);
  if (loaded?.kind === 'ok') {
    // With its archive files, when they can all be used; otherwise the whole document from a backup is better.
    const manifest = manifestOf(loaded.raw);
    const read = 'invalid' in manifest ? null : await readArchives(dir, manifest).catch(() => null);
    // Opened read-only, the document is whole in memory: no history to read later, nothing will move.
    if (read && !read.damaged) return { doc: read.history.merge(loaded.doc), readOnly: true, notice: readOnlyFolder(dir, code) };
  }
  if (loaded?.kind === 'newer') return { doc: readOnlyView(loaded.raw), readOnly: true, notice: newerVersion() };
  const found = await backups.newestValid(migrations);
  const fromBackup = found
    ? `Your data file could not be read, so you are seeing your backup from ${describeTime(found.backup.time, now)}. `
    : '';
  return { doc: found?.doc ?? emptyDocument(), readOnly: true, notice: readOnlyFolder(dir, code, fromBackup) };
}

export const readOnlyFolder = (dir: string, code: string, before = ''): Notice => ({
  kind: 'read-only-folder',
  message:
    `${before}Second Step cannot save to its data folder: ${writeProblem(code)}. ` +
    'Your data is shown read-only, so nothing you change now can be saved. ' +
    `Please check the permissions of ${dir}, then restart Second Step.`,
});
