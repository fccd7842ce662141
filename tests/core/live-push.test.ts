// The `live` event: every change that moves the live call's view pushes the whole view, equal to what `getLive`
// answers at that moment, so the overlay paints from the event without asking again. Nothing is pushed for a
// change the overlay does not show.
import { afterEach, expect, it } from 'vitest';
import type { Events } from '../../shared/contract';
import { discoveryCall, iso, minutes, openTestCore, T0, type TestCore } from '../support/core-harness';

let t: TestCore;
afterEach(async () => t?.dispose());

const pushes = () => t.events.filter((e) => e.event === 'live').map((e) => e.payload as Events['live']);
/** Pushes are sent once the view is computed, a microtask after `changed`. */
const settle = () => new Promise((done) => setTimeout(done, 0));

it('pushes the live view after each change of the call, equal to getLive', async () => {
  t = await openTestCore();
  const meeting = await t.ok('createMeeting', discoveryCall());
  t.clock.set(T0 + minutes(60));
  await t.ok('startMeeting', { id: meeting.id });
  await settle();
  expect(pushes().at(-1)?.view).toEqual(await t.ok('getLive'));

  await t.ok('nextAgendaItem', { meetingId: meeting.id });
  await settle();
  const last = pushes().at(-1)!;
  expect(last.view?.meeting.agenda[0]?.done).toBe(true);
  expect(last.view).toEqual(await t.ok('getLive'));
  // It follows the `changed` of the same write, with its revision.
  const changed = t.events.filter((e) => e.event === 'changed').at(-1)!.payload as Events['changed'];
  expect(last.revision).toBe(changed.revision);
  expect(t.events.findLastIndex((e) => e.event === 'live')).toBeGreaterThan(t.events.findLastIndex((e) => e.event === 'changed'));

  await t.ok('endCall', { meetingId: meeting.id });
  await settle();
  expect(pushes().at(-1)?.view).toBeNull();
});

it('pushes when a prompt comes due on the clock, and not for changes the overlay does not show', async () => {
  t = await openTestCore();
  const meeting = await t.ok('createMeeting', discoveryCall());
  t.clock.set(T0 + minutes(60));
  await t.ok('startMeeting', { id: meeting.id });
  await t.ok('pausePrompts', { minutes: 10 });
  await settle();
  expect(pushes().at(-1)?.view?.prompt).toBeNull();

  const before = pushes().length;
  await t.ok('createMeeting', discoveryCall({ title: 'Another call, tomorrow', start: iso(T0 + minutes(60 + 1440)), end: iso(T0 + minutes(90 + 1440)) }));
  await settle();
  expect(pushes()).toHaveLength(before);

  t.clock.set(T0 + minutes(71)); // the pause ends: the due prompt is back
  await settle();
  expect(pushes().at(-1)?.view?.prompt?.kind).toBe('confirm-purpose');
});
