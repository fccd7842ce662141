// Unreadable and newer-version store files (Node, real temp folders): the bad file is moved aside byte-identical,
// the newest valid backup comes back with a notice naming its time, and with no backup nothing is written until the
// rep says so. A newer app's file is not corruption: it is shown read-only and left exactly as it was.
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, emptyDocument } from '../../../shared/domain';
import { StoreReadOnlyError, nodeFsOps, openStore, type FsOps } from '../../../electron/main/core/store';
import { fileStamp } from '../../../electron/main/core/store/file-names';
import { STORE, fsError, liveOnDisk, sha256, snapshot, useTempDirs } from './helpers';
import { sampleDocument } from './records';

const tempDir = useTempDirs();

// Local time, so the expected wording does not depend on the machine's time zone. 22 November 2026 is a Sunday.
const BACKUP_TIME = new Date(2026, 10, 22, 14, 5).getTime();
const OPEN_TIME = new Date(2026, 10, 23, 9, 0).getTime();
const good = sampleDocument(12, 4);
const goodJson = JSON.stringify(good, null, 2);

const cutAfter = (marker: string, extra: number) => Buffer.from(goodJson.slice(0, goodJson.indexOf(marker) + marker.length + extra));
const [firstMeeting, secondMeeting] = good.meetings;

// The corpus: every kind of damage a store file has been seen to suffer (or could). Each must open without a hitch.
const corruptions: Record<string, Buffer> = {
  'an empty file': Buffer.alloc(0),
  'a file cut off in the middle of a string': cutAfter('Follow-up', 0),
  'a file cut off in the middle of a number': cutAfter('"durationMinutes": ', 1), // "durationMinutes": 3
  'a huge file (25 MB of JSON that never closes)': Buffer.from(
    `{"schemaVersion": ${SCHEMA_VERSION}, "meetings": [${'{"id": "m", "title": "x"},'.repeat(1_000_000)}`,
  ),
  'two different meetings under one id': Buffer.from(
    JSON.stringify({ ...good, meetings: [firstMeeting, { ...secondMeeting, id: firstMeeting!.id }] }),
  ),
  'a record missing a required field': Buffer.from(
    JSON.stringify({ ...good, nextSteps: good.nextSteps.map(({ when: _when, ...step }) => step) }),
  ),
  'garbage bytes': Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff, 0x7b, 0x22, 0xc3, 0x28, 0x0a]),
  'a block of zero bytes (what a power cut can leave)': Buffer.alloc(4096),
  'valid JSON of the wrong shape': Buffer.from(JSON.stringify({ schemaVersion: SCHEMA_VERSION, meetings: 'twelve' })),
  'a JSON array': Buffer.from('[1, 2, 3]'),
  'a document missing a collection': Buffer.from(JSON.stringify({ ...good, nextSteps: undefined })),
  'a record with an invalid field': Buffer.from(
    JSON.stringify({ ...good, meetings: [{ ...good.meetings[0], start: 'Tuesday' }] }),
  ),
  'no schemaVersion': Buffer.from(JSON.stringify({ ...good, schemaVersion: undefined })),
  'an older version with no migration': Buffer.from(JSON.stringify({ ...good, schemaVersion: 0 })),
  'the document in UTF-16': Buffer.from(`\ufeff${goodJson}`, 'utf16le'),
};

/** A folder whose backup ring holds `good`, taken at BACKUP_TIME, and whose live file is then replaced by `bytes`. */
async function folderWithBackup(bytes: Buffer): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, STORE), goodJson);
  await (await openStore({ dir, now: () => BACKUP_TIME })).close(); // a successful open backs the file up
  await writeFile(join(dir, STORE), bytes);
  return dir;
}

