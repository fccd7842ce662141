// Per-year archive files (Node, real temp folders, fast-check): which records are settled history, that a folder
// split into a live file and archives opens as exactly the document that was written, and what happens to an
// archive that is damaged, reformatted or left behind by an interrupted write.
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type Meeting, type NextStep, type StoreDocument, type Thread } from '../../../shared/domain';
import { openStore, nodeFsOps } from '../../../electron/main/core/store';
import { DurableJsonAdapter } from '../../../electron/main/core/store/durable-json-adapter';
import type { DurableStore } from '../../../electron/main/core/store/durable-store';
import { ARCHIVE_NAME, decodeArchive, decodeArchiveInSlices, encodeArchive, sha256Of } from '../../../electron/main/core/store/archive-files';
import { BACKUP_DIR } from '../../../electron/main/core/store/file-names';
import { ARCHIVED, SETTLE_AFTER_MS, owedMeetings, referencesOf, settledYear, settlingNow, type ArchivedCollection } from '../../../electron/main/core/store/settled';
import { openTestCore } from '../../support/core-harness';
import { seedYear } from '../../support/seed-year';
import { storeDocument } from '../../support/arbitraries';
import { STORE, snapshot, useTempDirs } from './helpers';

const tempDir = useTempDirs();
const DAY = 86_400_000;
const MIN = Date.UTC(2020, 0, 1);
const MAX = Date.UTC(2036, 0, 1);

/** The arbitraries' documents with some deals closed and some steps done or missed, so there is history to settle. */
const documentWithHistory = (): fc.Arbitrary<StoreDocument> =>
  storeDocument().chain((doc) =>
    fc
      .record({
        closed: fc.array(fc.option(fc.integer({ min: MIN, max: MAX }), { nil: null }), { minLength: doc.threads.length, maxLength: doc.threads.length }),
        steps: fc.array(fc.constantFrom('open', 'done', 'missed'), { minLength: doc.nextSteps.length, maxLength: doc.nextSteps.length }),
        booked: fc.array(fc.option(fc.nat(), { nil: null }), { minLength: doc.nextSteps.length, maxLength: doc.nextSteps.length }),
      })
      .map(({ closed, steps, booked }) => ({
        ...doc,
        threads: doc.threads.map((t, i): Thread => {
          const at = closed[i];
          return at == null ? t : { ...t, status: 'lost', closeOut: { result: 'lost', reason: 'Budget went elsewhere', at: new Date(at).toISOString() } };
        }),
        nextSteps: doc.nextSteps.map((s, i): NextStep => {
          const meeting = booked[i] == null ? undefined : doc.meetings[booked[i]! % doc.meetings.length];
          return { ...s, status: steps[i] as NextStep['status'], ...(meeting ? { plannedMeetingId: meeting.id } : {}) };
        }),
      })),
  );

