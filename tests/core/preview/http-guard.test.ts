// Runs under vitest (node). The preview's gate as pure functions: Host, Origin, Sec-Fetch-Site, token, body headers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedHosts,
  allowedOrigins,
  checkBodyHeaders,
  checkFetchSite,
  checkHost,
  checkOrigin,
  guardRequest,
  isJsonContentType,
  MAX_BODY_BYTES,
  tokenMatches,
  tokenOf,
} from '../../../electron/preview/http-guard';

const PORT = 43123;
const TOKEN = 'a'.repeat(64);
const q = (s = '') => new URLSearchParams(s);

describe('checkHost (DNS rebinding)', () => {
  it('accepts exactly 127.0.0.1:<port> and localhost:<port>', () => {
    expect(checkHost(`127.0.0.1:${PORT}`, PORT).ok).toBe(true);
    expect(checkHost(`localhost:${PORT}`, PORT).ok).toBe(true);
  });

  it.each([
    undefined,
    '',
    '127.0.0.1',
    'localhost',
    `127.0.0.1:${PORT + 1}`,
    `evil.example:${PORT}`,
    `127.0.0.1.nip.io:${PORT}`,
    `localhost.evil.example:${PORT}`,
    `[::1]:${PORT}`,
    ` 127.0.0.1:${PORT}`,
    `127.0.0.1:${PORT} `,
    `LOCALHOST:${PORT}`,
    `0.0.0.0:${PORT}`,
  ])('refuses %j', (host) => {
    expect(checkHost(host, PORT)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses any random Host string unless it is exactly allowed (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webAuthority(), fc.domain().map((d) => `${d}:${PORT}`)), fc.nat(65535), (host, port) => {
        expect(checkHost(host, port).ok).toBe(allowedHosts(port).includes(host));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('checkOrigin', () => {
  it('accepts our own origins for any method', () => {
    for (const origin of allowedOrigins(PORT)) {
      expect(checkOrigin(origin, 'POST', PORT).ok).toBe(true);
      expect(checkOrigin(origin, 'GET', PORT).ok).toBe(true);
    }
  });

  it('lets a GET without Origin through (same-origin GETs carry none) but not a POST', () => {
    expect(checkOrigin(undefined, 'GET', PORT).ok).toBe(true);
    expect(checkOrigin(undefined, 'POST', PORT)).toMatchObject({ ok: false, status: 403 });
  });

  it.each(['null', 'https://127.0.0.1:43123', 'http://127.0.0.1:80', 'http://evil.example', `http://127.0.0.1:${PORT}/`, ''])(
    'refuses %j',
    (origin) => {
      expect(checkOrigin(origin, 'POST', PORT).ok).toBe(false);
      expect(checkOrigin(origin, 'GET', PORT).ok).toBe(false);
    },
  );

  it('refuses any random Origin unless it is exactly allowed (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl(), fc.webAuthority().map((a) => `http://${a}`)),
        fc.constantFrom('GET', 'POST', 'HEAD', 'PUT'),
        (origin, method) => {
          expect(checkOrigin(origin, method, PORT).ok).toBe(allowedOrigins(PORT).includes(origin));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('checkFetchSite', () => {
  it('allows same-origin, none (typed address) and old browsers that send nothing', () => {
    for (const site of [undefined, 'same-origin', 'none']) expect(checkFetchSite(site).ok).toBe(true);
  });
  it('refuses cross-site and same-site (another port of 127.0.0.1 is same-site)', () => {
    expect(checkFetchSite('cross-site')).toMatchObject({ ok: false, status: 403 });
    expect(checkFetchSite('same-site')).toMatchObject({ ok: false, status: 403 });
  });
});

describe('tokenMatches', () => {
  it('matches only the exact token', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(undefined, TOKEN)).toBe(false);
    expect(tokenMatches('', TOKEN)).toBe(false);
    expect(tokenMatches(TOKEN.slice(1), TOKEN)).toBe(false);
    expect(tokenMatches(`${TOKEN}a`, TOKEN)).toBe(false);
    expect(tokenMatches(TOKEN.toUpperCase(), TOKEN)).toBe(false);
    expect(tokenMatches('', '')).toBe(false);
  });
  it('refuses every other string (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 100 }), (given) => tokenMatches(given, TOKEN) === (given === TOKEN)));
  });
});

describe('tokenOf', () => {
  it('reads the header, or ?token= only on GET (EventSource cannot set headers)', () => {
    expect(tokenOf({ 'x-second-step-token': 'h' }, q('token=t'), 'POST')).toBe('h');
    expect(tokenOf({}, q('token=t'), 'GET')).toBe('t');
    expect(tokenOf({}, q('token=t'), 'POST')).toBeUndefined();
    expect(tokenOf({ 'x-second-step-token': ['a', 'b'] }, q(), 'POST')).toBeUndefined();
  });
});

describe('body headers', () => {
  it('accepts only application/json', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    for (const t of [undefined, '', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/jsonp'])
      expect(isJsonContentType(t)).toBe(false);
    expect(checkBodyHeaders({ 'content-type': 'text/plain' })).toMatchObject({ ok: false, status: 415 });
  });
  it('refuses a declared length over the cap', () => {
    expect(checkBodyHeaders({ 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) })).toMatchObject({
      ok: false,
      status: 413,
    });
    expect(checkBodyHeaders({ 'content-type': 'application/json', 'content-length': '10' }).ok).toBe(true);
  });
});

describe('guardRequest', () => {
  const ok = { host: `127.0.0.1:${PORT}`, origin: `http://127.0.0.1:${PORT}`, 'x-second-step-token': TOKEN };
  const api = (headers: Record<string, string>, method = 'POST', path = '/api/getState', query = q()) =>
    guardRequest({ method, path, query, headers }, PORT, TOKEN);

  it('passes a well-formed API call', () => {
    expect(api(ok).ok).toBe(true);
    expect(api({ ...ok, 'sec-fetch-site': 'same-origin' }).ok).toBe(true);
    expect(api({ host: ok.host }, 'GET', '/api/events', q(`token=${TOKEN}`)).ok).toBe(true);
  });

  it('refuses API calls without the token, with a wrong one, or from elsewhere', () => {
    const { 'x-second-step-token': _, ...noToken } = ok;
    expect(api(noToken)).toMatchObject({ ok: false, status: 403 });
    expect(api({ ...ok, 'x-second-step-token': 'b'.repeat(64) })).toMatchObject({ ok: false, status: 403 });
    expect(api({ ...ok, origin: 'http://evil.example' })).toMatchObject({ ok: false, status: 403 });
    expect(api({ ...ok, host: `evil.example:${PORT}` })).toMatchObject({ ok: false, status: 403 });
    expect(api({ ...ok, 'sec-fetch-site': 'cross-site' })).toMatchObject({ ok: false, status: 403 });
    const { origin: __, ...noOrigin } = ok;
    expect(api(noOrigin)).toMatchObject({ ok: false, status: 403 });
  });

  it('needs no token for static files, but still checks Host and Sec-Fetch-Site', () => {
    const file = (headers: Record<string, string>) => guardRequest({ method: 'GET', path: '/__preview/bridge.js', query: q(), headers }, PORT, TOKEN);
    expect(file({ host: ok.host }).ok).toBe(true);
    expect(file({ host: ok.host, 'sec-fetch-site': 'same-origin' }).ok).toBe(true);
    expect(file({ host: ok.host, 'sec-fetch-site': 'cross-site' })).toMatchObject({ ok: false, status: 403 });
    expect(file({ host: `rebound.example:${PORT}` })).toMatchObject({ ok: false, status: 403 });
  });

  it('protects /__test/ like the API', () => {
    const clock = (headers: Record<string, string>) => guardRequest({ method: 'POST', path: '/__test/clock', query: q(), headers }, PORT, TOKEN);
    expect(clock(ok).ok).toBe(true);
    expect(clock({ host: ok.host, origin: ok.origin })).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses any API request whose Host or Origin is not exactly allowed (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webAuthority()), fc.oneof(fc.string(), fc.webUrl()), (host, origin) => {
        const verdict = api({ ...ok, host, origin });
        expect(verdict.ok).toBe(allowedHosts(PORT).includes(host) && allowedOrigins(PORT).includes(origin));
      }),
      { numRuns: 1000 },
    );
  });
});
