// The store as the services use it (Node, real temp folders): round-trip, one writer in call order, a refused change
// that changes nothing, read-only refusals, and the clean-up of a crashed write's temp file. A failed write (full
// disk, locked folder) has its own file: failed-writes.test.ts.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../shared/domain';
import { StoreReadOnlyError, openStore } from '../../../electron/main/core/store';
import { JOURNAL_FILE } from '../../../electron/main/core/store/file-names';
import { bytesOnDisk } from '../../support/on-disk';
import { STORE, liveOnDisk, useTempDirs } from './helpers';
import { nextStep, sampleDocument } from './records';

const tempDir = useTempDirs();
const stepIds = (doc: { nextSteps: { id: string }[] }) => doc.nextSteps.map((s) => s.id);

describe('openStore', () => {
  it('starts a first run with an empty document, written to disk', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir: join(dir, 'new-folder') });
    expect(store.data).toEqual(emptyDocument());
    expect(store.notice).toBeNull();
    expect(store.readOnly).toBe(false);
    await store.close();
    expect(await liveOnDisk(join(dir, 'new-folder'))).toEqual(emptyDocument());
  });

  it('round-trips a document through the disk', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    const doc = sampleDocument(3, 2);
    await store.update((d) => Object.assign(d, doc));
    await store.close();
    const reopened = await openStore({ dir });
    expect(reopened.data).toEqual(doc);
    expect(reopened.notice).toBeNull();
    await reopened.close();
  });

  it('applies updates one at a time, in call order, each on disk when it resolves', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    const onDisk: string[][] = [];
    const updates = Array.from({ length: 10 }, (_, i) =>
      store.update((d) => void d.nextSteps.push(nextStep(i))).then(async () => {
        onDisk.push(stepIds(await liveOnDisk(dir)));
      }),
    );
    await Promise.all(updates);
    const expected = Array.from({ length: 10 }, (_, i) => `step-${i}`);
    expect(stepIds(store.data)).toEqual(expected);
    // Each resolved update found at least its own step on disk.
    onDisk.forEach((ids, i) => expect(ids.slice(0, i + 1)).toEqual(expected.slice(0, i + 1)));
    await store.close();
  });

  it('keeps the queue going after a change that throws, and leaves the data as it was', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    const bad = store.update((d) => {
      d.nextSteps.push(nextStep(1));
      throw new Error('rule says no');
    });
    const good = store.update((d) => void d.nextSteps.push(nextStep(2)));
    await expect(bad).rejects.toThrow('rule says no');
    await good;
    expect(stepIds(store.data)).toEqual(['step-2']);
    await store.close();
  });

  it('refuses to save a document it could not read back', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await expect(store.update((d) => void d.nextSteps.push({ ...nextStep(1), when: 'soon' }))).rejects.toThrow('invalid');
    expect(store.data.nextSteps).toEqual([]);
    await store.close();
  });

  it('refuses two different records under one id, and keeps an exact repeat', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await store.update((d) => void d.nextSteps.push(nextStep(1)));
    await expect(store.update((d) => void d.nextSteps.push({ ...nextStep(1), what: 'Another step' }))).rejects.toThrow('ambiguous');
    await store.update((d) => void d.nextSteps.push(nextStep(1))); // byte for byte the same: nothing ambiguous
    expect(stepIds(store.data)).toEqual(['step-1', 'step-1']);
    await store.close();
  });

  it('hands out frozen data: an edit outside update throws and changes neither memory nor disk', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await store.update((d) => void d.nextSteps.push(nextStep(1)));
    const fileBefore = bytesOnDisk(dir);
    expect(() => {
      (store.data.nextSteps[0] as { what: string }).what = 'edited in place';
    }).toThrow(TypeError);
    expect(() => {
      (store.data as { nextSteps: unknown }).nextSteps = [];
    }).toThrow(TypeError);
    // The collection arrays themselves are left unfrozen (see freezeDocument): copying frozen ones is slow.
    expect(store.data.nextSteps[0]!.what).toBe(nextStep(1).what);
    expect(bytesOnDisk(dir)).toBe(fileBefore);
    await store.close();
  });

  it('resolves close() only after queued writes, and the backups they queued, are on disk', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    for (let i = 0; i < 5; i++) void store.update((d) => void d.nextSteps.push(nextStep(i)));
    await store.close();
    expect(JSON.parse(await readFile(join(dir, STORE), 'utf8')).nextSteps).toHaveLength(5);
    expect(await readdir(join(dir, 'backups'))).toHaveLength(1); // the day's first write was copied
  });

  it('removes temp files left by a crashed write, and only those', async () => {
    const dir = await tempDir();
    await (await openStore({ dir })).close();
    await writeFile(join(dir, `${STORE}.4242.0123abcd.tmp`), '{"half": ');
    await writeFile(join(dir, 'notes.tmp'), 'not ours');
    const store = await openStore({ dir });
    await store.close();
    expect((await readdir(dir)).sort()).toEqual(['backups', 'notes.tmp', STORE, JOURNAL_FILE].sort());
  });

  it('refuses updates while read-only, with StoreReadOnlyError', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, STORE), JSON.stringify({ ...emptyDocument(), schemaVersion: 99 }));
    const store = await openStore({ dir });
    await expect(store.update(() => {})).rejects.toBeInstanceOf(StoreReadOnlyError);
    await store.acknowledgeNotice();
    expect(store.notice).toBeNull();
    expect(store.readOnly).toBe(true); // only updating the app makes a newer file writable
    await store.close();
  });
});
