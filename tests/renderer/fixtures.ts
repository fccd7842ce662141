// Domain objects for renderer tests.
import type { Meeting, Thread } from '../../shared/domain';
import type { WrapUpView } from '../../shared/views';

export const thread: Thread = {
  id: 't1',
  title: 'Acme Logistics',
  account: 'Acme Logistics',
  contacts: [],
  status: 'open',
  createdAt: '2025-11-01T09:00:00.000Z',
  notes: '',
};

export const meeting = (overrides: Partial<Meeting> = {}): Meeting => ({
  id: 'm1',
  threadId: 't1',
  title: 'Discovery with Acme',
  start: '2025-11-25T09:00:00.000Z',
  end: '2025-11-25T09:30:00.000Z',
  stage: 'First meeting',
  purpose: 'Learn how Acme plans routes today',
  idealOutcome: 'A demo with their ops lead',
  whyUs: '',
  agenda: [
    { id: 'a1', text: 'Their current routing', done: true },
    { id: 'a2', text: 'Pain points', done: false, minutes: 10 },
    { id: 'a3', text: 'Agree the next step', done: false },
  ],
  attendees: [],
  internal: false,
  source: { kind: 'manual' },
  status: 'wrapping-up',
  startedAt: '2025-11-25T09:01:00.000Z',
  endedAt: '2025-11-25T09:29:00.000Z',
  confirmations: [{ kind: 'confirm', at: '2025-11-25T09:04:00.000Z', result: 'agreed' }],
  promptAnswers: [],
  nextStepJot: '',
  notes: '',
  bring: '',
  ...overrides,
});

export const wrapUpView = (overrides: Partial<WrapUpView> = {}): WrapUpView => ({
  meeting: meeting(),
  thread,
  pending: 1,
  draft: null,
  coach: { maxDaysOut: 14 },
  ...overrides,
});

export const appState = (now: number) => ({
  now,
  revision: 1,
  notice: null,
  readOnly: false,
  liveMeetingId: null,
  pendingWrapUps: 1,
  unheldCalls: 0,
  hotkeyFailures: [],
  promptsPausedUntil: null,
});
