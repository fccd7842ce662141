// @vitest-environment jsdom
// Runs under vitest in jsdom (a stand-in page). The generated /__preview/bridge.js: it defines `window.api` with every
// contract method (derived from shared/contract.ts, not hand-copied), posts calls with the token, fans the single
// EventSource out to `on()` listeners, and shows a window request as an accessible banner without inline styles.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { eventNames, methodNames, type Bridge } from '../../../shared/contract';
import { bridgeScript, TOKEN_HEADER, verifyBridgeScript } from '../../../electron/preview/bridge-client';

const TOKEN = '0123456789abcdef'.repeat(4);

class FakeEventSource {
  static last: FakeEventSource | undefined;
  readonly listeners = new Map<string, ((m: { data: string }) => void)[]>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (m: { data: string }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  fire(type: string, payload: unknown) {
    for (const l of this.listeners.get(type) ?? []) l({ data: JSON.stringify(payload) });
  }
}

const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify({ ok: true, value: 42 }), { status: 200 }));
vi.stubGlobal('fetch', fetchMock);
vi.stubGlobal('EventSource', FakeEventSource);
if (!globalThis.CSS?.escape) vi.stubGlobal('CSS', { escape: (s: string) => s.replace(/["\\]/g, '\\$&') });

const text = bridgeScript(TOKEN);
new Function(text)();
const api = (globalThis as unknown as { api: Bridge }).api;
const source = FakeEventSource.last!;

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('the generated bridge script', () => {
  it('passes its own sandbox check and defines every contract method plus on()', () => {
    expect(() => verifyBridgeScript(text)).not.toThrow();
    for (const name of methodNames) expect(typeof api[name]).toBe('function');
    expect(typeof api.on).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(text).toContain(JSON.stringify(methodNames));
  });

  it('opens one EventSource with the token and listens to every contract event', () => {
    expect(source.url).toBe(`/api/events?token=${TOKEN}`);
    expect([...source.listeners.keys()].sort()).toEqual([...eventNames].sort());
  });

  it('posts a call as JSON with the token header, and returns the Reply as is', async () => {
    const reply = await api.startMeeting({ id: 'm1' });
    expect(reply).toEqual({ ok: true, value: 42 });
    const [url, init] = fetchMock.mock.calls.at(-1)!;
    expect(url).toBe('/api/startMeeting');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)[TOKEN_HEADER]).toBe(TOKEN);
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(init.body).toBe('{"id":"m1"}');
    await api.getState();
    expect(fetchMock.mock.calls.at(-1)![1].body).toBe('');
  });

  it('turns a refusal or a dead server into an error envelope, never a throw', async () => {
    fetchMock.mockResolvedValueOnce(new Response('Forbidden', { status: 403 }));
    expect(await api.getState()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await api.getState()).toMatchObject({ ok: false, error: { code: 'internal' } });
    // A data file too big for one preview request (a restore): said plainly, not "try again".
    fetchMock.mockResolvedValueOnce(new Response('body too large', { status: 413 }));
    expect(await api.getState()).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/^That is more than the browser preview takes in one request/) } });
  });

  it('fans events out to every on() listener until unsubscribed', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = api.on('changed', a);
    api.on('changed', b);
    source.fire('changed', { revision: 3 });
    offA();
    source.fire('changed', { revision: 4 });
    expect(a.mock.calls).toEqual([[{ revision: 3 }]]);
    expect(b.mock.calls).toEqual([[{ revision: 3 }], [{ revision: 4 }]]);
  });

  it('shows "Wrap-up window opened — Open it" as a status banner linking to the page, and hides it again', () => {
    const listener = vi.fn();
    api.on('window', listener);
    source.fire('window', { window: 'wrapup', action: 'show' });
    expect(listener).toHaveBeenCalledWith({ window: 'wrapup', action: 'show' });
    const region = document.querySelector('[role="status"]')!;
    expect(region.textContent).toContain('Wrap-up window opened — Open it');
    const link = region.querySelector('a')!;
    expect(link.textContent).toBe('Open it');
    expect(link.getAttribute('href')).toBe('/wrapup.html');
    expect(region.querySelector('[style]')).toBeNull();
    expect(region.querySelector('button')!.getAttribute('aria-label')).toBe('Dismiss: Wrap-up window opened');

    source.fire('window', { window: 'wrapup', action: 'show' });
    expect(region.querySelectorAll('a')).toHaveLength(1);
    source.fire('window', { window: 'wrapup', action: 'hide' });
    expect(region.querySelectorAll('a')).toHaveLength(0);

    source.fire('window', { window: 'overlay', action: 'show' });
    region.querySelector('button')!.click();
    expect(region.textContent).toBe('');
  });

  it('cannot be replaced by the page', () => {
    expect(() => {
      (globalThis as unknown as { api: unknown }).api = {};
    }).toThrow();
  });
});
