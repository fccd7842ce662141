// Shared by the calendar tests (Node): fixtures whose dates follow the test clock, and a real HTTP server on
// 127.0.0.1 that serves them the way calendar providers do (ETag, 304, redirects, errors, slow answers).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { T0 } from '../../support/core-harness';

const FIXTURES = new URL('./fixtures/', import.meta.url);

/** YYYYMMDD of the UTC day `offset` days after `now`'s. */
export function dayStamp(now: number, offset: number): string {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + offset)).toISOString().slice(0, 10).replaceAll('-', '');
}

/** A fixture's raw bytes as text, untouched (to check its line endings). */
export const rawFixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

/** A fixture with its `{{day+N}}` placeholders turned into dates relative to `now` (the test clock). */
export const fixture = (name: string, now = T0) => datesFrom(rawFixture(name), now);

export const datesFrom = (text: string, now = T0) =>
  text.replace(/\{\{day([+-]\d+)\}\}/g, (_, offset: string) => dayStamp(now, Number(offset)));

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface IcsServer {
  url(path: string): string;
  /** Requests seen, in order (method, path, conditional headers). */
  requests: { path: string; ifNoneMatch?: string; ifModifiedSince?: string }[];
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export async function startIcsServer(): Promise<IcsServer> {
  const routes = new Map<string, Handler>();
  const requests: IcsServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({
      path,
      ...(req.headers['if-none-match'] ? { ifNoneMatch: String(req.headers['if-none-match']) } : {}),
      ...(req.headers['if-modified-since'] ? { ifModifiedSince: String(req.headers['if-modified-since']) } : {}),
    });
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;

/** Serves `body()` with an ETag and Last-Modified; answers 304 when the client sends the current ETag back. */
export function servesCalendar(body: () => string, etag: () => string = () => etagOf(body())): Handler {
  return (req, res) => {
    const tag = etag();
    if (req.headers['if-none-match'] === tag) {
      res.writeHead(304, { etag: tag }).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag: tag, 'last-modified': 'Mon, 16 Nov 2026 08:00:00 GMT' })
      .end(body());
  };
}
