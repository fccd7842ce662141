// Source: Node (the preview host) builds it; RUNS IN THE PAGE as /__preview/bridge.js, a deferred classic script
// injected before the page's module script (so it runs first), so `window.api` exists before the renderer starts — just
// as the preload provides it in Electron. The renderer cannot tell the two hosts apart.
//
// One definition of the bridge's shape: the script text is generated at startup from `buildBridge` (shared/contract.ts)
// and the contract's `methodNames` / `eventNames`, never from a hand-copied list. `installPreviewBridge` below is
// serialised with Function#toString, so it must be self-contained: no imports, no outer variables, only its
// parameters and browser globals. `bridgeScript` checks the generated text once in a sandbox (`verifyBridgeScript`).
import { runInNewContext } from 'node:vm';
import { buildBridge, eventNames, methodNames, type Bridge, type EventName, type MethodName, type Reply } from '../../shared/contract';

export const TOKEN_HEADER = 'x-second-step-token';
export const BRIDGE_JS_PATH = '/__preview/bridge.js';
export const BRIDGE_CSS_PATH = '/__preview/bridge.css';

export interface BridgeConfig {
  token: string;
  eventNames: readonly EventName[];
  tokenHeader: string;
}

type BuildBridge = typeof buildBridge;

// The few browser APIs the page side uses, typed here because electron/ compiles without the DOM library (the rest
// of the Node host must not see DOM globals). Only types: nothing of this exists at run time.
interface PageElement {
  id: string;
  className: string;
  textContent: string | null;
  href: string;
  type: string;
  readonly isConnected: boolean;
  readonly dataset: Record<string, string | undefined>;
  setAttribute(name: string, value: string): void;
  append(...nodes: (PageElement | string)[]): void;
  appendChild(node: PageElement): void;
  remove(): void;
  querySelector(selector: string): PageElement | null;
  addEventListener(type: string, listener: () => void): void;
}
interface PageMessage {
  data: string;
}
interface PageEventSource {
  addEventListener(type: string, listener: (message: PageMessage) => void): void;
  close(): void;
}
interface PageGlobals {
  document: {
    readonly readyState: string;
    readonly body: PageElement | null;
    createElement(tag: string): PageElement;
    addEventListener(type: string, listener: () => void, options?: { once: boolean }): void;
  };
  location: { readonly pathname: string };
  EventSource: new (url: string) => PageEventSource;
  CSS: { escape(value: string): string };
  addEventListener(type: string, listener: () => void): void;
}

/** Runs in the page. Defines `window.api` over fetch + one EventSource, and shows window requests as a banner. */
export function installPreviewBridge(config: BridgeConfig, build: BuildBridge): void {
  const page = globalThis as unknown as PageGlobals;
  const { document, location } = page;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const refusal = (status: number): Reply<never> => ({
    ok: false,
    error: {
      code: status === 403 ? 'forbidden' : 'internal',
      message:
        status === 403
          ? 'The preview refused this request. Reload the page from the address the preview printed.'
          : status === 413
            ? // A restore from a big data file: the app takes it, the preview's request limit does not.
              'That is more than the browser preview takes in one request (1 MB). The app itself takes it.'
            : `The preview could not handle this request (HTTP ${status}). Please try again.`,
    },
  });

  const invoke = async (name: MethodName, input: unknown): Promise<Reply<unknown>> => {
    try {
      const response = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [config.tokenHeader]: config.token },
        body: input === undefined ? '' : JSON.stringify(input),
        credentials: 'omit',
      });
      if (response.status !== 200) return refusal(response.status);
      return (await response.json()) as Reply<unknown>;
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: 'The preview is not answering. Is it still running?' },
      };
    }
  };

  const subscribe = (event: EventName, listener: (payload: unknown) => void) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };

  // --- window requests as a banner (the preview has no real windows to open) ---
  const titles: Record<string, string> = { overlay: 'Overlay', wrapup: 'Wrap-up', review: 'Review' };
  let region: PageElement | null = null;
  const ensureRegion = (): PageElement => {
    if (region && region.isConnected) return region;
    region = document.createElement('div');
    region.id = 'second-step-preview-windows';
    region.className = 'ss-preview-windows';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-label', 'Preview windows');
    document.body!.appendChild(region);
    return region;
  };
  const showWindow = (name: string, action: string) => {
    if (!document.body) return;
    const host = ensureRegion();
    const existing = host.querySelector(`[data-window="${page.CSS.escape(name)}"]`);
    existing?.remove();
    // The page asked to show itself: nothing to point at.
    if (action !== 'show' || location.pathname === `/${name}.html`) return;
    const banner = document.createElement('p');
    banner.className = 'ss-preview-window';
    banner.dataset.window = name;
    banner.append(`${titles[name] ?? name} window opened — `);
    const link = document.createElement('a');
    link.href = `/${encodeURIComponent(name)}.html`;
    link.textContent = 'Open it';
    banner.append(link);
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.textContent = '×';
    dismiss.setAttribute('aria-label', `Dismiss: ${titles[name] ?? name} window opened`);
    dismiss.addEventListener('click', () => banner.remove());
    banner.append(' ', dismiss);
    host.append(banner);
  };

  // --- events: one EventSource for the page, fanned out to every `on()` listener ---
  const source = new page.EventSource(`/api/events?token=${encodeURIComponent(config.token)}`);
  for (const event of config.eventNames) {
    source.addEventListener(event, (message) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message.data);
      } catch {
        return;
      }
      if (event === 'window') {
        const w = payload as { window: string; action: string };
        if (document.readyState === 'loading') {
          document.addEventListener('DOMContentLoaded', () => showWindow(w.window, w.action), { once: true });
        } else showWindow(w.window, w.action);
      }
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(payload);
        } catch (error) {
          console.error(error);
        }
      }
    });
  }
  page.addEventListener('pagehide', () => source.close());

  const api = Object.freeze(build(invoke, subscribe));
  Object.defineProperty(globalThis, 'api', { value: api, writable: false, configurable: false, enumerable: true });
}

