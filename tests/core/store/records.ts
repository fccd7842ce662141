// Sample records for the store tests (plain Node, no vitest: the kill test's child process bundles this too). Built
// through the schemas, so fields added later with a default fill themselves in.
import { Meeting, NextStep, StoreDocument, Thread, emptyDocument } from '../../../shared/domain';

const at = (n: number) => new Date(Date.UTC(2026, 10, 22, 9) + n * 60_000).toISOString();

export const nextStep = (n: number): NextStep =>
  NextStep.parse({
    id: `step-${n}`,
    threadId: 'thread-1',
    fromMeetingId: 'meeting-1',
    kind: 'call',
    what: `Follow-up call number ${n}`,
    when: at(n),
    owner: 'me',
    purpose: 'Agree the pilot scope',
    agreed: true,
    status: 'open',
    createdAt: at(0),
  });

export const meeting = (n: number, notes = ''): Meeting =>
  Meeting.parse({
    id: `meeting-${n}`,
    threadId: 'thread-1',
    title: `Meeting ${n}`,
    start: at(n),
    end: at(n + 30),
    stage: 'First meeting',
    purpose: 'Understand their process',
    source: { kind: 'manual' },
    status: 'done',
    notes,
  });

/** A valid document with `meetings` meetings and `steps` next steps; `notesChars` pads each meeting's notes. */
export const sampleDocument = (meetings: number, steps: number, notesChars = 0): StoreDocument =>
  StoreDocument.parse({
    ...emptyDocument(),
    threads: [Thread.parse({ id: 'thread-1', title: 'Pilot', account: 'Acme', status: 'open', createdAt: at(0) })],
    meetings: Array.from({ length: meetings }, (_, i) => meeting(i + 1, 'n'.repeat(notesChars))),
    nextSteps: Array.from({ length: steps }, (_, i) => nextStep(i + 1)),
  });
