// Runs in the main process. Global hotkeys: register the accelerators the core says are in force, run each press
// through the core (the same handlers a click uses), and do the window-only actions here. A registration the OS
// refuses (another app holds the keys) is reported to the core, which shows it to the rep — never a silent failure.
// Registrations are renewed when the settings change and after resume / unlock, where some OSes drop them.
import { app, globalShortcut, powerMonitor } from 'electron';
import type { HotkeyAction } from '../../../shared/domain';
import type { Core, CoreLog } from '../core';
import type { HostAction, HotkeyFailure } from '../core/hotkeys';
import type { Windows } from './windows';

type HotkeyCore = Pick<Core, 'hotkeys' | 'onEvent'>;

export function registerHotkeys({ core, windows, log }: { core: HotkeyCore; windows: Windows; log: CoreLog }): { renew(): void } {
  let clickThrough = false;
  let registered = '';

  const host: Record<HostAction, () => void> = {
    'toggle-overlay': () => {
      const overlay = windows.get('overlay');
      if (overlay?.isVisible()) overlay.hide();
      else windows.show('overlay');
    },
    'toggle-click-through': () => {
      clickThrough = !clickThrough;
      // `forward` keeps hover working so the rep can still see where the pointer is over the overlay.
      windows.get('overlay')?.setIgnoreMouseEvents(clickThrough, { forward: true });
    },
    'open-review': () => void windows.show('review'),
    // The rep pressed "start" to type who the call is with and its point: here taking focus is what they asked for.
    'ad-hoc-call': () => windows.show('overlay').focus(),
  };

  const press = (action: HotkeyAction) => async () => {
    try {
      const todo = await core.hotkeys.run(action);
      if (todo) host[todo]();
    } catch (error) {
      log.warn(`The ${action} hotkey did nothing`, error);
    }
  };

  function register(force = false): void {
    const wanted = core.hotkeys.current();
    const key = JSON.stringify(wanted);
    if (key === registered && !force) return;
    globalShortcut.unregisterAll();
    const failures: HotkeyFailure[] = [];
    for (const [action, accelerator] of Object.entries(wanted) as [HotkeyAction, string][]) {
      let ok = false;
      try {
        ok = globalShortcut.register(accelerator, press(action));
      } catch {
        ok = false; // an accelerator Electron cannot parse is a failure like any other
      }
      if (!ok) failures.push({ action, accelerator });
    }
    registered = key;
    if (failures.length) log.warn('Hotkeys the OS would not give us', failures);
    core.hotkeys.reportFailures(failures);
  }

  register();
  core.onEvent((event) => {
    if (event === 'changed') register();
  });
  powerMonitor.on('resume', () => register(true));
  powerMonitor.on('unlock-screen', () => register(true));
  app.on('will-quit', () => globalShortcut.unregisterAll());
  return { renew: () => register(true) };
}
