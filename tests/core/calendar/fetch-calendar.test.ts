// Downloading an ICS feed from a real HTTP server on 127.0.0.1 (Node): 200 with validators, 304 when unchanged,
// 404 / 500, a slow server, redirects — and plain messages that never show the feed's secret address.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchCalendar } from '../../../electron/main/core/calendar/fetch-calendar';
import { fixture, servesCalendar, startIcsServer, type IcsServer } from './helpers';

let server: IcsServer;
beforeEach(async () => {
  server = await startIcsServer();
});
afterEach(async () => server.close());

const SECRET = '/calendar/ical/rep%40ourco.com/private-0123456789abcdef/basic.ics';

describe('fetching a calendar feed', () => {
  it('reads a 200 with its ETag and Last-Modified, then gets 304 when it sends them back', async () => {
    server.route(SECRET, servesCalendar(() => fixture('google-work.ics'), () => '"v1"'));
    const first = await fetchCalendar(server.url(SECRET));
    expect(first).toMatchObject({ kind: 'read', etag: '"v1"', lastModified: 'Mon, 16 Nov 2026 08:00:00 GMT' });
    if (first.kind === 'read') expect(first.text).toContain('BEGIN:VCALENDAR');

    const second = await fetchCalendar(server.url(SECRET), { etag: '"v1"', lastModified: 'Mon, 16 Nov 2026 08:00:00 GMT' });
    expect(second).toEqual({ kind: 'unchanged' });
    expect(server.requests.at(-1)).toMatchObject({ ifNoneMatch: '"v1"', ifModifiedSince: 'Mon, 16 Nov 2026 08:00:00 GMT' });
  });

  it('says plainly when the feed is gone (404) or the server fails (500), naming only the host', async () => {
    server.route('/broken', (_req, res) => void res.writeHead(500).end('boom'));
    const gone = await fetchCalendar(server.url(SECRET));
    expect(gone).toMatchObject({ kind: 'failed', message: expect.stringMatching(/^127\.0\.0\.1:\d+ says this calendar does not exist \(HTTP 404\)/) });
    if (gone.kind === 'failed') expect(gone.message).not.toContain('private-0123456789abcdef');
    await expect(fetchCalendar(server.url('/broken'))).resolves.toMatchObject({
      kind: 'failed',
      message: expect.stringMatching(/had a problem \(HTTP 500\)\. Second Step will try again later\.$/),
    });
  });

  it('gives up on a server that does not answer in time', async () => {
    server.route('/slow', () => {}); // never answers
    const began = Date.now();
    const result = await fetchCalendar(server.url('/slow'), { timeoutMs: 300 });
    expect(result).toMatchObject({ kind: 'failed', message: expect.stringMatching(/^127\.0\.0\.1:\d+ did not answer within 1 second\. /) });
    expect(Date.now() - began).toBeLessThan(5000);
  });

  it('stops at once when the app closes', async () => {
    server.route('/slow', () => {});
    const closing = new AbortController();
    const pending = fetchCalendar(server.url('/slow'), { signal: closing.signal });
    closing.abort();
    await expect(pending).resolves.toMatchObject({ kind: 'failed', message: 'The download was stopped because the app is closing.' });
  });

  it('follows redirects (relative ones too), but not more than 5', async () => {
    server.route('/old', (_req, res) => void res.writeHead(301, { location: '/moved' }).end());
    server.route('/moved', (_req, res) => void res.writeHead(302, { location: server.url('/feed.ics') }).end());
    server.route('/feed.ics', servesCalendar(() => fixture('apple-icloud.ics')));
    await expect(fetchCalendar(server.url('/old'))).resolves.toMatchObject({ kind: 'read' });

    for (let i = 0; i < 7; i += 1) server.route(`/loop${i}`, (_req, res) => void res.writeHead(307, { location: `/loop${i + 1}` }).end());
    await expect(fetchCalendar(server.url('/loop0'))).resolves.toMatchObject({
      kind: 'failed',
      message: 'The calendar address redirected more than 5 times. Check the link.',
    });
  });

  it('recognises a sign-in page that is not a calendar', async () => {
    server.route('/login', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>'));
    await expect(fetchCalendar(server.url('/login'))).resolves.toMatchObject({
      kind: 'failed',
      message: expect.stringContaining("answered with a web page, not a calendar. Use the calendar's iCal (.ics) address."),
    });
  });

  it('refuses a feed larger than the limit without reading it all into memory', async () => {
    server.route('/huge', (_req, res) => void res.writeHead(200, { 'content-type': 'text/calendar' }).end('X'.repeat(10_000)));
    await expect(fetchCalendar(server.url('/huge'), { maxBytes: 1000 })).resolves.toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('is too big'),
    });
  });

  it('explains a refused connection', async () => {
    const url = server.url('/feed.ics');
    await server.close();
    await expect(fetchCalendar(url)).resolves.toMatchObject({ kind: 'failed', message: expect.stringMatching(/refused the connection/) });
    server = await startIcsServer(); // for afterEach
  });
});
