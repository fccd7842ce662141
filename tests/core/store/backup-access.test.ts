// What the settings page asks of the backups (Node, real temp folders, injected time): the list, a backup taken on
// demand before a restore, and reading a backup or a picked file for a preview — in plain words when it cannot.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, StoreDocument } from '../../../shared/domain';
import { openStore } from '../../../electron/main/core/store';
import { useTempDirs } from './helpers';
import { nextStep, sampleDocument } from './records';

const tempDir = useTempDirs();
const start = new Date(2026, 10, 1, 9, 0).getTime();
const bytesOf = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('backups for the settings page', () => {
  it('lists backups newest first and takes a pre-restore backup of everything as it is now', async () => {
    const dir = await tempDir();
    let now = start;
    const store = await openStore({ dir, now: () => now });
    await store.update((d) => void d.nextSteps.push(nextStep(1))); // the day's first write is backed up
    expect(await store.listBackups()).toHaveLength(1);
    now += 60_000;
    await store.update((d) => void d.nextSteps.push(nextStep(2)));
    const taken = await store.backUpNow('pre-restore');
    expect(taken).toEqual({ id: expect.stringMatching(/\.pre-restore\.json$/), time: now, reason: 'pre-restore' });
    const list = await store.listBackups();
    expect(list.map((b) => b.reason)).toEqual(['pre-restore', 'daily']);
    expect(list[0]).toEqual(taken);
    expect((await store.readBackup(taken.id)).nextSteps.map((s) => s.id)).toEqual(['step-1', 'step-2']);
    expect((await store.readBackup(list[1]!.id)).nextSteps.map((s) => s.id)).toEqual(['step-1']);
    await store.close();
  });

  it('refuses an unknown or damaged backup in plain words, and never reads outside the backup folder', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir, now: () => start });
    await store.update((d) => void d.nextSteps.push(nextStep(1)));
    const [daily] = await store.listBackups();
    await expect(store.readBackup('../second-step.json')).rejects.toThrow(/no longer exists/);
    await writeFile(join(dir, 'backups', daily!.id), '{"schemaVersion": 1, "threads": "oops"');
    await expect(store.readBackup(daily!.id)).rejects.toThrow(/This backup is damaged/);
    await store.close();
  });

  it('reads a picked JSON export, and refuses anything that is not a valid one', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    const doc = sampleDocument(2, 3);
    expect(await store.readDocumentFile(bytesOf(doc))).toEqual(StoreDocument.parse(doc));
    await expect(store.readDocumentFile(Buffer.from('not json'))).rejects.toThrow(/This file is damaged/);
    const twice = { ...doc, nextSteps: [nextStep(1), { ...nextStep(1), what: 'other' }] };
    await expect(store.readDocumentFile(bytesOf(twice))).rejects.toThrow(/This file is damaged/);
    const newer = { ...doc, schemaVersion: SCHEMA_VERSION + 1 };
    await expect(store.readDocumentFile(bytesOf(newer))).rejects.toThrow(/newer version of Second Step/);
    await store.close();
  });
});
