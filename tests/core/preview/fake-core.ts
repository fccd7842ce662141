// Test helper (node). A tiny stand-in for the core behind the preview's HTTP layer: every contract method answers
// with what it was given, except a few with realistic errors; events are emitted by hand.
import { methodNames, type EventName, type Events, type Handlers } from '../../../shared/contract';
import type { Core, EventListener } from '../../../electron/main/core';
import { invalid } from '../../../electron/main/core/errors';

export interface FakeCore extends Pick<Core, 'handlers' | 'onEvent'> {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  calls: { name: string; input: unknown }[];
  listenerCount(): number;
}

export function fakeCore(): FakeCore {
  const listeners = new Set<EventListener>();
  const calls: FakeCore['calls'] = [];
  const handlers = Object.fromEntries(
    methodNames.map((name) => [
      name,
      async (input: unknown) => {
        calls.push({ name, input });
        if (name === 'endCall') throw invalid({ meetingId: 'No such call.' });
        if (name === 'getReview') throw new Error('boom (an internal error)');
        return { method: name, input: input ?? null };
      },
    ]),
  ) as unknown as Handlers;
  return {
    handlers,
    calls,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    listenerCount: () => listeners.size,
  };
}
