// Runs in the main process. A minimal menu. macOS needs the Edit menu's roles for copy, paste and undo to work at all;
// Windows and Linux need none, and dropping Electron's default menu also drops its reload and devtools shortcuts.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export const appMenuTemplate = (platform: NodeJS.Platform): MenuItemConstructorOptions[] | null =>
  platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }] : null;

/** In development Electron's default menu stays, for its reload and devtools items. */
export function installAppMenu(platform: NodeJS.Platform, packaged: boolean): void {
  if (!packaged) return;
  const template = appMenuTemplate(platform);
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
}
