// The window options are pure functions of the platform: assert each window on each OS, without launching anything.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  overlayLevel,
  overlayOptions,
  PAGE_BACKGROUND,
  reviewOptions,
  secureWebPreferences,
  windowOptions,
  wrapUpOptions,
} from '../../electron/main/platform/windows/options';

const PLATFORMS = ['linux', 'darwin', 'win32'] as const;
const preload = '/app/out/preload/index.cjs';

describe.each(PLATFORMS)('window options on %s', (platform) => {
  const context = { platform, preload };

  it.each(Object.entries(windowOptions))('%s: hidden at creation, with the secure web preferences', (_name, options) => {
    const built = options(context);
    expect(built.show).toBe(false);
    expect(built.webPreferences).toMatchObject({
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(built.webPreferences?.preload).toMatch(/\.cjs$/);
  });

  it('overlay: small, frameless, transparent, on top, out of the taskbar, without spellcheck', () => {
    const overlay = overlayOptions(context);
    expect(overlay).toMatchObject({
      width: 320,
      height: 420,
      frame: false,
      transparent: true,
      alwaysOnTop: true,
      skipTaskbar: true,
      focusable: true,
      resizable: true,
      hasShadow: true,
      fullscreenable: false,
      maximizable: false,
    });
    expect(overlay.webPreferences).toMatchObject({ spellcheck: false, backgroundThrottling: true });
    // The panel type exists on macOS only: elsewhere `type` means something else (or nothing).
    expect(overlay.type).toBe(platform === 'darwin' ? 'panel' : undefined);
  });

  it('wrap-up: a normal framed window; closability is left to the gate, not a flag', () => {
    const wrapUp = wrapUpOptions(context);
    expect(wrapUp).toMatchObject({ width: 560, height: 720, minimizable: true });
    expect(wrapUp.frame).not.toBe(false);
    expect(wrapUp).not.toHaveProperty('closable');
    expect(wrapUp).not.toHaveProperty('alwaysOnTop');
    expect(wrapUp).not.toHaveProperty('type');
  });

  it('review: the home window, whose page knows it is hidden when built ahead of time', () => {
    expect(reviewOptions(context)).toMatchObject({ width: 1100, height: 760, paintWhenInitiallyHidden: false });
    expect(reviewOptions(context).frame).not.toBe(false);
  });
});

describe('overlay placement', () => {
  it('stays above a full-screen call: screen-saver level on Windows, floating on macOS', () => {
    expect(overlayLevel('win32')).toBe('screen-saver');
    expect(overlayLevel('darwin')).toBe('floating');
    expect(overlayLevel('linux')).toBe('floating');
  });
});

describe('secure web preferences', () => {
  it('lets a window tune spellcheck and throttling, and never isolation', () => {
    expect(secureWebPreferences(preload, { spellcheck: false })).toMatchObject({ spellcheck: false, sandbox: true });
    // @ts-expect-error isolation is not tunable…
    const attempt = secureWebPreferences(preload, { sandbox: false, contextIsolation: false, preload: '/evil.js' });
    // …and even past the type check it cannot be overridden.
    expect(attempt).toMatchObject({ sandbox: true, contextIsolation: true, preload });
  });
});

describe('desktop integration', () => {
  const icon = '/app/resources/icons/512x512.png';

  it.each(PLATFORMS)('on %s the framed windows carry the app icon only where the OS takes it from the window', (platform) => {
    for (const options of [reviewOptions, wrapUpOptions]) {
      expect(options({ platform, preload, icon }).icon).toBe(platform === 'linux' ? icon : undefined);
    }
  });

  it.each(PLATFORMS)('on %s the menu bar hides until Alt except on macOS, whose menu bar is the screen\'s', (platform) => {
    expect(reviewOptions({ platform, preload }).autoHideMenuBar).toBe(platform === 'darwin' ? undefined : true);
  });

  it('paints the first frame in the page\'s own background, dark in dark mode, and keeps the overlay see-through', () => {
    expect(reviewOptions({ platform: 'linux', preload }).backgroundColor).toBe(PAGE_BACKGROUND.light);
    expect(wrapUpOptions({ platform: 'linux', preload, dark: true }).backgroundColor).toBe(PAGE_BACKGROUND.dark);
    expect(overlayOptions({ platform: 'linux', preload, dark: true }).backgroundColor).toBe('#00000000');
  });

  it('takes those backgrounds from the pages\' stylesheet (--bg, light then dark), so they cannot drift apart', () => {
    const css = readFileSync(resolve(import.meta.dirname, '../../renderer/src/ui/base.css'), 'utf8');
    const backgrounds = [...css.matchAll(/--bg:\s*(#[0-9a-f]{6})/gi)].map((match) => match[1]);
    expect(backgrounds).toEqual([PAGE_BACKGROUND.light, PAGE_BACKGROUND.dark]);
  });
});
