// "Pause prompts for an hour" (the tray): the live call shows no prompt until the pause ends.
import { afterEach, expect, it } from 'vitest';
import { discoveryCall, minutes, openTestCore, T0, type TestCore } from '../support/core-harness';

let t: TestCore;
afterEach(async () => t?.dispose());

it('hides the due prompt while paused, and brings it back when the pause ends or is lifted', async () => {
  t = await openTestCore();
  const meeting = await t.ok('createMeeting', discoveryCall());
  t.clock.set(T0 + minutes(60));
  await t.ok('startMeeting', { id: meeting.id });
  const prompt = async () => (await t.ok('getLive'))?.prompt?.kind ?? null;
  expect(await prompt()).toBe('confirm-purpose');

  expect(await t.ok('pausePrompts', { minutes: 60 })).toEqual({ pausedUntil: new Date(T0 + minutes(120)).toISOString() });
  expect(await prompt()).toBeNull();
  const changes = t.events.filter((e) => e.event === 'changed').length;
  t.clock.set(T0 + minutes(120));
  expect(t.events.filter((e) => e.event === 'changed').length).toBeGreaterThan(changes);
  expect(await prompt()).not.toBeNull();

  await t.ok('pausePrompts', { minutes: 30 });
  expect(await prompt()).toBeNull();
  expect(await t.ok('pausePrompts', { minutes: 0 })).toEqual({ pausedUntil: null });
  expect(await prompt()).not.toBeNull();
});

it('refuses a pause longer than a day, in plain words', async () => {
  t = await openTestCore();
  const reply = await t.call('pausePrompts', { minutes: 5000 });
  expect(reply).toMatchObject({ ok: false, error: { code: 'invalid', fields: { minutes: 'At most a day (1440 minutes).' } } });
});

it('answers nothing while paused — a hotkey pressed from habit logs no answer — and says until when', async () => {
  t = await openTestCore();
  const meeting = await t.ok('createMeeting', discoveryCall());
  t.clock.set(T0 + minutes(60));
  await t.ok('startMeeting', { id: meeting.id });
  await t.ok('pausePrompts', { minutes: 30 });
  const until = new Date(T0 + minutes(90)).toISOString();
  expect((await t.ok('getLive'))?.promptsPausedUntil).toBe(until);
  expect((await t.ok('getState')).promptsPausedUntil).toBe(until);

  const before = JSON.stringify(t.core.store.data);
  for (const answer of ['yes', 'snooze'] as const) {
    expect(await t.call('answerPrompt', { answer })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/^Prompts are paused/) } });
  }
  await t.core.hotkeys.run('answerYes').catch(() => {}); // the hotkey path refuses the same way
  expect(JSON.stringify(t.core.store.data)).toBe(before);

  await t.ok('pausePrompts', { minutes: 0 });
  expect((await t.ok('getState')).promptsPausedUntil).toBeNull();
  expect((await t.ok('answerPrompt', { answer: 'yes' })).confirmations).toHaveLength(1);
});
