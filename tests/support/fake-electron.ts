// Runs in vitest only: the "platform" project aliases `electron` to this file. A small fake of just the Electron APIs
// the platform adapter and the preload use. It tries to stay honest where the policy depends on it:
// - every cancellable event is a FakeEvent whose preventDefault() records that it was called;
// - app.quit() runs Electron's sequence: 'before-quit', then each window's 'close' (a refusal cancels the quit),
//   then 'will-quit', then exit; app.exit() closes everything without asking anyone;
// - a BrowserWindow cannot be built before the app is ready, and building one emits 'web-contents-created'.
// Test-only helpers (resetFakeElectron, invoke, crash…) are marked as such.
import { EventEmitter } from 'node:events';

export class FakeEvent {
  defaultPrevented = false;
  constructor(fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  top: FakeFrame | null;
}

const frame = (url: string, parent: FakeFrame | null = null): FakeFrame => {
  const created: FakeFrame = { url, parent, top: null };
  created.top = parent ? parent.top : created;
  return created;
};

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = frame('about:blank');
  /** Every message sent to the page, in order. */
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  private destroyed = false;

  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Test-only: the renderer process dies, as Electron reports it. */
  crash(reason = 'crashed'): void {
    this.emit('render-process-gone', new FakeEvent(), { reason, exitCode: 1 });
  }
  /** Test-only: the page tries to navigate; returns the event so a test can see whether it was prevented. */
  tryNavigate(url: string): FakeEvent {
    const event = new FakeEvent({ url, isMainFrame: true, frame: this.mainFrame });
    this.emit('will-navigate', event, url);
    if (!event.defaultPrevented) this.mainFrame.url = url;
    return event;
  }
  /** Test-only: a frame inside the page (an iframe), to send IPC from. */
  subframe(url: string): FakeFrame {
    return frame(url, this.mainFrame);
  }
  /** @internal */
  markDestroyed(): void {
    this.destroyed = true;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly open = new Set<BrowserWindow>();
  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.open];
  }

  readonly webContents = new FakeWebContents();
  /** Every method the platform called on this window, with its arguments, in order. */
  readonly calls: Array<[string, ...unknown[]]> = [];
  visible = false;
  focused = false;
  private minimized = false;
  private destroyed = false;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    if (!app.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    BrowserWindow.open.add(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.record('loadURL', url);
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.record('show');
    this.visible = true;
    this.focus();
    this.emit('show');
  }
  showInactive(): void {
    this.record('showInactive');
    this.visible = true;
    this.emit('show');
  }
  hide(): void {
    this.record('hide');
    this.visible = false;
    this.focused = false;
    this.emit('hide');
  }
  focus(): void {
    this.record('focus');
    for (const other of BrowserWindow.open) if (other !== this && other.focused) other.blur();
    this.focused = true;
    this.emit('focus');
  }
  blur(): void {
    this.focused = false;
    this.emit('blur');
  }
  restore(): void {
    this.record('restore');
    this.minimized = false;
  }
  minimize(): void {
    this.minimized = true;
    this.focused = false;
  }
  /** Asks to close: emits 'close' (cancellable); returns the event so a test can see whether it was prevented. */
  close(): FakeEvent {
    const event = new FakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
    return event;
  }
  /** Closes without asking: no 'close' event, as in Electron. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.focused = false;
    BrowserWindow.open.delete(this);
    this.webContents.markDestroyed();
    this.emit('closed');
  }
  isDestroyed = () => this.destroyed;
  isVisible = () => this.visible;
  isFocused = () => this.focused;
  isMinimized = () => this.minimized;
  setAlwaysOnTop = (...args: unknown[]) => this.record('setAlwaysOnTop', ...args);
  setVisibleOnAllWorkspaces = (...args: unknown[]) => this.record('setVisibleOnAllWorkspaces', ...args);
  setContentProtection = (...args: unknown[]) => this.record('setContentProtection', ...args);
  setPosition = (...args: unknown[]) => this.record('setPosition', ...args);
  flashFrame = (...args: unknown[]) => this.record('flashFrame', ...args);
  setIgnoreMouseEvents = (...args: unknown[]) => this.record('setIgnoreMouseEvents', ...args);
  bounds = { x: 0, y: 0, width: 800, height: 600 };
  setBounds(bounds: { x: number; y: number; width: number; height: number }): void {
    this.record('setBounds', bounds);
    this.bounds = { ...bounds };
  }
  getBounds = () => ({ ...this.bounds });
  setOpacity = (...args: unknown[]) => this.record('setOpacity', ...args);

  /** Test-only: the arguments of every call to one method. */
  callsOf(method: string): unknown[][] {
    return this.calls.filter(([name]) => name === method).map(([, ...args]) => args);
  }
  private record(method: string, ...args: unknown[]): void {
    this.calls.push([method, ...args]);
  }
}

function exitSignal() {
  let resolve!: (code: number) => void;
  const promise = new Promise<number>((r) => (resolve = r));
  return { promise, resolve };
}

