// Runs in Node (the browser-preview host). The preview's front gate, as PURE functions of a request's headers, so the
// rules are unit-tested without a socket (tests/core/preview/http-guard.test.ts).
//
// Why: the preview drives the real core on 127.0.0.1. Any web page the rep opens in the same browser can send
// requests to 127.0.0.1, and a DNS-rebinding page can even make its own host name point there. So:
// - every route refuses a Host header other than 127.0.0.1:<port> / localhost:<port> (DNS rebinding);
// - /api/* and /__test/* need the per-run token (constant-time compare) and refuse a foreign Origin; a POST must
//   carry a matching Origin (browsers always send one on POST);
// - static files (bridge.js holds the token) refuse cross-site / same-site fetches (Sec-Fetch-Site), so a foreign
//   page cannot read the token by loading the script with a <script> tag. Another port on 127.0.0.1 is "same-site",
//   not "same-origin", hence both are refused.
import { createHash, timingSafeEqual } from 'node:crypto';

export type Headers = Readonly<Record<string, string | string[] | undefined>>;

export type Verdict = { ok: true } | { ok: false; status: 403 | 405 | 413 | 415; reason: string };

const OK: Verdict = { ok: true };
const refuse = (status: 403 | 405 | 413 | 415, reason: string): Verdict => ({ ok: false, status, reason });

/** The one value of a header, or undefined when it is missing or (suspiciously) repeated. */
export function single(headers: Headers, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

/** The Host values this server answers to. */
export const allowedHosts = (port: number): readonly string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

/** The Origins allowed to call the API: the preview's own pages. */
export const allowedOrigins = (port: number): readonly string[] => allowedHosts(port).map((h) => `http://${h}`);

/** DNS-rebinding guard, for every route: the Host header must name this server exactly. */
export function checkHost(host: string | undefined, port: number): Verdict {
  return host !== undefined && allowedHosts(port).includes(host) ? OK : refuse(403, 'foreign Host');
}

/** An Origin header is fine when it is one of ours; a missing one only when the method does not change anything. */
export function checkOrigin(origin: string | undefined, method: string, port: number): Verdict {
  if (origin === undefined) return method === 'GET' || method === 'HEAD' ? OK : refuse(403, 'missing Origin');
  return allowedOrigins(port).includes(origin) ? OK : refuse(403, 'foreign Origin');
}

/** Fetch metadata: only our own pages (same-origin) or the rep typing the address (none) may fetch anything. */
export function checkFetchSite(site: string | undefined): Verdict {
  return site === undefined || site === 'same-origin' || site === 'none' ? OK : refuse(403, `Sec-Fetch-Site: ${site}`);
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time token comparison (hashing first makes the comparison independent of the lengths too). */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string' || expected.length === 0) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token of an API request: the header for fetch(), or `?token=` for EventSource (which cannot set headers). */
export function tokenOf(headers: Headers, query: URLSearchParams, method: string): string | undefined {
  const fromHeader = single(headers, 'x-second-step-token');
  if (fromHeader !== undefined) return fromHeader;
  return method === 'GET' ? (query.get('token') ?? undefined) : undefined;
}

export const MAX_BODY_BYTES = 1024 * 1024;

/** Only JSON bodies: `application/json`, optionally with parameters (charset). */
export function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  return value.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

export interface GuardRequest {
  method: string;
  /** The path part of the URL, e.g. "/api/getState". */
  path: string;
  query: URLSearchParams;
  headers: Headers;
}

/** Routes that act on the core and therefore need the token. */
export const isProtectedPath = (path: string) => path.startsWith('/api/') || path.startsWith('/__test/');

/**
 * The whole gate in one decision, before any route runs. Order matters only for which reason is reported: all
 * checks must pass.
 */
export function guardRequest(req: GuardRequest, port: number, token: string): Verdict {
  const host = checkHost(single(req.headers, 'host'), port);
  if (!host.ok) return host;
  const site = checkFetchSite(single(req.headers, 'sec-fetch-site'));
  if (!site.ok) return site;
  if (!isProtectedPath(req.path)) return OK;
  // An API request must not be readable by, or sendable from, another origin — whatever else it carries.
  const origin = checkOrigin(single(req.headers, 'origin'), req.method, port);
  if (!origin.ok) return origin;
  if (!tokenMatches(tokenOf(req.headers, req.query, req.method), token)) return refuse(403, 'missing or wrong token');
  return OK;
}

/** Body rules for a POST to the API: JSON only, and not too big (as far as the declared length tells). */
export function checkBodyHeaders(headers: Headers): Verdict {
  if (!isJsonContentType(single(headers, 'content-type'))) return refuse(415, 'body must be application/json');
  const length = single(headers, 'content-length');
  if (length !== undefined && Number(length) > MAX_BODY_BYTES) return refuse(413, 'body too large');
  return OK;
}
