// Global hotkeys at the fake Electron boundary, with the REAL core: every action gets its accelerator, a key press
// runs the same handler a click does, a registration the OS refuses is shown to the rep, and registrations are
// renewed after resume.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultHotkeys } from '../../shared/rules/hotkeys';
import { globalShortcut, powerMonitor } from '../support/fake-electron';
import { createAppDriver, iso, MINUTE, NOW, type AppDriver } from './app-driver';

let driver: AppDriver;
beforeEach(async () => {
  driver = await createAppDriver();
});
afterEach(async () => driver.dispose());

const keys = defaultHotkeys('linux');
/** Presses a hotkey and waits for the core's write it caused. */
const press = (accelerator: string) => globalShortcut.press(accelerator);

describe('global hotkeys', () => {
  it('registers every action and runs a whole call from the keyboard', async () => {
    await driver.launch('linux');
    expect([...globalShortcut.registered.keys()].sort()).toEqual(Object.values(keys).sort());
    const meeting = await driver.call('review', 'createMeeting', {
      account: 'Acme',
      title: 'Discovery',
      start: iso(NOW + 5 * MINUTE),
      end: iso(NOW + 35 * MINUTE),
      agenda: [{ text: 'Their process' }, { text: 'Next step' }],
    });

    await press(keys.startNextMeeting);
    expect(driver.windowOf('overlay').isVisible()).toBe(true);
    expect(driver.windowOf('overlay').isFocused()).toBe(false); // never steals focus from the call
    await press(keys.answerYes); // the confirm-purpose prompt: agreed
    await press(keys.nextAgendaItem);
    const live = await driver.call('overlay', 'getLive', {});
    expect(live?.meeting.id).toBe(meeting.id);
    expect(live?.meeting.confirmations.map((c) => c.kind)).toEqual(['confirm']);
    expect(live?.meeting.agenda.map((a) => a.done)).toEqual([true, false]);

    await press(keys.toggleClickThrough);
    expect(driver.windowOf('overlay').callsOf('setIgnoreMouseEvents')).toEqual([[true, { forward: true }]]);
    await press(keys.endCall);
    expect(await driver.owedOnDisk()).toEqual([meeting.id]);
    expect(driver.windowOf('wrapup').isVisible()).toBe(true);
  });

  it('tells the rep which hotkeys another app holds, instead of failing silently', async () => {
    globalShortcut.taken.add(keys.answerYes);
    await driver.launch('linux');
    globalShortcut.taken.add(keys.answerYes); // launch() resets the fake; take it again and renew
    powerMonitor.emit('resume');
    const state = await driver.call('review', 'getState', {});
    expect(state.hotkeyFailures).toEqual([{ action: 'answerYes', accelerator: keys.answerYes }]);
  });

  it('hands the keyboard back to the call app once the rep has typed in the overlay', async () => {
    await driver.launch('linux');
    driver.windowOf('overlay').focus(); // the rep clicked into the overlay to jot the next step
    await driver.call('overlay', 'releaseFocus', {});
    expect(driver.windowOf('overlay').isFocused()).toBe(false);
  });

  it('with nothing planned, "start next meeting" brings up the overlay, with the keyboard, to give the call a point', async () => {
    await driver.launch('linux');
    await press(keys.startNextMeeting);
    expect(driver.windowOf('overlay').isVisible()).toBe(true);
    expect(driver.windowOf('overlay').isFocused()).toBe(true);
    expect(await driver.call('overlay', 'getLive', {})).toBeNull();
  });

  it('renews the registrations after the machine resumes', async () => {
    await driver.launch('linux');
    globalShortcut.unregisterAll(); // what some OSes do over sleep
    powerMonitor.emit('resume');
    expect(globalShortcut.registered.size).toBe(Object.keys(keys).length);
  });
});
