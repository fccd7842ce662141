// The durable write itself (Node, real temp folders, real fsync): the order of operations that makes a write
// survive a crash, unique temp names, and what a failure at each step leaves behind.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../shared/domain';
import { nodeFsOps, openStore, type FsOps } from '../../../electron/main/core/store';
import { isTempFile, renameWithRetry, writeFileDurably } from '../../../electron/main/core/store/durable-file';
import { DurableJsonAdapter } from '../../../electron/main/core/store/durable-json-adapter';
import { BACKUP_DIR, JOURNAL_FILE } from '../../../electron/main/core/store/file-names';
import { STORE, failingFsOps, fsError, recordingFsOps, useTempDirs, type Call } from './helpers';
import { nextStep } from './records';

const tempDir = useTempDirs();

describe('durable write', () => {
  it('appends a change to the journal and fdatasyncs it; writes the live file whole via temp, fsync, rename, fsync folder', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await store.close();
    const calls: Call[] = [];
    const recorded = await openStore({ dir, fsOps: recordingFsOps(calls) });
    await recorded.close(); // the backup at open writes too; only the update's own calls are asserted
    calls.length = 0;

    await recorded.update((d) => void d.nextSteps.push(nextStep(1)));
    const journal = join(dir, JOURNAL_FILE);
    expect(calls).toEqual([
      ['openAppend', journal],
      ['write', journal],
      ['datasync', journal],
    ]);

    calls.length = 0;
    await recorded.close(); // leaves one whole live file: the journal's change is written into it
    const target = join(dir, STORE);
    const ours = calls.filter(([, path]) => !path.includes(BACKUP_DIR));
    const temp = ours[0]![1];
    expect(dirname(temp)).toBe(dir); // same folder: a rename is only atomic within one filesystem
    expect(basename(temp)).toMatch(new RegExp(`^second-step\\.json\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`));
    expect(ours).toEqual([
      ['create', temp],
      ['write', temp],
      ['fsync', temp],
      ['close', temp],
      ['rename', `${temp} -> ${target}`],
      ['fsyncDir', dir],
      ['truncate', journal],
      ['write', journal], // the checkpoint: the hash of the live file just written
      ['datasync', journal],
      ['close', journal],
    ]);
  });

  it('gives every write its own temp file, even with many writers of one file at once', async () => {
    const dir = await tempDir();
    const calls: Call[] = [];
    const ops = recordingFsOps(calls);
    const target = join(dir, STORE);
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileDurably(target, Buffer.from(`{"n":${i}}`), ops)));
    const temps = calls.filter(([op]) => op === 'create').map(([, path]) => basename(path));
    expect(temps).toHaveLength(20);
    expect(new Set(temps).size).toBe(temps.length);
    // The pid in the name keeps two processes apart even if their random parts collided.
    expect(temps.every((name) => name.includes(`.${process.pid}.`))).toBe(true);
  });

  it.each(['write', 'fsync'] as const)('leaves the target untouched and no temp file when %s fails (ENOSPC)', async (op) => {
    const dir = await tempDir();
    const target = join(dir, 'file.json');
    await writeFile(target, 'before');
    await expect(writeFileDurably(target, Buffer.from('after'), failingFsOps(op, 'ENOSPC'))).rejects.toThrow('ENOSPC');
    expect(await readFile(target, 'utf8')).toBe('before');
    expect(await readdir(dir)).toEqual(['file.json']);
  });

  it('retries a rename that Windows refuses for a moment (EPERM, EBUSY), then succeeds', async () => {
    const dir = await tempDir();
    const target = join(dir, 'file.json');
    let refusals = 3;
    const ops = failingFsOps('rename', 'EPERM', () => refusals-- > 0);
    await writeFileDurably(target, Buffer.from('after'), ops);
    expect(await readFile(target, 'utf8')).toBe('after');
    expect(refusals).toBe(-1);
  });

  it('gives up on a rename that keeps failing, and on one that cannot succeed, without leaving a temp file', async () => {
    const dir = await tempDir();
    const target = join(dir, 'file.json');
    await expect(writeFileDurably(target, Buffer.from('x'), failingFsOps('rename', 'EBUSY'))).rejects.toThrow('EBUSY');
    let renames = 0;
    const exdev: FsOps = { ...nodeFsOps, rename: () => (renames++, Promise.reject(fsError('EXDEV'))) };
    await expect(renameWithRetry(exdev, 'a', 'b')).rejects.toThrow('EXDEV');
    expect(renames).toBe(1);
    expect((await readdir(dir)).filter(isTempFile)).toEqual([]);
  });

  it('backs lowdb: the adapter reads a good file, null for none, and refuses a bad one instead of defaulting', async () => {
    const dir = await tempDir();
    const adapter = new DurableJsonAdapter(join(dir, STORE), nodeFsOps);
    expect(await adapter.read()).toBeNull();
    const low = new Low(adapter, emptyDocument());
    await low.update((d) => void d.nextSteps.push(nextStep(1)));
    expect(await adapter.read()).toEqual(low.data);
    await writeFile(join(dir, STORE), '{"schemaVersion": 1}');
    await expect(adapter.read()).rejects.toThrow('Cannot use');
  });
});
