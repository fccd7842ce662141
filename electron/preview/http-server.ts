// Runs in Node (the browser-preview host). The preview's HTTP server, given an already-open core: the routes, each
// behind the gate of http-guard.ts. Kept apart from the entry (server.ts) so tests start it in-process on port 0 with
// a fake core.
//
// Routes: GET /            -> 302 /review.html
//         GET /<page>.html -> the built page with the bridge injected and its CSP as a header; other built assets
//         GET /__preview/bridge.js, /__preview/bridge.css
//         POST /api/<method>  JSON body -> 200 + Reply envelope from `dispatch` (errors travel inside the envelope)
//         GET /api/events     server-sent events (?token=…)
//         POST /__test/clock  only with --test-clock; otherwise 404
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../main/core';
import type { TestClock } from '../main/core/clock';
import { dispatch, isMethodName } from '../main/core/dispatch';
import { BRIDGE_CSS, BRIDGE_CSS_PATH, BRIDGE_JS_PATH, bridgeScript } from './bridge-client';
import { EventHub } from './events';
import { checkBodyHeaders, checkHost, guardRequest, MAX_BODY_BYTES, single } from './http-guard';
import { readStatic } from './static-files';
import { moveClock, TEST_CLOCK_PATH } from './test-clock';

export interface PreviewServerOptions {
  core: Pick<Core, 'handlers' | 'onEvent'>;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Present only with --test-clock: enables POST /__test/clock. */
  testClock?: TestClock;
  /** Fixed token for tests; by default 32 random bytes per run. */
  token?: string;
  log?: Pick<Console, 'error' | 'warn'>;
}

export interface PreviewServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  token: string;
  /** Ends the event streams and open connections, then stops listening. Does not close the core. */
  close(): Promise<void>;
}

const BASE_HEADERS: OutgoingHttpHeaders = {
  'x-content-type-options': 'nosniff',
  // Even a no-cors <script>/<img> load from another origin is blocked by the browser.
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};
const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'";

export const HOST = '127.0.0.1';

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const { core, rendererDir, testClock } = options;
  const log = options.log ?? console;
  const token = options.token ?? randomBytes(32).toString('hex');
  const script = bridgeScript(token);
  const hub = new EventHub(core);

  // The core should emit `clock` when its clock jumps; if it did not during a move, the preview tells the pages itself.
  let clockEventsSeen = 0;
  const stopCounting = core.onEvent((event) => {
    if (event === 'clock') clockEventsSeen += 1;
  });

  let port = options.port;

  const send = (res: ServerResponse, status: number, body: string | Buffer, headers: OutgoingHttpHeaders = {}) => {
    res.writeHead(status, { ...BASE_HEADERS, 'content-security-policy': NON_HTML_CSP, ...headers });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };
  const text = (res: ServerResponse, status: number, body: string, headers: OutgoingHttpHeaders = {}) =>
    send(res, status, `${body}\n`, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  const json = (res: ServerResponse, status: number, value: unknown) =>
    send(res, status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8' });
  const notFound = (res: ServerResponse) => text(res, 404, 'Not found');
  const notAllowed = (res: ServerResponse, allow: string) => text(res, 405, 'Method not allowed', { allow });

  /** The JSON body of a POST, or undefined when empty; null after having answered the request (bad body). */
  const jsonBody = async (req: IncomingMessage, res: ServerResponse): Promise<{ value: unknown } | null> => {
    const verdict = checkBodyHeaders(req.headers);
    if (!verdict.ok) {
      text(res, verdict.status, verdict.reason, verdict.status === 413 ? { connection: 'close' } : {});
      return null;
    }
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) text(res, 413, 'body too large', { connection: 'close' });
      else text(res, 400, 'could not read the body');
      return null;
    }
    if (raw.trim() === '') return { value: undefined };
    try {
      return { value: JSON.parse(raw) as unknown };
    } catch {
      json(res, 400, { ok: false, error: { code: 'invalid', message: 'The request body is not valid JSON.' } });
      return null;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://preview.invalid');
    } catch {
      text(res, 400, 'Bad request');
      return;
    }
    const path = url.pathname;

    // DNS rebinding: nothing at all is answered to a foreign Host.
    // Refusals are logged (path only: never the query, which may hold a token) so a rep can see an attempt.
    const refuse = (status: number, reason: string) => {
      log.warn(`preview: refused ${method} ${path} (${reason})`);
      text(res, status, status === 403 ? 'Forbidden' : reason);
    };
    const host = checkHost(single(req.headers, 'host'), port);
    if (!host.ok) return refuse(403, host.reason);
    if (path.startsWith('/__test/') && !testClock) return notFound(res);
    const verdict = guardRequest({ method, path, query: url.searchParams, headers: req.headers }, port, token);
    if (!verdict.ok) return refuse(verdict.status, verdict.reason);

    if (path === '/api/events') {
      if (method !== 'GET') return notAllowed(res, 'GET');
      hub.attach(req, res);
      return;
    }
    if (path.startsWith('/api/')) {
      const name = path.slice('/api/'.length);
      if (!isMethodName(name)) return notFound(res);
      if (method !== 'POST') return notAllowed(res, 'POST');
      const body = await jsonBody(req, res);
      if (!body) return;
      const reply = await dispatch(core.handlers, name, body.value, (error) => log.error('[preview]', name, error));
      return json(res, 200, reply);
    }
    if (path === TEST_CLOCK_PATH && testClock) {
      if (method !== 'POST') return notAllowed(res, 'POST');
      const body = await jsonBody(req, res);
      if (!body) return;
      const before = clockEventsSeen;
      const reply = moveClock(testClock, body.value);
      if (reply.ok && clockEventsSeen === before) hub.broadcast('clock', { now: reply.value.now });
      return json(res, 200, reply);
    }
    if (path.startsWith('/__test/')) return notFound(res);

    if (method !== 'GET' && method !== 'HEAD') return notAllowed(res, 'GET, HEAD');
    if (path === '/') return send(res, 302, '', { location: '/review.html' });
    if (path === BRIDGE_JS_PATH) return send(res, 200, script, { 'content-type': 'text/javascript; charset=utf-8' });
    if (path === BRIDGE_CSS_PATH) return send(res, 200, BRIDGE_CSS, { 'content-type': 'text/css; charset=utf-8' });
    if (path.startsWith('/__preview/')) return notFound(res);

    const file = await readStatic(rendererDir, path);
    // Browsers ask for a favicon on their own; the pages have none, so answer "nothing" rather than log a 404.
    if (!file && path === '/favicon.ico') return send(res, 204, '');
    if (!file) return notFound(res);
    return send(res, 200, file.body, {
      'content-type': file.contentType,
      ...(file.csp ? { 'content-security-policy': file.csp, 'cross-origin-opener-policy': 'same-origin' } : {}),
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error('[preview] request failed', error);
      if (!res.headersSent) text(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${port}/`,
    port,
    token,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        stopCounting();
        hub.close();
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
