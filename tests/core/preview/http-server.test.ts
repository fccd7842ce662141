// Runs under vitest (node). The preview's HTTP layer, started in-process on port 0 over a fake core and a fake built
// renderer folder: the gate (token, Origin, Host, Sec-Fetch-Site), the Reply envelopes, SSE fan-out, the test clock.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../../electron/main/core/clock';
import { startPreviewServer, type PreviewServer } from '../../../electron/preview/http-server';
import { fakeCore, type FakeCore } from './fake-core';

interface Res {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, path: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...init.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-ancestors 'none'";
const page = (name: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${CSP}" />
    <title>Second Step</title>
    <script type="module" crossorigin src="./assets/${name}.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`;

let dir: string;
let core: FakeCore;
let server: PreviewServer;
let clock: TestClock;
let clockServer: PreviewServer;
let clockCore: FakeCore;

const origin = () => `http://127.0.0.1:${server.port}`;
const apiHeaders = (extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  origin: origin(),
  'x-second-step-token': server.token,
  ...extra,
});
const call = (name: string, body: unknown, headers: Record<string, string> = apiHeaders()) =>
  send(server.port, `/api/${name}`, { method: 'POST', headers, body: body === undefined ? '' : JSON.stringify(body) });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ss-preview-'));
  await mkdir(join(dir, 'assets'));
  for (const name of ['review', 'overlay', 'wrapup']) await writeFile(join(dir, `${name}.html`), page(name));
  await writeFile(join(dir, 'assets', 'review.js'), 'console.log("review")');
  await writeFile(join(tmpdir(), 'ss-preview-outside.txt'), 'secret outside the renderer folder');
  core = fakeCore();
  server = await startPreviewServer({ core, rendererDir: dir, port: 0, log: { error() {}, warn() {} } });
  clock = new TestClock(Date.parse('2026-03-02T09:00:00Z'));
  clockCore = fakeCore();
  clockServer = await startPreviewServer({ core: clockCore, rendererDir: dir, port: 0, testClock: clock, log: { error() {}, warn() {} } });
});

afterAll(async () => {
  await server?.close();
  await clockServer?.close();
  clock?.dispose();
  await rm(dir, { recursive: true, force: true });
  await rm(join(tmpdir(), 'ss-preview-outside.txt'), { force: true });
});

