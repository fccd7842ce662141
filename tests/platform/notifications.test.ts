// At a call's start the app offers it: a notification with the purpose (or a warning that none is set) that starts
// the call — and on macOS a "Join & start" button that also opens the https join link.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Notification, shell } from '../support/fake-electron';
import { createAppDriver, iso, MINUTE, NOW, type AppDriver } from './app-driver';

let driver: AppDriver;
beforeEach(async () => {
  driver = await createAppDriver();
});
afterEach(async () => driver.dispose());

async function dueCall(platform: NodeJS.Platform, fields: Record<string, unknown> = {}) {
  await driver.launch(platform);
  const meeting = await driver.call('review', 'createMeeting', {
    account: 'Acme',
    title: 'Discovery',
    start: iso(NOW - MINUTE),
    end: iso(NOW + 29 * MINUTE),
    ...fields,
  });
  await new Promise((r) => setTimeout(r, 10));
  return meeting;
}

describe('call due notifications', () => {
  it('warns when no purpose is set, and a click starts the call', async () => {
    const meeting = await dueCall('linux');
    const [shown] = Notification.shown;
    expect(shown?.options).toMatchObject({ title: 'Starting now: Discovery · Acme', body: expect.stringMatching(/No purpose set/) });
    shown!.emit('click');
    await new Promise((r) => setTimeout(r, 20));
    expect((await driver.call('overlay', 'getLive', {}))?.meeting.id).toBe(meeting.id);
    expect(shell.opened).toEqual([]);
  });

  it('on macOS offers "Join & start", which opens the https link and starts the call', async () => {
    await dueCall('darwin', { purpose: 'Learn how they plan routes', joinUrl: 'https://acme.zoom.us/j/1' });
    const [shown] = Notification.shown;
    expect(shown?.options).toMatchObject({ body: 'Purpose: Learn how they plan routes', actions: [{ type: 'button', text: 'Join & start' }] });
    shown!.emit('action');
    await new Promise((r) => setTimeout(r, 20));
    expect(shell.opened).toEqual(['https://acme.zoom.us/j/1']);
    expect(await driver.call('overlay', 'getLive', {})).not.toBeNull();
  });
});
