// Runs in the main process. A minimal menu: the Edit menu's roles (macOS needs them for copy, paste and undo to work
// at all; elsewhere they name the shortcuts), the Window menu on macOS, and Help > Reveal logs. Nothing else: dropping
// Electron's default menu also drops its reload and devtools shortcuts. Windows and Linux keep the bar hidden until
// Alt is pressed (the windows' autoHideMenuBar).
import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** Shows the log file in the OS's file manager. */
  revealLogs: () => void;
}

export const REVEAL_LOGS_LABEL = 'Reveal Logs';

export function appMenuTemplate(platform: NodeJS.Platform, { revealLogs }: MenuActions): MenuItemConstructorOptions[] {
  const help: MenuItemConstructorOptions = { role: 'help', submenu: [{ label: REVEAL_LOGS_LABEL, click: () => revealLogs() }] };
  return platform === 'darwin'
    ? [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }, help]
    : [{ role: 'editMenu' }, help];
}

/** In development Electron's default menu stays, for its reload and devtools items. */
export function installAppMenu(platform: NodeJS.Platform, packaged: boolean, actions: MenuActions): void {
  if (!packaged) return;
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(platform, actions)));
}
