// The overlay stays where the rep put it — across restarts, per display — and comes back onto a screen that exists
// when its monitor is unplugged. Whole composition root, fake Electron, real core and store.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '../support/fake-electron';
import { createAppDriver, type AppDriver } from './app-driver';

let driver: AppDriver;
beforeEach(async () => {
  driver = await createAppDriver();
});
afterEach(async () => {
  vi.useRealTimers();
  await driver.dispose();
});

const monitor = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1440 }, bounds: { x: 1440, y: 0, width: 2560, height: 1440 } };

async function dragOverlayTo(x: number, y: number) {
  const overlay = driver.windowOf('overlay');
  overlay.setBounds({ x, y, width: 320, height: 420 });
  overlay.emit('moved');
  await new Promise((r) => setTimeout(r, 600)); // the position is saved once the drag settles
}

describe('overlay position', () => {
  it('is remembered per display across a restart, and recovered when that display is gone', async () => {
    await driver.launch('darwin');
    screen.displays.push(monitor);
    await dragOverlayTo(3000, 700);
    await driver.exitApp();

    await driver.launch('darwin');
    screen.displays.push(monitor); // the restart reset the fake: the monitor is still plugged in
    driver.running.windows.recreate('overlay');
    expect(driver.windowOf('overlay').getBounds()).toEqual({ x: 3000, y: 700, width: 320, height: 420 });

    screen.displays.pop(); // the laptop leaves the monitor behind
    screen.emit('display-removed');
    expect(driver.windowOf('overlay').getBounds()).toEqual({ x: 1440 - 320 - 16, y: 25 + 16, width: 320, height: 420 });
  });
});

describe('overlay look', () => {
  it('shrinks to one line in compact mode and follows the opacity setting', async () => {
    await driver.launch('linux');
    const overlay = driver.windowOf('overlay');
    expect(overlay.callsOf('setOpacity').at(-1)).toEqual([0.95]);
    await driver.call('overlay', 'updateSettings', { overlay: { compact: true, opacity: 0.8 } });
    expect(overlay.getBounds()).toMatchObject({ width: 640, height: 44 });
    expect(overlay.callsOf('setOpacity').at(-1)).toEqual([0.8]);
    await driver.call('overlay', 'updateSettings', { overlay: { compact: false } });
    expect(overlay.getBounds()).toMatchObject({ width: 320, height: 420 });
  });
});

describe('window state', () => {
  it('the review window reopens where the rep left it', async () => {
    await driver.launch('linux');
    const review = driver.windowOf('review');
    review.setBounds({ x: 200, y: 120, width: 1000, height: 700 });
    review.emit('resized');
    await new Promise((r) => setTimeout(r, 600));
    await driver.exitApp();
    await driver.launch('linux');
    expect(driver.windowOf('review').getBounds()).toEqual({ x: 200, y: 120, width: 1000, height: 700 });
  });
});
