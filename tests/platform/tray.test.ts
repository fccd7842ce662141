// The tray: open the review, start the next meeting, show/hide the overlay, pause prompts for an hour, quit — and
// the end-of-day notification that opens the review. Driven through the whole composition root on fake Electron.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestClock } from '../../electron/main/core/clock';
import { app, Notification, Tray } from '../support/fake-electron';
import { createAppDriver, iso, MINUTE, NOW, type AppDriver } from './app-driver';

let driver: AppDriver;
beforeEach(async () => {
  driver = await createAppDriver();
});
afterEach(async () => driver.dispose());

const tray = () => {
  const last = Tray.created.at(-1);
  if (!last) throw new Error('no tray');
  return last;
};
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('tray', () => {
  it('uses the template image on macOS and the coloured icon elsewhere', async () => {
    await driver.launch('darwin');
    expect(tray().image).toMatchObject({ path: expect.stringMatching(/resources[/\\]tray[/\\]trayTemplate\.png$/), template: true });
    await driver.exitApp();
    await driver.launch('win32');
    expect(tray().image).toMatchObject({ path: expect.stringMatching(/resources[/\\]tray[/\\]tray\.png$/), template: false });
  });

  it('lists its actions in order', async () => {
    await driver.launch();
    expect(tray().menu?.template.map((i) => i.label ?? i.type)).toEqual([
      'Open review',
      'Start next meeting',
      'Show/hide overlay',
      'Pause prompts for an hour',
      'separator',
      'Quit Second Step',
    ]);
  });

  it('opens the review and toggles the overlay', async () => {
    await driver.launch();
    driver.windowOf('review').hide();
    tray().menuItem('Open review').click!();
    expect(driver.windowOf('review').isVisible()).toBe(true);
    tray().menuItem('Show/hide overlay').click!();
    expect(driver.windowOf('overlay').isVisible()).toBe(true);
    tray().menuItem('Show/hide overlay').click!();
    expect(driver.windowOf('overlay').isVisible()).toBe(false);
  });

  it('starts the next meeting and pauses its prompts for an hour', async () => {
    await driver.launch();
    const meeting = await driver.call('review', 'createMeeting', { account: 'Acme', title: 'Discovery', start: iso(NOW + 5 * MINUTE), end: iso(NOW + 35 * MINUTE), purpose: 'Learn how they plan routes' });
    tray().menuItem('Start next meeting').click!();
    await settle();
    const live = await driver.call('overlay', 'getLive', {});
    expect(live?.meeting.id).toBe(meeting.id);
    expect(live?.prompt).not.toBeNull();
    tray().menuItem('Pause prompts for an hour').click!();
    await settle();
    expect((await driver.call('overlay', 'getLive', {}))?.prompt).toBeNull();
    (driver.running.core.clock as TestClock).advance(61 * MINUTE);
    expect((await driver.call('overlay', 'getLive', {}))?.prompt).not.toBeNull();
  });

  it('says while prompts are paused, and until when, with a way to resume', async () => {
    await driver.launch();
    tray().menuItem('Pause prompts for an hour').click!();
    await settle();
    const until = new Date(NOW + 60 * MINUTE).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    expect(tray().tooltip).toBe(`Second Step — prompts paused until ${until}`);
    tray().menuItem(`Resume prompts (paused until ${until})`).click!();
    await settle();
    expect((await driver.call('overlay', 'getState', {})).promptsPausedUntil).toBeNull();
    expect(tray().menuItem('Pause prompts for an hour')).toBeDefined();
    expect(tray().tooltip).toBe('Second Step');
  });

  it('quits', async () => {
    await driver.launch();
    tray().menuItem('Quit Second Step').click!();
    expect(await app.whenExited()).toBe(0);
  });
});

describe('end of day', () => {
  it('opens the review with a notification at the end-of-day time', async () => {
    await driver.launch(); // Monday 10:00 UTC; the end of day is 17:30
    driver.windowOf('review').hide();
    (driver.running.core.clock as TestClock).set(Date.parse('2026-11-23T17:30:00Z'));
    await settle();
    expect(driver.windowOf('review').isVisible()).toBe(true);
    const shown = Notification.shown.filter((n) => n.options.title === 'Time to review your day');
    expect(shown).toHaveLength(1);
    driver.windowOf('review').hide();
    shown[0]!.emit('click');
    expect(driver.windowOf('review').isVisible()).toBe(true);
  });
});
