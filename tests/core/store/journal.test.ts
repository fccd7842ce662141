// The journal (Node, real temp folders): a change written as one line replays to exactly the document it came from,
// whatever the change; a torn last line (a crash mid-append) is left out, a damaged line or a gap is reported and
// nothing after it is guessed at; and a store killed between changes comes back with every acknowledged change.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { freeze } from 'immer';
import { describe, expect, it } from 'vitest';
import type { StoreDocument } from '../../../shared/domain';
import { openStore } from '../../../electron/main/core/store';
import { storeImmer } from '../../../electron/main/core/store/drafts';
import { JOURNAL_FILE } from '../../../electron/main/core/store/file-names';
import { deltaBetween, encodeEntry, entriesAfter, readJournal, replay, type Entry } from '../../../electron/main/core/store/journal';
import { loadFile } from '../../../electron/main/core/store/load';
import { nextStep as sampleStep } from './records';
import { STORE, liveOnDisk, useTempDirs } from './helpers';
import { meeting, nextStep, storeDocument, text } from '../../support/arbitraries';

const tempDir = useTempDirs();
const plain = (doc: object) => JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;

/** One edit a service could make through a draft. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), title: text(30) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add-step' as const), step: nextStep('new-step', 'thread-x', 'meeting-x') }),
  fc.record({ kind: fc.constant('add-meeting' as const), meeting: meeting('new-meeting', 'thread-x') }),
  fc.record({ kind: fc.constant('move-to-end' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('setting' as const), compact: fc.boolean() }),
  fc.record({ kind: fc.constant('mark-done' as const), at: fc.nat() }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(d: StoreDocument, e: Edit, n: number): void {
  const pick = <T>(list: T[], at: number) => (list.length ? list[at % list.length] : undefined);
  switch (e.kind) {
    case 'rename': {
      const m = pick(d.meetings, e.at);
      if (m) m.title = e.title;
      break;
    }
    case 'remove':
      if (d.meetings.length) d.meetings.splice(e.at % d.meetings.length, 1);
      break;
    case 'add-step':
      d.nextSteps.push({ ...e.step, id: `new-step-${n}` });
      break;
    case 'add-meeting':
      d.meetings.push({ ...e.meeting, id: `new-meeting-${n}` });
      break;
    case 'move-to-end': {
      if (!d.nextSteps.length) break;
      const [moved] = d.nextSteps.splice(e.at % d.nextSteps.length, 1);
      d.nextSteps.push(moved!);
      break;
    }
    case 'setting':
      d.settings.overlay.compact = e.compact;
      break;
    case 'mark-done': {
      const s = pick(d.nextSteps, e.at);
      if (s) s.status = 'done';
      break;
    }
  }
}

describe('the journal', () => {
  it('replays every change, line by line, to exactly the document it was made from', () => {
    fc.assert(
      fc.property(storeDocument(), fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 6 }), (start, changes) => {
        let doc = freeze(start, true) as StoreDocument;
        const raw = plain(doc);
        const lines: Buffer[] = [];
        changes.forEach((edits, seq) => {
          const next = storeImmer.produce(doc, (d) => edits.forEach((e, i) => apply(d as StoreDocument, e, seq * 10 + i)));
          const delta = deltaBetween(doc, next);
          if (next === doc) expect(delta).toBeNull();
          else lines.push(encodeEntry({ seq: lines.length + 1, base: 'b', ...delta! }));
          doc = next;
        });
        const text = Buffer.concat(lines).toString('utf8');
        const entries = text.split('\n').slice(0, -1).map((line) => JSON.parse(line.slice(17)) as Entry);
        replay(raw, entries);
        expect(raw).toEqual(plain(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out a torn last line, reports a damaged line or a gap, and skips what the live file holds', async () => {
    const dir = await tempDir();
    const path = join(dir, JOURNAL_FILE);
    const line = (seq: number, base = 'b1') => encodeEntry({ seq, base, set: { nextSteps: [sampleStep(seq)] } });
    await writeFile(path, Buffer.concat([line(3), line(4), line(5), line(6).subarray(0, 30)]));
    const torn = await readJournal(path);
    expect(torn.damaged).toBeNull();
    expect(torn.entries.map((e) => e.seq)).toEqual([3, 4, 5]);
    // The live file holds up to change 4: only 5 is replayed.
    expect(entriesAfter(torn, { base: 'b1', seq: 4 })).toMatchObject({ seq: 5, damaged: null, entries: [{ seq: 5 }] });
    // A live file older than the journal's start: nothing is guessed across the gap.
    expect(entriesAfter(torn, { base: 'b1', seq: 1 })).toMatchObject({ entries: [], seq: 1, damaged: expect.stringMatching(/changes 2 to 2 are missing/) });
    // Lines that continue another copy of the live file are never applied to this one.
    expect(entriesAfter(torn, { base: 'other', seq: 4 })).toMatchObject({ entries: [], seq: 4, damaged: expect.stringMatching(/another copy/) });
    // Lines the live file holds already (its journal was not emptied after it was written) are skipped, whatever their base.
    await writeFile(path, Buffer.concat([line(1, 'old'), line(2, 'old'), line(3, 'b1')]));
    expect(entriesAfter(await readJournal(path), { base: 'b1', seq: 2 })).toMatchObject({ seq: 3, damaged: null, entries: [{ seq: 3 }] });

    const flipped = Buffer.concat([line(1), line(2), line(3)]);
    flipped[flipped.indexOf('step-2') + 5] = 'X'.charCodeAt(0);
    await writeFile(path, flipped);
    const damaged = await readJournal(path);
    expect(damaged.entries.map((e) => e.seq)).toEqual([1]);
    expect(damaged.damaged).toMatch(/line 2 of the journal is damaged/);

    await writeFile(path, Buffer.concat([line(1), line(3)]));
    expect((await readJournal(path)).damaged).toMatch(/change 2 is missing/);
  });

  it('brings back every acknowledged change after a crash (no close), from the live file plus the journal', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    for (let n = 1; n <= 5; n++) await store.update((d) => void d.nextSteps.push(sampleStep(n)));
    await store.update((d) => void d.nextSteps.splice(1, 1));
    // No close: as after a crash, the changes are only in the journal.
    const live = JSON.parse(await readFile(join(dir, STORE), 'utf8')) as StoreDocument;
    expect(live.nextSteps).toHaveLength(0);
    expect((await liveOnDisk(dir)).nextSteps.map((s) => s.id)).toEqual(['step-1', 'step-3', 'step-4', 'step-5']);
    // A crash mid-append leaves a torn last line: it was never acknowledged, and it is left out.
    await appendFile(join(dir, JOURNAL_FILE), encodeEntry({ seq: 7, base: 'x', set: { nextSteps: [sampleStep(9)] } }).subarray(0, 40));

    const reopened = await openStore({ dir });
    expect(reopened.data.nextSteps.map((s) => s.id)).toEqual(['step-1', 'step-3', 'step-4', 'step-5']);
    expect(reopened.notice).toBeNull();
    await reopened.update((d) => void d.nextSteps.push(sampleStep(6)));
    await reopened.close();
    // Closed: one whole live file, and a journal holding only its checkpoint (no change to replay).
    const closed = JSON.parse(await readFile(join(dir, STORE), 'utf8')) as StoreDocument;
    expect(closed.nextSteps.map((s) => s.id)).toEqual(['step-1', 'step-3', 'step-4', 'step-5', 'step-6']);
    const after = await readJournal(join(dir, JOURNAL_FILE));
    expect(after.entries).toHaveLength(1);
    expect(after.entries[0]).toMatchObject({ check: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(after.entries[0]).not.toHaveProperty('set');
  });

  it('keeps a journal it cannot read to its end aside, and keeps the changes before the damage', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    for (let n = 1; n <= 3; n++) await store.update((d) => void d.nextSteps.push(sampleStep(n)));
    const path = join(dir, JOURNAL_FILE);
    const bytes = await readFile(path);
    bytes[bytes.lastIndexOf('step-3') + 5] = 'X'.charCodeAt(0); // the last whole line is damaged (not torn)
    await writeFile(path, bytes);

    const reopened = await openStore({ dir });
    expect(reopened.data.nextSteps.map((s) => s.id)).toEqual(['step-1', 'step-2']);
    expect(reopened.notice).toMatchObject({ kind: 'journal-set-aside', message: expect.stringMatching(/could not be read back.*kept, untouched/) });
    await reopened.close();
    const { readdir } = await import('node:fs/promises');
    const aside = (await readdir(dir)).filter((n) => n.endsWith('.journal') && n !== JOURNAL_FILE);
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0]!))).toEqual(bytes);
  });

  it('never replays a journal onto a live file put back by hand: it is set aside, and the file is used as it is', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await store.update((d) => void d.nextSteps.push(sampleStep(1)));
    await store.close();
    const copy = await readFile(join(dir, STORE)); // the rep's copy of the data file, with step 1
    const later = await openStore({ dir });
    await later.update((d) => void d.nextSteps.push(sampleStep(2)));
    await later.close(); // the live file is written whole again: step 2 in it
    const last = await openStore({ dir });
    await last.update((d) => void d.nextSteps.push(sampleStep(3)));
    // A crash (no close): step 3 is in the journal only. Then the rep puts the older copy back by hand.
    await writeFile(join(dir, STORE), copy);
    const reopened = await openStore({ dir });
    expect(reopened.data.nextSteps.map((s) => s.id)).toEqual(['step-1']);
    expect(reopened.notice).toMatchObject({ kind: 'journal-set-aside', message: expect.stringMatching(/replaced by another copy/) });
    await reopened.close();
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(dir)).filter((n) => n.endsWith('.journal') && n !== JOURNAL_FILE)).toHaveLength(1);
  });

  it('skips the schema check only for live-file bytes its checkpoint vouches for, with the same result', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    for (let n = 1; n <= 3; n++) await store.update((d) => void d.nextSteps.push(sampleStep(n)));
    await store.close();
    const journal = join(dir, JOURNAL_FILE);
    expect((await readJournal(journal)).entries[0]?.check).toMatch(/^[0-9a-f]{64}$/);
    const vouched = await loadFile(join(dir, STORE), undefined, journal);
    const checked = await loadFile(join(dir, STORE)); // no journal: validated in full
    expect(vouched.kind).toBe('ok');
    expect(vouched.kind === 'ok' && checked.kind === 'ok' && vouched.doc).toEqual(checked.kind === 'ok' && checked.doc);
    // Bytes changed by hand (still JSON, no longer a valid step) are not vouched for: the full check catches them.
    const text = await readFile(join(dir, STORE), 'utf8');
    await writeFile(join(dir, STORE), text.replace('"status": "open"', '"status": "someday"'));
    const edited = await loadFile(join(dir, STORE), undefined, journal);
    expect(edited).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(/status/) });
  });
});
