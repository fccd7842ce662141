// Runs in the main process and the preview host (Node). The one way the store puts bytes on disk: a unique temp file
// in the same folder -> write -> fsync the file -> close -> rename over the target -> fsync the folder. A crash at
// any point leaves either the old file or the new one, never a mix; after this resolves the new one survives power
// loss. The temp file lives in the target's folder because a rename is only atomic within one filesystem.
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorCode, nodeFsOps, type FsOps } from './fs-ops';

// `<target name>.<pid>.<8 hex>.tmp`: the pid and the random part keep two processes (or two stores) from ever
// picking the same temp file; the shape lets the clean-up at open recognise our leftovers and nothing else.
const TEMP_SUFFIX = /\.\d+\.[0-9a-f]{8}\.tmp$/;

export const tempPathFor = (target: string): string =>
  join(dirname(target), `${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

export const isTempFile = (name: string): boolean => TEMP_SUFFIX.test(name);

export async function writeFileDurably(target: string, data: Uint8Array, ops: FsOps = nodeFsOps): Promise<void> {
  const temp = tempPathFor(target);
  const file = await ops.create(temp);
  try {
    try {
      await ops.write(file, data);
      await ops.fsync(file);
    } finally {
      await ops.close(file);
    }
    await renameWithRetry(ops, temp, target);
  } catch (error) {
    // The target is untouched; do not leave a half-written temp behind.
    await ops.unlink(temp).catch(() => {});
    throw error;
  }
  await ops.fsyncDir(dirname(target));
}

// Windows refuses a rename for a moment while an antivirus scanner or the search indexer holds the target open.
const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);
const RENAME_BACKOFF_MS = [10, 30, 60, 120, 250];

export async function renameWithRetry(ops: FsOps, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ops.rename(from, to);
    } catch (error) {
      const wait = RENAME_BACKOFF_MS[attempt];
      if (wait === undefined || !RETRYABLE_RENAME.has(errorCode(error))) throw error;
      await sleep(wait);
    }
  }
}

/** Deletes temp files a crash left in `dir`. They were never renamed into place, so no write they held was ever
 * acknowledged: the data is in the live file or was never promised. */
export async function removeLeftoverTemps(dir: string, ops: FsOps = nodeFsOps): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const leftovers = names.filter(isTempFile).map((name) => join(dir, name));
  await Promise.all(leftovers.map((path) => ops.unlink(path).catch(() => {})));
  return leftovers;
}
