// Runs in Node (main and preview). Downloads an ICS feed the polite way: sends back the ETag / Last-Modified of the
// last good download so an unchanged feed answers 304 (no body, nothing to parse), follows at most 5 redirects
// (only to http/https), gives up after a timeout, and turns every failure into one plain sentence. Messages name
// only the host: a feed address often carries a secret token (Google's "secret address in iCal format").
import { LAST_SYNC_LIMITS } from '../../../../shared/domain';
import { decodeChunks, MAX_CALENDAR_BYTES } from './read-calendar-file';

export interface FetchOptions {
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Whole request, redirects and body included. */
  timeoutMs?: number;
  /** Aborts the download (the core is closing). */
  signal?: AbortSignal;
  maxBytes?: number;
}

export type FeedRead =
  | { kind: 'read'; text: string; etag?: string; lastModified?: string }
  | { kind: 'unchanged' }
  | { kind: 'failed'; message: string };

export const FETCH_TIMEOUT_MS = 15_000;
const MAX_REDIRECTS = 5;

class TooBig extends Error {}

export async function fetchCalendar(address: string, options: FetchOptions = {}): Promise<FeedRead> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const stop = () => controller.abort();
  options.signal?.addEventListener('abort', stop, { once: true });
  let url = new URL(address);
  try {
    for (let redirects = 0; ; redirects += 1) {
      const response = await fetch(url, { redirect: 'manual', signal: controller.signal, headers: requestHeaders(options) });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel();
        if (!location) return failed(`${url.host} sent a redirect without saying where to.`);
        if (redirects >= MAX_REDIRECTS) return failed(`The calendar address redirected more than ${MAX_REDIRECTS} times. Check the link.`);
        url = new URL(location, url);
        if (url.protocol !== 'https:' && url.protocol !== 'http:') return failed('The calendar address redirected to something that is not a web address.');
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { kind: 'unchanged' };
      }
      if (!response.ok) {
        await response.body?.cancel();
        return failed(statusProblem(response.status, url.host));
      }
      const text = response.body ? await decodeChunks(response.body, options.maxBytes ?? MAX_CALENDAR_BYTES, () => new TooBig()) : '';
      if (/text\/html/i.test(response.headers.get('content-type') ?? '') && !text.includes('BEGIN:VCALENDAR')) {
        return failed(`${url.host} answered with a web page, not a calendar. Use the calendar's iCal (.ics) address.`);
      }
      const etag = validator(response.headers.get('etag'), LAST_SYNC_LIMITS.etag);
      const lastModified = validator(response.headers.get('last-modified'), LAST_SYNC_LIMITS.lastModified);
      return { kind: 'read', text, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
    }
  } catch (error) {
    if (options.signal?.aborted) return failed('The download was stopped because the app is closing.');
    if (controller.signal.aborted) {
      const seconds = Math.max(1, Math.round(timeoutMs / 1000));
      return failed(`${url.host} did not answer within ${seconds} ${seconds === 1 ? 'second' : 'seconds'}. Second Step will try again later.`);
    }
    if (error instanceof TooBig) return failed(`The calendar at ${url.host} is too big (over ${Math.round(MAX_CALENDAR_BYTES / 1048576)} MB).`);
    return failed(networkProblem(error, url.host));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', stop);
  }
}

/** A validator longer than the store keeps is dropped, not cut (a cut one would never match): the feed is then
 * simply downloaded whole next time. */
const validator = (value: string | null, max: number): string | undefined => (value && value.length <= max ? value : undefined);

function requestHeaders({ etag, lastModified }: FetchOptions): Record<string, string> {
  return {
    accept: 'text/calendar, text/plain;q=0.9, */*;q=0.5',
    'user-agent': 'SecondStep (calendar sync)',
    ...(etag ? { 'if-none-match': etag } : {}),
    ...(lastModified ? { 'if-modified-since': lastModified } : {}),
  };
}

function statusProblem(status: number, host: string): string {
  if (status === 404 || status === 410) return `${host} says this calendar does not exist (HTTP ${status}). The link may have been reset; copy it again.`;
  if (status === 401 || status === 403) return `${host} refused access to this calendar (HTTP ${status}). The link may be private or expired.`;
  if (status === 429) return `${host} asked Second Step to slow down (HTTP 429). It will try again later.`;
  if (status >= 500) return `${host} had a problem (HTTP ${status}). Second Step will try again later.`;
  return `${host} answered HTTP ${status} instead of the calendar.`;
}

function networkProblem(error: unknown, host: string): string {
  const code = String((error as { cause?: { code?: unknown } }).cause?.code ?? (error as { code?: unknown }).code ?? '');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `Could not find ${host}. Check the address and your internet connection.`;
  if (code === 'ECONNREFUSED') return `${host} refused the connection. Second Step will try again later.`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `The connection to ${host} broke off. Second Step will try again later.`;
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code)) return `The secure connection to ${host} could not be verified (certificate problem).`;
  return `Could not download the calendar from ${host}${code ? ` (${code})` : ''}.`;
}

const failed = (message: string): FeedRead => ({ kind: 'failed', message });