/** The text of /__preview/bridge.js for this run. */
export function bridgeScript(token: string): string {
  const config: BridgeConfig = { token, eventNames: [...eventNames], tokenHeader: TOKEN_HEADER };
  const text = [
    '// Second Step browser preview: defines window.api (generated at startup from shared/contract.ts).',
    '(() => {',
    '"use strict";',
    `const methodNames = ${JSON.stringify(methodNames)};`,
    `const buildBridge = ${buildBridge.toString()};`,
    `(${installPreviewBridge.toString()})(${JSON.stringify(config)}, buildBridge);`,
    '})();',
    '',
  ].join('\n');
  verifyBridgeScript(text);
  return text;
}

/**
 * Runs the generated script once in a sandbox with stand-ins for the browser, and checks that `window.api` has every
 * contract method and `on`. A bundler that renamed a variable `buildBridge` relies on would fail here, at startup,
 * rather than in the rep's page.
 */
export function verifyBridgeScript(text: string): Bridge {
  class FakeEventSource {
    addEventListener() {}
    close() {}
  }
  const sandbox: Record<string, unknown> = {
    EventSource: FakeEventSource,
    fetch: () => Promise.reject(new Error('not in the sandbox')),
    addEventListener: () => {},
    console,
    document: { readyState: 'complete', body: null, addEventListener() {}, createElement() {} },
    location: { pathname: '/' },
    CSS: { escape: (s: string) => s },
  };
  runInNewContext(text, sandbox, { timeout: 1000 });
  const api = sandbox.api as Record<string, unknown> | undefined;
  const missing = [...methodNames, 'on'].filter((name) => typeof api?.[name] !== 'function');
  if (missing.length > 0) throw new Error(`The generated preview bridge is broken: missing ${missing.join(', ')}.`);
  return api as unknown as Bridge;
}

/** Styles of the window banner (served as /__preview/bridge.css: the pages' CSP forbids inline styles). */
export const BRIDGE_CSS = `.ss-preview-windows {
  position: fixed; top: 8px; right: 8px; z-index: 2147483647; max-width: min(360px, calc(100vw - 16px));
  display: flex; flex-direction: column; gap: 6px; pointer-events: none;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
}
.ss-preview-window {
  margin: 0; padding: 8px 10px; border-radius: 6px; pointer-events: auto;
  background: #102a43; color: #ffffff; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.35);
}
.ss-preview-window a { color: #ffffff; font-weight: 600; text-decoration: underline; }
.ss-preview-window a:focus-visible, .ss-preview-window button:focus-visible { outline: 2px solid #ffd166; outline-offset: 2px; }
.ss-preview-window button {
  margin-left: 4px; border: 1px solid #ffffff; border-radius: 4px; background: transparent; color: #ffffff;
  font: inherit; line-height: 1; padding: 2px 6px; cursor: pointer;
}
`;