describe.each(Object.entries(corruptions))('a store file that is %s', (_, bytes) => {
  it('is quarantined byte-identical and the newest valid backup is loaded, with a notice naming its time', async () => {
    const dir = await folderWithBackup(bytes);
    const before = await sha256(join(dir, STORE));

    const store = await openStore({ dir, now: () => OPEN_TIME });

    expect(store.data).toEqual(good);
    expect(store.readOnly).toBe(false);
    const quarantined = join(dir, `second-step.corrupt-${fileStamp(OPEN_TIME)}.json`);
    expect(store.notice).toEqual({
      kind: 'restored-from-backup',
      message:
        'Your data file could not be read, so Second Step loaded your backup from Sunday 22 November, 14:05 ' +
        `(12 meetings, 4 next steps). The unreadable file was kept as second-step.corrupt-${fileStamp(OPEN_TIME)}.json.`,
      backupTime: new Date(BACKUP_TIME).toISOString(),
      quarantinedFile: quarantined,
    });
    expect(await sha256(quarantined)).toBe(before);
    expect(await liveOnDisk(dir)).toEqual(good);
    await store.update((d) => void d.meetings.pop());
    await store.close();
  });

  it('with no backup: opens read-only and empty, writes nothing until the rep acknowledges', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, STORE), bytes);
    const before = await sha256(join(dir, STORE));

    const store = await openStore({ dir, now: () => OPEN_TIME });

    const quarantinedName = `second-step.corrupt-${fileStamp(OPEN_TIME)}.json`;
    expect(store.readOnly).toBe(true);
    expect(store.data).toEqual(emptyDocument());
    expect(store.notice).toMatchObject({ kind: 'unreadable-no-backup', quarantinedFile: join(dir, quarantinedName) });
    expect(store.notice?.message).toContain(quarantinedName);
    await expect(store.update(() => {})).rejects.toBeInstanceOf(StoreReadOnlyError);
    expect(await snapshot(dir)).toEqual({ [quarantinedName]: before }); // moved aside, nothing written

    await store.acknowledgeNotice();
    expect(store.readOnly).toBe(false);
    expect(store.notice).toBeNull();
    expect(await liveOnDisk(dir)).toEqual(emptyDocument());
    expect(await sha256(join(dir, quarantinedName))).toBe(before);
    await store.close();
  });
});

describe('backups and odd files', () => {
  it('skips backups that are themselves unreadable and loads the newest valid one', async () => {
    const dir = await folderWithBackup(Buffer.from('{'));
    const later = BACKUP_TIME + 3_600_000;
    // Newer by time and by sequence number than the good one: it is tried first and must be skipped.
    await writeFile(join(dir, 'backups', `second-step.${fileStamp(later)}.n99.daily.json`), '{"schemaVersion": 1');
    const store = await openStore({ dir, now: () => OPEN_TIME });
    expect(store.data).toEqual(good);
    expect(store.notice?.backupTime).toBe(new Date(BACKUP_TIME).toISOString());
    await store.close();
  });

  it('never replaces an earlier quarantined file', async () => {
    const dir = await tempDir();
    for (const bytes of ['first bad', 'second bad']) {
      await writeFile(join(dir, STORE), bytes);
      await (await openStore({ dir, now: () => OPEN_TIME })).close(); // no backup: no live file is written
    }
    const names = (await readdir(dir)).filter((n) => n.includes('corrupt')).sort();
    expect(names).toHaveLength(2);
    const contents = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
    expect(contents.sort()).toEqual(['first bad', 'second bad']);
  });

  it('brings back the newest backup when the live file has gone missing', async () => {
    const dir = await folderWithBackup(Buffer.from(goodJson));
    await rm(join(dir, STORE));
    const store = await openStore({ dir, now: () => OPEN_TIME });
    expect(store.data).toEqual(good);
    expect(store.notice?.message).toMatch(/^Your data file was missing, so Second Step loaded your backup from Sunday/);
    await store.close();
  });

  it('accepts a UTF-8 byte-order mark (an editor added it; the data is fine)', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, STORE), `\ufeff${goodJson}`);
    const store = await openStore({ dir });
    expect(store.data).toEqual(good);
    expect(store.notice).toBeNull();
    await store.close();
  });
});

