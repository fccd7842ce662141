// Runs in the main process and the preview host (Node). Moves a store file that could not be read out of the way,
// byte for byte: a rename, never a rewrite, so whatever is in it can still be recovered by hand. The name carries
// the time, and an existing quarantined file is never replaced.
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { renameWithRetry } from './durable-file';
import { fileStamp } from './file-names';
import type { FsOps } from './fs-ops';

const exists = (path: string) => access(path).then(() => true, () => false);

/** Returns the quarantined file's path. `kind` names what it was: the live file (.json) or its journal. */
export async function quarantine(file: string, now: number, ops: FsOps, kind: 'json' | 'journal' = 'json'): Promise<string> {
  const dir = dirname(file);
  const base = `second-step.corrupt-${fileStamp(now)}`;
  let target = join(dir, `${base}.${kind}`);
  // A rename silently replaces its target on POSIX; one writer per folder makes check-then-rename safe here.
  for (let n = 2; await exists(target); n++) target = join(dir, `${base}-${n}.${kind}`);
  await renameWithRetry(ops, file, target);
  await ops.fsyncDir(dir);
  return target;
}
