// Test harness for renderer components under jsdom, without extra packages: React's own `act` and `createRoot`,
// a fake `window.api` bridge built from the contract's method list, and queries by accessible label and role.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { vi } from 'vitest';
import { methodNames, type Bridge, type EventName, type Events, type MethodName, type Reply } from '../../shared/bridge';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Handler = (input: unknown) => Reply<unknown> | Promise<Reply<unknown>>;

export interface FakeBridge {
  bridge: Bridge;
  /** Every call, in order: [method, input]. */
  calls: [MethodName, unknown][];
  callsOf(name: MethodName): unknown[];
  /** Answers a method (default: `{ ok: true, value: null }`). */
  answer(name: MethodName, handler: Handler): void;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  listenerCount(event: EventName): number;
}

export const ok = <T,>(value: T): Reply<T> => ({ ok: true, value });
export const fail = (message: string, fields?: Record<string, string>, code: 'invalid' | 'conflict' = 'invalid'): Reply<never> => ({
  ok: false,
  error: { code, message, ...(fields ? { fields } : {}) },
});

export function fakeBridge(): FakeBridge {
  const handlers = new Map<MethodName, Handler>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: [MethodName, unknown][] = [];
  const methods = Object.fromEntries(
    methodNames.map((name) => [
      name,
      vi.fn(async (input?: unknown) => {
        calls.push([name, input]);
        const handler = handlers.get(name);
        return handler ? handler(input) : ok(null);
      }),
    ]),
  );
  const bridge = {
    ...methods,
    on: (event: EventName, listener: (payload: unknown) => void) => {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  } as unknown as Bridge;
  return {
    bridge,
    calls,
    callsOf: (name) => calls.filter(([n]) => n === name).map(([, input]) => input),
    answer: (name, handler) => handlers.set(name, handler),
    emit: (event, payload) => {
      for (const l of [...(listeners.get(event) ?? [])]) l(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

/** Installs a fake bridge as `window.api` (the renderer's `api` reads it on every call). */
export function installBridge(fake: FakeBridge) {
  Object.defineProperty(window, 'api', { value: fake.bridge, configurable: true, writable: true });
}

let mounted: { root: Root; container: HTMLElement }[] = [];

export async function render(ui: ReactNode): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  mounted.push({ root, container });
  await act(async () => root.render(ui));
  await settle();
  return container;
}

export async function cleanup() {
  for (const { root, container } of mounted) {
    await act(async () => root.unmount());
    container.remove();
  }
  mounted = [];
}

/** Lets pending promises (fake bridge answers) and the renders they cause finish. */
export async function settle(rounds = 5) {
  for (let i = 0; i < rounds; i++) await act(async () => await Promise.resolve());
}

const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Text as assistive tech gets it: `aria-label` wins, `aria-hidden` parts are left out. */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return label;
  const copy = el.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return textOf(copy);
}

/** The control whose <label> (or aria-labelledby) text is exactly `text`. */
export function byLabel<T extends HTMLElement = HTMLElement>(text: string, scope: ParentNode = document): T {
  const found: HTMLElement[] = [];
  for (const label of scope.querySelectorAll('label')) {
    if (accessibleName(label) !== text) continue;
    const control = label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector<HTMLElement>('input, select, textarea');
    if (control) found.push(control);
  }
  for (const el of scope.querySelectorAll<HTMLElement>('[aria-labelledby]')) {
    const name = (el.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .filter(Boolean)
      .map((n) => textOf(n!))
      .join(' ');
    if (name === text && !found.includes(el)) found.push(el);
  }
  if (found.length !== 1) throw new Error(`Expected one control labelled "${text}", found ${found.length}.`);
  return found[0] as T;
}

/** The button whose accessible text is exactly `name`. */
export function button(name: string, scope: ParentNode = document): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].filter((b) => accessibleName(b) === name);
  if (found.length !== 1) throw new Error(`Expected one button "${name}", found ${found.length}.`);
  return found[0]!;
}

export const queryButton = (name: string, scope: ParentNode = document) =>
  [...scope.querySelectorAll('button')].find((b) => accessibleName(b) === name) ?? null;

/** The text of everything a control's `aria-describedby` points at. */
export const description = (el: Element) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id))
    .map((n) => (n ? textOf(n) : ''))
    .join(' | ');

export const byRole = (role: string, scope: ParentNode = document) => [...scope.querySelectorAll(`[role="${role}"]`)] as HTMLElement[];

export const pageText = () => textOf(document.body);

/** Types into a React-controlled input, textarea or select. */
export async function type(el: HTMLElement, value: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

export async function click(el: HTMLElement) {
  await act(async () => el.click());
  await settle();
}

export async function key(el: HTMLElement, init: KeyboardEventInit) {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });
  await settle();
}
