// What Electron really receives for every window the registry builds (Electron security checklist items 2-4, 6, 8-12):
// whatever a window's options function returns, the window is built sandboxed, context-isolated, without Node,
// with web security on, no insecure content, no experimental or extra Blink features, no webviews, and middle-click
// new-window requests (auxclick) off.
import { describe, expect, it } from 'vitest';
import type { WindowName } from '../../shared/views';
import { secureWebPreferences } from '../../electron/main/platform/windows/options';
import { fake, pages, readyWindows } from './harness';

const NAMES: WindowName[] = ['overlay', 'wrapup', 'review'];

describe.each(['darwin', 'win32', 'linux'] as const)('on %s', (platform) => {
  it.each(NAMES)('the %s window is built with isolation Electron cannot be talked out of', async (name) => {
    const windows = await readyWindows(platform);
    const prefs = fake(windows.prepare(name)).options['webPreferences'] as Record<string, unknown>;
    // Everything the factory decides, and the flags restated at construction.
    expect(prefs).toMatchObject({ ...secureWebPreferences(pages.preload), sandbox: true, contextIsolation: true });
    expect(prefs).toMatchObject({ nodeIntegration: false, webSecurity: true, disableBlinkFeatures: 'Auxclick' });
    expect(prefs['preload']).toMatch(/out[/\\]preload[/\\]index\.cjs$/);
    expect(prefs['experimentalFeatures'] ?? false).toBe(false);
    expect(prefs['enableBlinkFeatures'] ?? '').toBe('');
  });
});
