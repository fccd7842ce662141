// At a planned call's start the core says so, once, with what the host needs to offer "Join & start".
import { afterEach, describe, expect, it } from 'vitest';
import { discoveryCall, minutes, openTestCore, T0, type TestCore } from '../support/core-harness';

let t: TestCore;
afterEach(async () => t?.dispose());
const dues = () => t.events.filter((e) => e.event === 'due').map((e) => e.payload);
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('call reminders', () => {
  it('announces a call once when its start comes, with its purpose and https join link', async () => {
    t = await openTestCore();
    const meeting = await t.ok('createMeeting', discoveryCall({ joinUrl: 'https://acme.zoom.us/j/123' }));
    await tick();
    expect(dues()).toEqual([]);
    t.clock.set(T0 + minutes(60));
    t.clock.advance(minutes(1));
    expect(dues()).toEqual([
      { meetingId: meeting.id, title: 'Discovery with Acme', account: 'Acme Logistics', purpose: meeting.purpose, joinUrl: 'https://acme.zoom.us/j/123' },
    ]);
  });

  it('announces a call already due when the app starts', async () => {
    t = await openTestCore();
    await t.ok('createMeeting', discoveryCall());
    t.clock.set(T0 + minutes(62));
    t = await t.reopen(); // the new core starts at 10:02, two minutes into the call
    expect(dues()).toEqual([]);
    await tick();
    expect(dues()).toHaveLength(1);
  });

  it('does not announce a call long past its start (that one gets "did this call happen?")', async () => {
    t = await openTestCore();
    await t.ok('createMeeting', discoveryCall());
    t.clock.set(T0 + minutes(60 + 25));
    t = await t.reopen();
    await tick();
    expect(dues()).toEqual([]);
  });
});