describe('the preview server', () => {
  it('listens on 127.0.0.1 with a 64-hex-digit token per run', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
    expect(clockServer.token).not.toBe(server.token);
  });

  it('answers a valid call with 200 and a Reply envelope, without CORS headers', async () => {
    const res = await call('startMeeting', { id: 'm1' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { method: 'startMeeting', input: { id: 'm1' } } });
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('accepts an empty body as "no input"', async () => {
    const res = await call('getState', undefined);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { method: 'getState', input: null } });
  });

  it('keeps errors inside the envelope with status 200: validation, user errors, internal errors', async () => {
    const invalid = JSON.parse((await call('logNextStep', {})).body);
    expect(invalid.ok).toBe(false);
    expect(invalid.error.code).toBe('invalid');
    expect(invalid.error.fields).toMatchObject({ meetingId: expect.any(String), what: 'What happens next is required.' });

    const user = await call('endCall', { meetingId: 'x' });
    expect(user.status).toBe(200);
    expect(JSON.parse(user.body)).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'Some fields need your attention.', fields: { meetingId: 'No such call.' } },
    });

    const internal = await call('getReview', undefined);
    expect(internal.status).toBe(200);
    expect(JSON.parse(internal.body).error.code).toBe('internal');
    expect(internal.body).not.toContain('boom');
  });

  it('refuses a call without the token (403) and never reaches the core', async () => {
    const before = core.calls.length;
    const { 'x-second-step-token': _, ...noToken } = apiHeaders();
    expect((await call('getState', undefined, noToken)).status).toBe(403);
    expect(core.calls.length).toBe(before);
  });

  it('refuses a wrong token (403)', async () => {
    expect((await call('getState', undefined, apiHeaders({ 'x-second-step-token': 'f'.repeat(64) }))).status).toBe(403);
    expect((await call('getState', undefined, apiHeaders({ 'x-second-step-token': server.token.slice(0, -1) }))).status).toBe(403);
  });

  it('refuses a foreign Origin (403), and a POST without Origin', async () => {
    expect((await call('getState', undefined, apiHeaders({ origin: 'http://evil.example' }))).status).toBe(403);
    expect((await call('getState', undefined, apiHeaders({ origin: `http://127.0.0.1:${server.port + 1}` }))).status).toBe(403);
    expect((await call('getState', undefined, apiHeaders({ origin: 'null' }))).status).toBe(403);
    const { origin: _, ...noOrigin } = apiHeaders();
    expect((await call('getState', undefined, noOrigin)).status).toBe(403);
  });

  it('accepts localhost:<port> as Host and Origin', async () => {
    const res = await call('getState', undefined, apiHeaders({ host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` }));
    expect(res.status).toBe(200);
  });

  it('refuses a foreign Host (DNS rebinding) on every route, 403', async () => {
    const host = { host: `attacker.example:${server.port}` };
    expect((await call('getState', undefined, apiHeaders(host))).status).toBe(403);
    expect((await send(server.port, '/review.html', { headers: host })).status).toBe(403);
    expect((await send(server.port, '/__preview/bridge.js', { headers: host })).status).toBe(403);
    expect((await send(server.port, '/', { headers: host })).status).toBe(403);
    expect((await send(server.port, '/nothing-here', { headers: host })).status).toBe(403);
  });

  it('serves bridge.js (with the token) same-origin, and refuses it cross-site or same-site', async () => {
    const ok = await send(server.port, '/__preview/bridge.js', { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/javascript/);
    expect(ok.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(ok.body).toContain(server.token);
    const cross = await send(server.port, '/__preview/bridge.js', { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(cross.status).toBe(403);
    expect(cross.body).not.toContain(server.token);
    expect((await send(server.port, '/__preview/bridge.js', { headers: { 'sec-fetch-site': 'same-site' } })).status).toBe(403);
    expect((await send(server.port, '/review.html', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('serves pages with the bridge injected before the module script and the CSP as a header', async () => {
    const res = await send(server.port, '/review.html');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(CSP);
    const bridgeAt = res.body.indexOf('<script defer src="/__preview/bridge.js"></script>');
    expect(bridgeAt).toBeGreaterThan(0);
    expect(bridgeAt).toBeLessThan(res.body.indexOf('<script type="module"'));
    expect(res.body).toContain('<link rel="stylesheet" href="/__preview/bridge.css">');
    expect(res.body).not.toContain(server.token);
    expect(res.body).not.toMatch(/style="/);
    const css = await send(server.port, '/__preview/bridge.css');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('redirects / to /review.html and serves assets; 404 for unknown files, traversal and unknown routes', async () => {
    const root = await send(server.port, '/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/review.html');
    expect((await send(server.port, '/assets/review.js')).status).toBe(200);
    expect((await send(server.port, '/missing.html')).status).toBe(404);
    expect((await send(server.port, '/../ss-preview-outside.txt')).status).toBe(404);
    expect((await send(server.port, '/%2e%2e/ss-preview-outside.txt')).status).toBe(404);
    expect((await send(server.port, '/assets/..%2f..%2fss-preview-outside.txt')).status).toBe(404);
    expect((await send(server.port, '/__preview/other.js')).status).toBe(404);
    expect((await call('noSuchMethod', {})).status).toBe(404);
    expect((await call('__proto__', {})).status).toBe(404);
    expect((await call('constructor', {})).status).toBe(404);
  });

  it('accepts only JSON bodies (415), of at most 1 MB (413), well-formed (400)', async () => {
    const text = await call('getState', undefined, apiHeaders({ 'content-type': 'text/plain' }));
    expect(text.status).toBe(415);
    const form = await call('getState', undefined, apiHeaders({ 'content-type': 'application/x-www-form-urlencoded' }));
    expect(form.status).toBe(415);
    const big = await send(server.port, '/api/createMeeting', {
      method: 'POST',
      headers: apiHeaders(),
      body: JSON.stringify({ title: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(big.status).toBe(413);
    const bad = await send(server.port, '/api/getState', { method: 'POST', headers: apiHeaders(), body: '{nope' });
    expect(bad.status).toBe(400);
  });

  it('answers GET on a method with 405', async () => {
    expect((await send(server.port, '/api/getState', { headers: { 'x-second-step-token': server.token } })).status).toBe(405);
  });

  it('has no /__test/clock without --test-clock: 404 even with the token', async () => {
    const res = await send(server.port, '/__test/clock', { method: 'POST', headers: apiHeaders(), body: JSON.stringify({ advanceMs: 1000 }) });
    expect(res.status).toBe(404);
  });
});

describe('server-sent events', () => {
  it('refuses a stream without the token', async () => {
    expect((await send(server.port, '/api/events')).status).toBe(403);
    expect((await send(server.port, '/api/events?token=nope')).status).toBe(403);
    expect((await send(server.port, `/api/events?token=${server.token}`, { headers: { origin: 'http://evil.example' } })).status).toBe(403);
  });

  it('fans every core event out to every open stream and forgets closed ones', async () => {
    const open = () =>
      new Promise<{ received: () => string; close: () => void }>((resolve, reject) => {
        let text = '';
        const req = request(
          { host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}`, headers: { host: `127.0.0.1:${server.port}` } },
          (res) => {
            expect(res.statusCode).toBe(200);
            expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
            res.on('data', (c: Buffer) => (text += c.toString('utf8')));
            resolve({ received: () => text, close: () => req.destroy() });
          },
        );
        req.on('error', (error) => (text.length ? undefined : reject(error)));
        req.end();
      });
    const a = await open();
    const b = await open();
    core.emit('changed', { revision: 7 });
    core.emit('window', { window: 'wrapup', action: 'show' });
    await expect.poll(() => b.received()).toContain('event: window\ndata: {"window":"wrapup","action":"show"}\n\n');
    expect(a.received()).toContain('event: changed\ndata: {"revision":7}\n\n');
    expect(b.received()).toContain('event: changed\ndata: {"revision":7}\n\n');
    a.close();
    b.close();
    await new Promise((r) => setTimeout(r, 50));
    core.emit('changed', { revision: 8 }); // must not throw on closed streams
    expect(core.listenerCount()).toBe(2); // the hub and the clock-event counter: one subscription each, not per page
  });
});