class FakeApp extends EventEmitter {
  ready = false;
  isPackaged = false;
  appPath = '/fake/app';
  singleInstanceLock = true;
  /** The code passed to exit(), once the app has exited. */
  exitCode: number | null = null;
  /** What the OS's login-items list holds for the app (macOS, Windows). */
  loginItem = { openAtLogin: false };
  readonly paths = new Map<string, string>();
  readonly switches = new Map<string, string>();
  readonly commandLine = { getSwitchValue: (name: string) => this.switches.get(name) ?? '' };
  private exited = exitSignal();

  whenReady(): Promise<void> {
    this.ready = true;
    return Promise.resolve();
  }
  isReady(): boolean {
    return this.ready;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  /** As on Linux and Windows: without a path, the logs go to userData/logs. */
  setAppLogsPath(path?: string): void {
    this.paths.set('logs', path ?? `${this.getPath('userData')}/logs`);
  }
  getLoginItemSettings(): { openAtLogin: boolean } {
    return { ...this.loginItem };
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.loginItem = { openAtLogin: settings.openAtLogin };
  }
  getAppPath(): string {
    return this.appPath;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  quit(): void {
    const beforeQuit = new FakeEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    for (const window of BrowserWindow.getAllWindows()) {
      // A window that refuses to close cancels the quit, as in Electron.
      if (window.close().defaultPrevented) return;
    }
    const willQuit = new FakeEvent();
    this.emit('will-quit', willQuit);
    if (!willQuit.defaultPrevented) this.exit(0);
  }
  exit(code = 0): void {
    for (const window of BrowserWindow.getAllWindows()) window.destroy();
    this.exitCode = code;
    this.exited.resolve(code);
  }
  /** Test-only: resolves with the exit code once the app has exited. */
  whenExited(): Promise<number> {
    return this.exited.promise;
  }
  /** @internal */
  reset(): void {
    this.removeAllListeners();
    this.ready = false;
    this.isPackaged = false;
    this.singleInstanceLock = true;
    this.exitCode = null;
    this.loginItem = { openAtLogin: false };
    this.paths.clear();
    this.switches.clear();
    this.exited = exitSignal();
  }
}

export const app = new FakeApp();

type InvokeHandler = (event: unknown, payload: unknown) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test-only: what a renderer's ipcRenderer.invoke does — from a webContents, and by default its main frame. */
  async invoke(channel: string, sender: FakeWebContents, payload?: unknown, senderFrame: FakeFrame | null = sender.mainFrame): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender, senderFrame, processId: 1, frameId: 1 }, structuredClone(payload));
  }
}

export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends EventEmitter {
  readonly invoked: Array<{ channel: string; args: unknown[] }> = [];
  /** Test-only: what main answers to invoke(). */
  answer: (channel: string, ...args: unknown[]) => unknown = () => ({ ok: true, value: null });
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return Promise.resolve(this.answer(channel, ...args));
  }
  /** Test-only: main sends an event to this page. */
  deliver(channel: string, payload: unknown): void {
    this.emit(channel, new FakeEvent({ sender: this }), payload);
  }
}

export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    contextBridge.exposed.set(key, api);
  },
};

type PermissionRequestHandler = (contents: unknown, permission: string, answer: (granted: boolean) => void) => void;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  respond: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

export const session = {
  defaultSession: {
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as ((contents: unknown, permission: string) => boolean) | null,
    headersListener: null as HeadersListener | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler | null) {
      session.defaultSession.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: ((contents: unknown, permission: string) => boolean) | null) {
      session.defaultSession.permissionCheckHandler = handler;
    },
    webRequest: {
      onHeadersReceived(listener: HeadersListener | null) {
        session.defaultSession.headersListener = listener;
      },
    },
  },
};

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>) {
    // As in Electron: only before the app is ready.
    if (app.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler) {
    if (!app.ready) throw new Error('protocol.handle should be called after app is ready');
    if (protocol.handlers.has(scheme)) throw new Error(`The scheme '${scheme}' is already handled`);
    protocol.handlers.set(scheme, handler);
  },
};

export const shell = {
  opened: [] as string[],
  /** Files shown in the file manager. */
  revealed: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
  showItemInFolder(path: string): void {
    shell.revealed.push(path);
  },
  /** Folders opened in the file manager. Answers an error string, empty on success, as Electron does. */
  openedPaths: [] as string[],
  openPathAnswer: '',
  openPath(path: string): Promise<string> {
    shell.openedPaths.push(path);
    return Promise.resolve(shell.openPathAnswer);
  },
};

export const nativeTheme = { shouldUseDarkColors: false };

export const powerMonitor = new EventEmitter();

/** Notifications shown, newest last (test helper: `Notification.shown`). */
export class Notification extends EventEmitter {
  static readonly shown: Notification[] = [];
  static isSupported = () => true;
  constructor(readonly options: { title: string; body: string; actions?: { type: string; text: string }[] }) {
    super();
  }
  show(): void {
    Notification.shown.push(this);
  }
}