describe('damage that is not corruption', () => {
  it('extra fields: the file opens as usual, the fields are dropped, and the file as it was is kept in a backup', async () => {
    const dir = await tempDir();
    const withExtras = JSON.stringify({ ...good, plugin: { x: 1 }, meetings: good.meetings.map((m) => ({ ...m, colour: 'red' })) });
    await writeFile(join(dir, STORE), withExtras);
    const before = await sha256(join(dir, STORE));

    const store = await openStore({ dir, now: () => OPEN_TIME });
    await store.close();

    expect(store.data).toEqual(good);
    expect(store.notice).toBeNull();
    expect(store.readOnly).toBe(false);
    const backups = await readdir(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(await sha256(join(dir, 'backups', backups[0]!))).toBe(before);
  });

  it('the same record twice: the copies collapse into one, nothing is lost', async () => {
    const dir = await tempDir();
    const repeated = { ...good, meetings: [...good.meetings, good.meetings[3]], nextSteps: [...good.nextSteps, good.nextSteps[0]] };
    await writeFile(join(dir, STORE), JSON.stringify(repeated));

    const store = await openStore({ dir, now: () => OPEN_TIME });

    expect(store.data).toEqual(good);
    expect(store.notice).toBeNull();
    await store.update((d) => void d.meetings.pop()); // and the next save writes it without the repeat
    await store.close();
    expect(JSON.parse(await readFile(join(dir, STORE), 'utf8')).meetings).toHaveLength(good.meetings.length - 1);
  });

  it('refuses to save two different records under one id (the next start could not tell them apart)', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await expect(store.update((d) => void d.meetings.push(firstMeeting!, { ...secondMeeting!, id: firstMeeting!.id }))).rejects.toThrow(
      'ambiguous',
    );
    expect(store.data.meetings).toEqual([]);
    await store.close();
  });

  it('a temp file left by a write that was cut short: removed, and the file it was meant to replace loads', async () => {
    const dir = await folderWithBackup(Buffer.from(goodJson));
    const leftover = `${STORE}.4242.0123abcd.tmp`;
    await writeFile(join(dir, leftover), goodJson.slice(0, 100));
    const store = await openStore({ dir, now: () => OPEN_TIME });
    await store.close();
    expect(store.data).toEqual(good);
    expect(store.notice).toBeNull();
    expect(await readdir(dir)).not.toContain(leftover);
  });
});

describe('a data folder that refuses writes (EACCES, EROFS)', () => {
  /** The folder as a locked-down profile or a read-only mount presents it: reads work, creating a file does not. */
  const readOnlyFolder = (code: string): FsOps => ({ ...nodeFsOps, create: () => Promise.reject(fsError(code)) });

  it.each(['EACCES', 'EROFS'])('%s: opens read-only on the file as it is, with a plain notice, touching nothing', async (code) => {
    const dir = await folderWithBackup(Buffer.from(goodJson));
    const before = await snapshot(dir);

    const store = await openStore({ dir, now: () => OPEN_TIME, fsOps: readOnlyFolder(code) });

    expect(store.data).toEqual(good);
    expect(store.readOnly).toBe(true);
    expect(store.notice?.kind).toBe('read-only-folder');
    expect(store.notice?.message).toMatch(/^Second Step cannot save to its data folder: .+\. Your data is shown read-only/);
    expect(store.notice?.message).toContain(`Please check the permissions of ${dir}, then restart Second Step.`);
    await expect(store.update((d) => void d.meetings.pop())).rejects.toBeInstanceOf(StoreReadOnlyError);
    await store.close();
    expect(await snapshot(dir)).toEqual(before);
  });

  it('with an unreadable file: shows the newest valid backup, read-only, and names its time', async () => {
    const dir = await folderWithBackup(Buffer.from('{"schemaVersion": 1, "meet'));
    const before = await snapshot(dir);

    const store = await openStore({ dir, now: () => OPEN_TIME, fsOps: readOnlyFolder('EACCES') });

    expect(store.data).toEqual(good);
    expect(store.readOnly).toBe(true);
    expect(store.notice?.message).toMatch(
      /^Your data file could not be read, so you are seeing your backup from Sunday 22 November, 14:05\. Second Step cannot save/,
    );
    await store.close();
    expect(await snapshot(dir)).toEqual(before); // not even quarantined: nothing can be moved
  });
});

describe('a store file written by a newer version', () => {
  const newer = { ...good, schemaVersion: SCHEMA_VERSION + 1, forecasts: [{ id: 'f1' }] };

  it.each([
    ['with records this version understands', newer, good.meetings.length],
    ['with collections this version cannot read', { schemaVersion: SCHEMA_VERSION + 1, meetings: 'in a new format' }, 0],
  ])('%s: shown read-only, asks to update, never claims a restore, left byte-identical', async (_, doc, meetings) => {
    const dir = await tempDir();
    await writeFile(join(dir, STORE), JSON.stringify(doc));
    const before = await snapshot(dir);

    const store = await openStore({ dir, now: () => OPEN_TIME });

    expect(store.readOnly).toBe(true);
    expect(store.data.meetings).toHaveLength(meetings);
    expect(store.notice?.kind).toBe('newer-version');
    expect(store.notice?.message).toMatch(/newer version of Second Step\. Please update the app/);
    expect(store.notice?.message).not.toMatch(/restor/i);
    await expect(store.update(() => {})).rejects.toBeInstanceOf(StoreReadOnlyError);
    await store.close();
    expect(await snapshot(dir)).toEqual(before); // no quarantine, no backup, no rewrite
  });
});