describe('POST /__test/clock (with --test-clock)', () => {
  const move = (body: unknown, headers: Record<string, string> = {}) =>
    send(clockServer.port, '/__test/clock', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: `http://127.0.0.1:${clockServer.port}`,
        'x-second-step-token': clockServer.token,
        ...headers,
      },
      body: JSON.stringify(body),
    });

  it('needs the token', async () => {
    expect((await move({ advanceMs: 1 }, { 'x-second-step-token': 'x' })).status).toBe(403);
  });

  it('advances or sets the clock and reports the new time', async () => {
    const before = clock.now();
    const res = await move({ advanceMs: 3_600_000 });
    expect(res.status).toBe(200);
    const reply = JSON.parse(res.body);
    expect(reply.ok).toBe(true);
    expect(reply.value.now).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(reply.value.now).toBeLessThan(before + 3_600_000 + 5_000);

    const set = JSON.parse((await move({ now: '2026-04-01T12:00:00.000Z' })).body);
    expect(set.value.iso.slice(0, 16)).toBe('2026-04-01T12:00');
    expect(Math.abs(clock.now() - Date.parse('2026-04-01T12:00:00Z'))).toBeLessThan(5_000);
  });

  it('refuses a malformed move inside the envelope', async () => {
    const reply = JSON.parse((await move({ advanceMs: -5 })).body);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(JSON.parse((await move({ now: 'tomorrow' })).body).ok).toBe(false);
    expect(JSON.parse((await move({ advanceMs: 1, now: '2026-04-01T12:00:00Z' })).body).ok).toBe(false);
  });
});