/** Test helper: `taken` holds accelerators another app owns (register answers false for them). */
export const globalShortcut = {
  registered: new Map<string, () => unknown>(),
  taken: new Set<string>(),
  register(accelerator: string, callback: () => unknown): boolean {
    if (this.taken.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  },
  unregisterAll(): void {
    this.registered.clear();
  },
  /** Test helper: the OS delivers a key press. */
  /** Presses a registered hotkey; resolves once what it started has finished (the app's handlers are async). */
  async press(accelerator: string): Promise<void> {
    await this.registered.get(accelerator)?.();
  },
};

type FakeDisplay = { id: number; workArea: { x: number; y: number; width: number; height: number }; bounds: { x: number; y: number; width: number; height: number } };
// A 1440x900 display with a 25 px menu bar.
const laptopDisplay: FakeDisplay = { id: 1, workArea: { x: 0, y: 25, width: 1440, height: 875 }, bounds: { x: 0, y: 0, width: 1440, height: 900 } };

export const screen = Object.assign(new EventEmitter(), {
  /** Test helper: the displays attached, the primary first. */
  displays: [laptopDisplay] as FakeDisplay[],
  getPrimaryDisplay(): FakeDisplay {
    return this.displays[0]!;
  },
  getAllDisplays(): FakeDisplay[] {
    return [...this.displays];
  },
  getDisplayMatching(rect: { x: number; y: number }): FakeDisplay {
    const inside = (d: FakeDisplay) => rect.x >= d.bounds.x && rect.x < d.bounds.x + d.bounds.width && rect.y >= d.bounds.y && rect.y < d.bounds.y + d.bounds.height;
    return this.displays.find(inside) ?? this.displays[0]!;
  },
});

export const Menu = {
  current: undefined as unknown,
  buildFromTemplate: <T>(template: T[]) => ({ template }),
  setApplicationMenu(menu: unknown) {
    Menu.current = menu;
  },
};

/** Test helper: `nativeImage.created` lists the paths images were read from. */
export class NativeImage {
  template = false;
  constructor(readonly path: string) {}
  setTemplateImage(template: boolean): void {
    this.template = template;
  }
  isEmpty(): boolean {
    return false;
  }
}
export const nativeImage = {
  created: [] as string[],
  createFromPath(path: string): NativeImage {
    nativeImage.created.push(path);
    return new NativeImage(path);
  },
};

type FakeMenuItem = { label?: string; type?: string; click?: () => void };

/** Trays created, newest last (test helper: `Tray.created`; `menuItem(label)` clicks like the rep). */
export class Tray extends EventEmitter {
  static readonly created: Tray[] = [];
  menu: { template: FakeMenuItem[] } | null = null;
  tooltip = '';
  destroyed = false;
  constructor(readonly image: NativeImage) {
    super();
    Tray.created.push(this);
  }
  setContextMenu(menu: { template: FakeMenuItem[] } | null): void {
    this.menu = menu;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** Test helper: the menu item with this label. */
  menuItem(label: string): FakeMenuItem {
    const item = this.menu?.template.find((i) => i.label === label);
    if (!item) throw new Error(`no tray menu item '${label}'`);
    return item;
  }
}

interface MessageBoxOptions {
  message: string;
  detail?: string;
  buttons?: string[];
}

export const dialog = {
  errors: [] as Array<[string, string]>,
  /** Every message box shown, in order. */
  messageBoxes: [] as MessageBoxOptions[],
  /** Test-only: the button the rep presses in the next message boxes. */
  response: 0,
  showErrorBox(title: string, content: string) {
    dialog.errors.push([title, content]);
  },
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }> {
    dialog.messageBoxes.push(options);
    return Promise.resolve({ response: dialog.response });
  },
};

/** Test-only: a fresh Electron (no windows, listeners or handlers), as at process start. */
export function resetFakeElectron({ userData, appPath = '/fake/app' }: { userData?: string; appPath?: string } = {}): void {
  for (const window of BrowserWindow.getAllWindows()) window.destroy();
  app.reset();
  app.appPath = appPath;
  if (userData) app.setPath('userData', userData);
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked.length = 0;
  contextBridge.exposed.clear();
  Object.assign(session.defaultSession, { permissionRequestHandler: null, permissionCheckHandler: null, headersListener: null });
  shell.opened.length = 0;
  shell.revealed.length = 0;
  shell.openedPaths.length = 0;
  shell.openPathAnswer = '';
  nativeTheme.shouldUseDarkColors = false;
  powerMonitor.removeAllListeners();
  globalShortcut.registered.clear();
  Notification.shown.length = 0;
  protocol.handlers.clear();
  protocol.privileged.length = 0;
  screen.removeAllListeners();
  screen.displays = [laptopDisplay];
  globalShortcut.taken.clear();
  Menu.current = undefined;
  Tray.created.length = 0;
  nativeImage.created.length = 0;
  dialog.errors.length = 0;
  dialog.messageBoxes.length = 0;
  dialog.response = 0;
}