const byId = (records: readonly { id: string }[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
const sameDocument = (actual: StoreDocument, expected: StoreDocument) => {
  for (const c of ['threads', 'meetings', 'nextSteps'] as const) expect(byId(actual[c])).toEqual(byId(expected[c]));
  expect(actual.settings).toEqual(expected.settings);
  expect(actual.drafts).toEqual(expected.drafts);
  expect(actual.schemaVersion).toBe(SCHEMA_VERSION);
};
/** A core clock set far after every generated date, whose timers never fire: compaction runs only when asked. */
const farFuture = { now: () => MAX + 365 * DAY, at: () => () => {} };
const archivesIn = async (dir: string) => (await readdir(dir)).filter((n) => ARCHIVE_NAME.test(n)).sort();

/** Writes `doc` into `dir` as the store does, with everything settled by `now` moved into archive files (and no
 * backup: tests that need one take it). */
async function writeSplit(dir: string, doc: StoreDocument, now: number): Promise<number> {
  await new DurableJsonAdapter(join(dir, STORE), nodeFsOps).write(doc);
  const store = (await openStore({ dir, now: () => now, clock: { now: () => now, at: () => () => {} } })) as DurableStore;
  const moved = await store.compactNow();
  await store.close();
  await rm(join(dir, BACKUP_DIR), { recursive: true, force: true });
  return moved;
}

describe('the settle rule', () => {
  const finished = (collection: ArchivedCollection, record: Thread | Meeting | NextStep, settledMeetings: Set<string>): string | null => {
    if (collection === 'meetings') return ['done', 'cancelled', 'no-show'].includes((record as Meeting).status) ? (record as Meeting).end : null;
    if (collection === 'nextSteps') {
      const step = record as NextStep;
      const kept = step.plannedMeetingId !== undefined && settledMeetings.has(step.plannedMeetingId);
      return step.status === 'open' && !kept ? null : step.when;
    }
    const t = record as Thread;
    return t.status !== 'open' && t.closeOut ? t.closeOut.at : null;
  };

  it('files only finished records (or a step whose booked meeting settled), more than 60 days after they finished, under that year; never one still owed a wrap-up', () => {
    fc.assert(
      fc.property(documentWithHistory(), fc.integer({ min: MIN, max: MAX }), fc.boolean(), fc.func(fc.boolean()), (doc, now, owe, settles) => {
        const owed = new Set(owe ? doc.meetings.map((m) => m.id) : []);
        const settledMeetings = new Set(doc.meetings.filter((m) => settles(m.id)).map((m) => m.id));
        for (const c of ['threads', 'meetings', 'nextSteps'] as const) {
          for (const record of doc[c]) {
            const year = settledYear(c, record, now, { owed, settledMeetings });
            const at = finished(c, record, settledMeetings);
            const due = at !== null && now - Date.parse(at) > SETTLE_AFTER_MS && !(c === 'meetings' && owe);
            expect(year).toBe(due ? new Date(at).getUTCFullYear() : null);
          }
        }
      }),
    );
  });

  it('never files a planned, live or wrapping-up meeting, or an open step whose booked meeting has not settled, however old', () => {
    fc.assert(
      fc.property(storeDocument(), (doc) => {
        const later = MAX + 10 * 365 * DAY;
        for (const m of doc.meetings) if (!['done', 'cancelled', 'no-show'].includes(m.status)) expect(settledYear('meetings', m, later)).toBeNull();
        for (const s of doc.nextSteps) expect(settledYear('nextSteps', s, later)).toBeNull();
      }),
    );
  });
});

describe('a folder split into a live file and archives', () => {
  it('opens as exactly the document that was written, whatever moved (and writes of it after that keep it whole)', async () => {
    await fc.assert(
      fc.asyncProperty(documentWithHistory(), fc.integer({ min: MIN, max: MAX }), async (doc, now) => {
        const dir = await tempDir();
        await writeSplit(dir, doc, now);
        const store = await openStore({ dir, now: () => now });
        sameDocument(await store.whole(), doc);
        expect(store.notice).toBeNull();
        // A change after the split: the records stay where they are, the document stays whole.
        await store.update((d) => void d.threads.push({ ...doc.threads[0]!, id: 'added' }));
        await store.close();
        const again = await openStore({ dir });
        await again.close();
        sameDocument(await again.whole(), await store.whole());
      }),
      { numRuns: 40 },
    );
  });

  it('keeps settled history out of the live file, which names each archive with its hash and counts', async () => {
    const dir = await tempDir();
    const doc = await fc.sample(documentWithHistory().filter((d) => d.meetings.some((m) => m.status === 'done')), { numRuns: 1, seed: 7 })[0]!;
    const moved = await writeSplit(dir, doc, MAX + 365 * DAY);
    expect(moved).toBeGreaterThan(0);
    const live = JSON.parse(await readFile(join(dir, STORE), 'utf8')) as StoreDocument & { archives: { file: string; counts: Record<string, number> }[] };
    expect(live.schemaVersion).toBe(3);
    const liveIds = new Set(live.meetings.map((m) => m.id));
    for (const m of doc.meetings.filter((x) => x.status === 'done')) expect(liveIds.has(m.id)).toBe(false);
    expect(live.archives.map((a) => a.file).sort()).toEqual(await archivesIn(dir));
    const archived = live.archives.reduce((n, a) => n + a.counts['threads']! + a.counts['meetings']! + a.counts['nextSteps']!, 0);
    expect(archived).toBe(moved);
  });

  it('an archive that fails to parse is moved aside untouched and its records come back from the newest backup', async () => {
    const dir = await tempDir();
    const doc = await fc.sample(documentWithHistory().filter((d) => d.meetings.length > 2), { numRuns: 1, seed: 3 })[0]!;
    await writeFile(join(dir, STORE), `${JSON.stringify(doc, null, 2)}\n`);
    // The open takes the backup (of the whole document); then the history moves into archives.
    const first = (await openStore({ dir, clock: farFuture })) as DurableStore;
    await first.listBackups();
    expect(await first.compactNow()).toBeGreaterThan(0);
    await first.close();
    const [archive] = await archivesIn(dir);
    const damaged = '{"kind": "second-step-archive", "meetings": [';
    await writeFile(join(dir, archive!), damaged);

    const store = await openStore({ dir, now: () => MAX });
    await store.close();
    sameDocument(await store.whole(), doc);
    expect(store.readOnly).toBe(false);
    expect(store.notice?.kind).toBe('restored-from-backup');
    expect(store.notice?.message).toContain('could not be read');
    expect(await readFile(store.notice!.quarantinedFile!, 'utf8')).toBe(damaged);
  });

  it('with no backup, a damaged archive leaves the rest read-only and the folder exactly as it was', async () => {
    const dir = await tempDir();
    const doc = await fc.sample(documentWithHistory().filter((d) => d.meetings.some((m) => m.status === 'done')), { numRuns: 1, seed: 5 })[0]!;
    await writeSplit(dir, doc, MAX + 365 * DAY);
    const [archive] = await archivesIn(dir);
    await writeFile(join(dir, archive!), 'not json');
    const before = await snapshot(dir);
    const store = await openStore({ dir });
    let told = 0;
    store.onBackgroundChange(() => (told += 1));
    await store.whole(); // the archives are read after the store opens: the windows are told what was found
    expect(told).toBe(1);
    expect(store.readOnly).toBe(true);
    expect(store.notice?.kind).toBe('archive-unreadable');
    expect(store.notice?.message).toContain('could not be read');
    await expect(store.update((d) => void d.threads.pop())).rejects.toThrow('read-only');
    await store.acknowledgeNotice();
    expect(store.readOnly).toBe(true);
    await store.close();
    expect(await snapshot(dir)).toEqual(before);
  });

  it('accepts a valid archive whose bytes no longer match the recorded hash (reformatted by hand)', async () => {
    const dir = await tempDir();
    const doc = await fc.sample(documentWithHistory().filter((d) => d.meetings.some((m) => m.status === 'done')), { numRuns: 1, seed: 9 })[0]!;
    await writeSplit(dir, doc, MAX + 365 * DAY);
    for (const name of await archivesIn(dir)) {
      const path = join(dir, name);
      await writeFile(path, JSON.stringify(JSON.parse(await readFile(path, 'utf8')), null, 2));
    }
    const store = await openStore({ dir });
    await store.close();
    expect(store.notice).toBeNull();
    sameDocument(await store.whole(), doc);
  });

  it('ignores and removes an archive version an interrupted write left behind, and keeps the data it holds', async () => {
    const dir = await tempDir();
    const doc = await fc.sample(documentWithHistory().filter((d) => d.meetings.some((m) => m.status === 'done')), { numRuns: 1, seed: 11 })[0]!;
    await writeSplit(dir, doc, MAX + 365 * DAY);
    const [archive] = await archivesIn(dir);
    // A newer version of the same year, written before a crash stopped the live file from naming it.
    const orphan = archive!.replace(/\.[0-9a-f]{12}\.json$/, '.0123456789ab.json');
    await writeFile(join(dir, orphan), await readFile(join(dir, archive!)));
    const store = await openStore({ dir });
    await store.close();
    sameDocument(await store.whole(), doc);
    expect(await archivesIn(dir)).not.toContain(orphan);
    expect(await archivesIn(dir)).toContain(archive);
  });

  it('keeps an unnamed archive that holds records found nowhere else', async () => {
    const dir = await tempDir();
    const doc = await fc.sample(documentWithHistory(), { numRuns: 1, seed: 13 })[0]!;
    await writeSplit(dir, doc, MIN);
    const stray = 'archive-2021.aaaaaaaaaaaa.json';
    await writeFile(join(dir, stray), JSON.stringify({ kind: 'second-step-archive', threads: [{ id: 'only-here' }], meetings: [], nextSteps: [] }));
    await (await openStore({ dir })).close();
    expect(await archivesIn(dir)).toContain(stray);
  });

  it('is written with a schema version an older app takes for newer, so it opens the folder read-only and writes nothing', async () => {
    const dir = await tempDir();
    const doc = await fc.sample(documentWithHistory().filter((d) => d.meetings.some((m) => m.status === 'done')), { numRuns: 1, seed: 17 })[0]!;
    await writeSplit(dir, doc, MAX + 365 * DAY);
    const live = JSON.parse(await readFile(join(dir, STORE), 'utf8')) as { schemaVersion: number; archives: unknown[] };
    // Version 2 apps open any file above 2 read-only (see load.ts); archives are listed from version 3 on.
    expect(live.schemaVersion).toBeGreaterThan(2);
    expect(live.archives.length).toBeGreaterThan(0);
    // The same rule, one version on: this app seeing a split folder from a newer one.
    await writeFile(join(dir, STORE), JSON.stringify({ ...live, schemaVersion: SCHEMA_VERSION + 1 }));
    const before = await snapshot(dir);
    const store = await openStore({ dir });
    await store.close();
    expect(store.readOnly).toBe(true);
    expect(store.notice?.kind).toBe('newer-version');
    expect(await snapshot(dir)).toEqual(before);
  });
});

describe('the live document and the history', () => {
  /** Every reference from a live record to a record that exists resolves in the live document. */
  const expectLiveRefsResolve = (live: StoreDocument, whole: StoreDocument) => {
    const ids = (d: StoreDocument) => new Map(ARCHIVED.map((c) => [c, new Set(d[c].map((r) => r.id))]));
    const inLive = ids(live);
    const inWhole = ids(whole);
    for (const c of ARCHIVED) {
      for (const record of live[c]) {
        for (const [rc, id] of referencesOf(c, record)) if (inWhole.get(rc)!.has(id)) expect(inLive.get(rc)!.has(id)).toBe(true);
      }
    }
    for (const draft of live.drafts) if (inWhole.get('meetings')!.has(draft.meetingId)) expect(inLive.get('meetings')!.has(draft.meetingId)).toBe(true);
  };

  it('moves only settled records, and nothing a staying record (or a wrap-up draft) refers to', () => {
    fc.assert(
      fc.property(documentWithHistory(), fc.integer({ min: MIN, max: MAX + 365 * DAY }), (doc, now) => {
        const moving = settlingNow(doc, now, new Set());
        const alone = { owed: owedMeetings(doc), settledMeetings: new Set<string>() };
        const candidates = new Set(doc.meetings.filter((m) => settledYear('meetings', m, now, alone) !== null).map((m) => m.id));
        for (const c of ARCHIVED) {
          for (const record of doc[c]) {
            const year = moving.get(c)!.get(record.id);
            if (year !== undefined) {
              expect(settledYear(c, record, now, { owed: alone.owed, settledMeetings: candidates })).toBe(year);
              continue;
            }
            for (const [rc, id] of referencesOf(c, record)) expect(moving.get(rc)!.has(id)).toBe(false);
          }
        }
        for (const draft of doc.drafts) expect(moving.get('meetings')!.has(draft.meetingId)).toBe(false);
      }),
    );
  });

  it('after a compaction (and taking any archived record back) the whole document is unchanged, the live one keeps whatever its records refer to, and a second compaction moves nothing', async () => {
    await fc.assert(
      fc.asyncProperty(documentWithHistory(), fc.integer({ min: MIN, max: MAX + 365 * DAY }), fc.nat(), async (doc, now, pick) => {
        const dir = await tempDir();
        await writeSplit(dir, doc, now);
        const clock = { now: () => now, at: () => () => {} };
        const store = (await openStore({ dir, now: () => now, clock })) as DurableStore;
        const whole = await store.whole();
        sameDocument(whole, doc);
        expectLiveRefsResolve(store.data, whole);
        expect(await store.compactNow()).toBe(0);
        const archived = ARCHIVED.flatMap((c) => whole[c].filter((r) => !store.data[c].some((l) => l.id === r.id)).map((r) => [c, r.id] as const));
        if (archived.length > 0) {
          expect(await store.revive(archived[pick % archived.length]!)).toBe(true);
          sameDocument(await store.whole(), doc);
          expectLiveRefsResolve(store.data, await store.whole());
        }
        await store.close();
        const again = await openStore({ dir, now: () => now, clock });
        sameDocument(await again.whole(), doc);
        await again.close();
      }),
      { numRuns: 30 },
    );
  });

  it('takes an archived record back for a change, with the archived records it refers to, and never keeps it in two files', async () => {
    const dir = await tempDir();
    const doc = await fc.sample(documentWithHistory().filter((d) => d.meetings.some((m) => m.status === 'done')), { numRuns: 1, seed: 19 })[0]!;
    await writeSplit(dir, doc, MAX + 365 * DAY);
    const store = await openStore({ dir, clock: farFuture });
    const whole = await store.whole();
    const old = whole.meetings.find((m) => m.status === 'done' && !store.data.meetings.some((l) => l.id === m.id))!;
    expect(old).toBeDefined();
    expect(await store.revive(['meetings', old.id])).toBe(true);
    expect(store.data.meetings.map((m) => m.id)).toContain(old.id);
    expect(store.data.threads.map((t) => t.id)).toContain(old.threadId);
    sameDocument(await store.whole(), doc);
    expect(await store.revive(['meetings', old.id])).toBe(false); // live now: nothing to take back
    await store.close();
    const live = JSON.parse(await readFile(join(dir, STORE), 'utf8')) as { archives: { file: string }[] };
    for (const { file } of live.archives) {
      const archive = JSON.parse(await readFile(join(dir, file), 'utf8')) as StoreDocument;
      expect(archive.meetings.map((m) => m.id)).not.toContain(old.id);
    }
    const again = await openStore({ dir, clock: farFuture });
    expect(again.data.meetings.map((m) => m.id)).toContain(old.id);
    sameDocument(await again.whole(), doc);
    await again.close();
  });

  it('takes back, after open, what a live record refers to in the archives (a folder an older version compacted)', async () => {
    const dir = await tempDir();
    const doc = await fc.sample(documentWithHistory().filter((d) => d.nextSteps.length > 0), { numRuns: 1, seed: 31 })[0]!;
    const step = doc.nextSteps[0]!;
    const meeting = doc.meetings.find((m) => m.id === step.fromMeetingId)!;
    const live = { ...doc, meetings: doc.meetings.filter((m) => m.id !== meeting.id) };
    const filed = new Map([[2020, { threads: [], meetings: [meeting], nextSteps: [] }]]);
    await new DurableJsonAdapter(join(dir, STORE), nodeFsOps).write(live, filed);
    const store = await openStore({ dir, clock: farFuture });
    expect(store.data.meetings.map((m) => m.id)).not.toContain(meeting.id);
    sameDocument(await store.whole(), doc);
    expect(store.data.meetings.map((m) => m.id)).toContain(meeting.id);
    await store.close();
    expect(await archivesIn(dir)).toEqual([]); // its year held only that meeting
  });

  it('a change the rep makes to an old, archived meeting goes through: the core takes it back first', async () => {
    const dir = await tempDir();
    const doc = await fc.sample(documentWithHistory().filter((d) => d.meetings.some((m) => m.status === 'done')), { numRuns: 1, seed: 23 })[0]!;
    await writeSplit(dir, doc, MAX + 365 * DAY);
    const test = await openTestCore({ dataDir: dir, now: MAX + 365 * DAY });
    const store = test.core.store;
    const old = (await store.whole()).meetings.find((m) => m.status === 'done' && !store.data.meetings.some((l) => l.id === m.id))!;
    const changed = await test.ok('updateMeeting', { id: old.id, purpose: 'Agree the pilot scope, looked at again' });
    expect(changed.purpose).toBe('Agree the pilot scope, looked at again');
    const reopened = await test.reopen();
    expect((await reopened.core.store.whole()).meetings.find((m) => m.id === old.id)?.purpose).toBe('Agree the pilot scope, looked at again');
    await reopened.dispose();
  });

  it('a restore replaces the history too: nothing archived before comes back, and no archive file is left', async () => {
    const dir = await tempDir();
    const [doc, other] = fc.sample(documentWithHistory().filter((d) => d.meetings.some((m) => m.status === 'done')), { numRuns: 2, seed: 29 });
    await writeSplit(dir, doc!, MAX + 365 * DAY);
    expect((await archivesIn(dir)).length).toBeGreaterThan(0);
    const store = await openStore({ dir, clock: farFuture });
    await store.replaceAll(() => structuredClone(other!));
    sameDocument(await store.whole(), other!);
    expect(await archivesIn(dir)).toEqual([]);
    await store.close();
    const again = await openStore({ dir, clock: farFuture });
    sameDocument(await again.whole(), other!);
    await again.close();
  });
});

describe('an archive file', () => {
  /** Records whose text holds what could break a line-by-line reader: newlines, U+2028, quotes, braces, any unicode. */
  const nastyRecords = storeDocument().chain((doc) =>
    fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 8 }).map((texts) => ({
      threads: doc.threads.map((t, i) => ({ ...t, notes: `${texts[i % texts.length]}\n},\n{"id":"x"}` })),
      meetings: doc.meetings.map((m, i) => ({ ...m, purpose: `${texts[(i + 1) % texts.length]}\u2028]\n` })),
      nextSteps: doc.nextSteps,
    })),
  );

  it('is one JSON document that a trusting reader parses a record at a time into exactly what was written', async () => {
    await fc.assert(
      fc.asyncProperty(nastyRecords, fc.integer({ min: 1000, max: 9999 }), async (records, year) => {
        const { bytes, entry } = encodeArchive(year, records);
        const whole = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
        expect(whole).toMatchObject({ kind: 'second-step-archive', schemaVersion: SCHEMA_VERSION, year, ...records });
        const sliced = await decodeArchiveInSlices(bytes, entry);
        expect(sliced).toEqual(decodeArchive(bytes, entry));
        expect(sliced.ok && sliced.verified).toBe(true);
        if (sliced.ok) expect(sliced.archive).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('written as one line by an earlier version, still reads as the same records', async () => {
    await fc.assert(
      fc.asyncProperty(nastyRecords, async (records) => {
        const { entry } = encodeArchive(2024, records);
        const oneLine = Buffer.from(JSON.stringify({ kind: 'second-step-archive', schemaVersion: SCHEMA_VERSION, year: 2024, ...records }));
        const decoded = await decodeArchiveInSlices(oneLine, { ...entry, sha256: sha256Of(oneLine) });
        expect(decoded).toMatchObject({ ok: true, verified: true, archive: records });
      }),
      { numRuns: 50 },
    );
  });

  it('lets the event loop run while a big year is parsed, and a damaged one is still refused', async () => {
    const seeded = seedYear({ now: '2026-03-04T16:30:00.000Z', timeZone: 'UTC' });
    const { bytes, entry } = encodeArchive(2025, seeded);
    expect(bytes.length).toBeGreaterThan(2_000_000);
    let turns = 0;
    let counting = true;
    const count = () => {
      turns += 1;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const decoded = await decodeArchiveInSlices(bytes, entry);
    counting = false;
    expect(decoded).toMatchObject({ ok: true, verified: true });
    // A turn per megabyte hashed and per quarter megabyte parsed: a single-shot parse would give about 3.
    expect(turns).toBeGreaterThan(bytes.length / (256 * 1024));

    const cutShort = bytes.subarray(0, bytes.length - 1000);
    expect(await decodeArchiveInSlices(cutShort, entry)).toMatchObject({ ok: false, reason: expect.stringMatching(/^not UTF-8 JSON/) });
  });
});
