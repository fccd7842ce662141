// Runs in the main process (pure: imports only types). Each window's constructor options as a pure function of the
// platform, so tests assert them per OS without launching anything. All three start from the same secure web
// preferences; a window may only tune what cannot weaken isolation.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { WindowName } from '../../../../shared/views';

export interface WindowContext {
  platform: NodeJS.Platform;
  /** Absolute path of the built preload. A sandboxed preload must be CommonJS: out/preload/index.cjs. */
  preload: string;
  /** The app icon (a 512 px PNG). Only Linux takes it from the window; macOS and Windows show the installed app's. */
  icon?: string;
  /** The OS is in dark mode: the window's first frame, before the page paints, must not flash white. */
  dark?: boolean;
}

/** What a window may change about its page; isolation settings are deliberately not in this list. */
type PageTuning = Pick<WebPreferences, 'spellcheck' | 'backgroundThrottling'>;

/** The one place web preferences are decided: no page can reach Node, another origin or a webview. The tuning goes
 * first so that, even past the type check, it cannot override isolation. */
export function secureWebPreferences(preload: string, tuning: PageTuning = {}): WebPreferences {
  return {
    ...tuning,
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // A middle click would ask for a new window; they are all denied anyway, this stops the request being made.
    disableBlinkFeatures: 'Auxclick',
  };
}

/** The pages' own background (--bg in renderer/src/ui/base.css), light and dark. */
export const PAGE_BACKGROUND = { light: '#f3f4f6', dark: '#111316' } as const;

/** Every window is created hidden and shown by the window registry, which knows how each must appear. On Windows and
 * Linux the menu bar (Edit, Help > Reveal logs) stays out of sight until Alt is pressed. */
const base = (title: string, { platform, preload, icon, dark }: WindowContext, tuning?: PageTuning): BrowserWindowConstructorOptions => ({
  title,
  show: false,
  backgroundColor: dark ? PAGE_BACKGROUND.dark : PAGE_BACKGROUND.light,
  ...(platform === 'darwin' ? {} : { autoHideMenuBar: true }),
  ...(platform === 'linux' && icon ? { icon } : {}),
  webPreferences: secureWebPreferences(preload, tuning),
});

export const OVERLAY_SIZE = { width: 320, height: 420 };

export function overlayOptions(context: WindowContext): BrowserWindowConstructorOptions {
  return {
    ...base('Second Step — call', context, { spellcheck: false, backgroundThrottling: true }),
    ...OVERLAY_SIZE,
    minWidth: 240,
    minHeight: 200,
    frame: false,
    transparent: true,
    backgroundColor: '#00000000',
    hasShadow: true,
    alwaysOnTop: true,
    skipTaskbar: true,
    // Focusable so its buttons and the "adjusted purpose" field work; it is shown with showInactive() instead.
    focusable: true,
    resizable: true,
    minimizable: false,
    maximizable: false,
    // Not full-screenable: a full-screen-primary window gets a Space of its own instead of floating over the call.
    fullscreenable: false,
    // macOS: a non-activating panel can float over another app's full-screen Space without pulling focus.
    ...(context.platform === 'darwin' ? { type: 'panel' } : {}),
  };
}

export function wrapUpOptions(context: WindowContext): BrowserWindowConstructorOptions {
  // Closable like any window: whether a close goes through is decided by the wrap-up gate at close time.
  const size = { width: 560, height: 720, minWidth: 420, minHeight: 480 };
  return { ...base('Wrap up — Second Step', context), ...size, minimizable: true, fullscreenable: false, center: true };
}

export function reviewOptions(context: WindowContext): BrowserWindowConstructorOptions {
  return {
    ...base('Second Step', context),
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 480,
    center: true,
    // Built hidden ahead of time (keep-review-ready.ts), its page must read document.visibilityState 'hidden' from the
    // first load, so it holds the store's changes until it is shown (renderer/src/ui/on-screen.ts) instead of
    // recomputing a year of data per change all day. Electron's default would have it paint as if visible.
    paintWhenInitiallyHidden: false,
  };
}

export const windowOptions: Record<WindowName, (context: WindowContext) => BrowserWindowConstructorOptions> = {
  overlay: overlayOptions,
  wrapup: wrapUpOptions,
  review: reviewOptions,
};

/** The always-on-top level that keeps the overlay above a call: Windows needs 'screen-saver' to stay above a
 * full-screen meeting app; on macOS 'floating' (with the panel type) is enough and stays below system menus. */
export const overlayLevel = (platform: NodeJS.Platform): 'floating' | 'screen-saver' =>
  platform === 'win32' ? 'screen-saver' : 'floating';

