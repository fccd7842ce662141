// Schema migrations (Node, real temp folders): pure versioned steps, and the open that applies them keeps the file
// as the older version wrote it. Fake steps relative to SCHEMA_VERSION keep this test valid when the schema moves on.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../shared/domain';
import { openStore, type Migration } from '../../../electron/main/core/store';
import { migrate, type RawDocument } from '../../../electron/main/core/store/migrations';
import { STORE, sha256, useTempDirs, liveOnDisk } from './helpers';
import { sampleDocument } from './records';

const tempDir = useTempDirs();
const current = sampleDocument(2, 3);

// The previous version called next steps "steps" and had no settings.
const { nextSteps, settings: _settings, ...rest } = current;
const previous: RawDocument = { ...rest, schemaVersion: SCHEMA_VERSION - 1, steps: nextSteps };
const lift: Migration = {
  from: SCHEMA_VERSION - 1,
  up: ({ steps, ...doc }) => ({ ...doc, nextSteps: steps, settings: {} }),
};

describe('migrate', () => {
  it('lifts a document step by step to the current version without touching its input', () => {
    const older = { ...previous, schemaVersion: SCHEMA_VERSION - 2, step: 'two back' };
    const frozen = structuredClone(older);
    const chain: Migration[] = [lift, { from: SCHEMA_VERSION - 2, up: ({ step: _step, ...doc }) => doc }];
    expect(migrate(older, SCHEMA_VERSION - 2, chain)).toEqual({ ...current, settings: {} });
    expect(older).toEqual(frozen);
  });

  it('refuses a version it has no step for', () => {
    expect(() => migrate(previous, SCHEMA_VERSION - 1, [])).toThrow(`no migration from schema version ${SCHEMA_VERSION - 1}`);
  });
});

describe('opening an older file', () => {
  it('migrates it, keeps the original byte-identical in a pre-migration backup, and writes the new version', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, STORE), JSON.stringify(previous));
    const original = await sha256(join(dir, STORE));

    const store = await openStore({ dir, migrations: [lift] });
    await store.close();

    expect(store.data).toEqual(current);
    expect(store.notice).toBeNull();
    expect(await liveOnDisk(dir)).toEqual(current);
    const premigration = (await readdir(join(dir, 'backups'))).filter((n) => n.endsWith('.pre-migration.json'));
    expect(premigration).toHaveLength(1);
    expect(await sha256(join(dir, 'backups', premigration[0]!))).toBe(original);
  });

  it('restores a backup from the older version through the same migration', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, STORE), JSON.stringify(previous));
    await (await openStore({ dir, migrations: [lift] })).close();
    await writeFile(join(dir, STORE), 'garbage');
    // Only the pre-migration copy is left to restore from.
    for (const name of await readdir(join(dir, 'backups'))) {
      if (!name.endsWith('.pre-migration.json')) await writeFile(join(dir, 'backups', name), '{');
    }
    const store = await openStore({ dir, migrations: [lift] });
    expect(store.data).toEqual(current);
    expect(store.notice?.kind).toBe('restored-from-backup');
    await store.close();
  });
});

describe('the real steps', () => {
  it('1 → 2: a version-1 file whose stage templates are plain strings opens with `{ text }` items, nothing else changed', async () => {
    const dir = await tempDir();
    const doc = sampleDocument(2, 3);
    const v1 = {
      ...doc,
      schemaVersion: 1,
      settings: { ...doc.settings, stageTemplates: { Demo: ['Recap their goals', 'Show the route planner'], Empty: [] } },
    };
    await writeFile(join(dir, STORE), JSON.stringify(v1));
    const store = await openStore({ dir });
    expect(store.data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(store.data.settings.stageTemplates).toEqual({ Demo: [{ text: 'Recap their goals' }, { text: 'Show the route planner' }], Empty: [] });
    expect(store.data.meetings).toEqual(doc.meetings);
    await store.close();
    expect(JSON.parse(await readFile(join(dir, STORE), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
  });
});
