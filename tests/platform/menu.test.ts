// The app menu: the standard Edit roles (copy and paste in forms), Help > Reveal logs, and nothing that reloads the
// page or opens devtools in an installed app.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate, installAppMenu, REVEAL_LOGS_LABEL } from '../../electron/main/platform/menu';
import { Menu, resetFakeElectron } from '../support/fake-electron';

/** Every item of a template, submenus included. */
const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);

describe.each(['darwin', 'win32', 'linux'] as const)('the app menu on %s', (platform) => {
  it('keeps the Edit menu and offers Reveal Logs, which shows the log file', () => {
    const revealLogs = vi.fn();
    const all = items(appMenuTemplate(platform, { revealLogs }));
    expect(all.map((item) => item.role)).toContain('editMenu');
    const reveal = all.find((item) => item.label === REVEAL_LOGS_LABEL);
    (reveal?.click as () => void)();
    expect(revealLogs).toHaveBeenCalledOnce();
  });

  it('has no reload or devtools items', () => {
    const roles = items(appMenuTemplate(platform, { revealLogs: () => {} })).map((item) => item.role);
    for (const role of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu']) expect(roles).not.toContain(role);
  });
});

describe('installing the menu', () => {
  it('sets it for an installed app and leaves Electron\'s development menu otherwise', () => {
    resetFakeElectron();
    installAppMenu('linux', false, { revealLogs: () => {} });
    expect(Menu.current).toBeUndefined();
    installAppMenu('linux', true, { revealLogs: () => {} });
    expect(Menu.current).toMatchObject({ template: appMenuTemplate('linux', { revealLogs: () => {} }).map(() => expect.anything()) });
  });
});
