// Runs in Node (main and preview). Calendar sync: the rep adds an ICS file (watched for changes) or an ICS feed
// (refreshed on an interval on the core's clock); their events become planned meetings and follow the calendar —
// moved, cancelled — without ever losing the rep's prep (see calendar/reconcile.ts for the rules).
//
// One sync runs at a time (a queue), so a file save, the interval and the rep's "Sync now" never interleave. Each
// calendar's last good read is kept in memory: a feed that is down, or a file that is briefly missing, keeps its
// meetings as they are. A huge file never freezes the windows: reading and comparing with the store are sliced
// (calendar/cooperative.ts), and the result is saved a few hundred meetings per store change (calendar/sync-steps.ts),
// each change whole on its own, so a sync stopped half-way leaves valid data that the next sync completes.
// Everything stops on `core.close()`: the timer, the watchers, and any download or parse in flight.
import { basename, extname } from 'node:path';
import { stat } from 'node:fs/promises';
import type { Handlers, MethodInput } from '../../../../shared/contract';
import { clip, LAST_SYNC_LIMITS, type CalendarLastSync, type CalendarSource, type CalendarSyncResult, type StoreDocument } from '../../../../shared/domain';
import { cooperative, SyncAborted } from '../calendar/cooperative';
import type { ParsedCalendar } from '../calendar/parse-calendar';
import type { Feed, SyncCounts } from '../calendar/reconcile';
import { watchCalendarFile } from '../calendar/watch-file';
import { conflict, invalid, notFound } from '../errors';
import { StoreWriteDelayedError } from '../store/types';
import { newId, type ServiceContext } from './context';

/** How often every calendar is read again (files too: the sync window moves on even when the file does not). */
export const REFRESH_INTERVAL_MS = 15 * 60_000;
/** Meetings created, moved or cancelled per store change: each change stays short, whatever the calendar's size. */
export const STEPS_PER_CHANGE = 200;
const STOPPED = 'The sync was stopped because the app is closing.';

interface LastGood {
  parsed: ParsedCalendar;
  /** A feed's text, re-read when the server answers 304 and the window has moved on. */
  text?: string;
}

type Attempt =
  | { calendar: CalendarSource; ok: true; parsed: ParsedCalendar; etag?: string; lastModified?: string }
  | { calendar: CalendarSource; ok: false; message: string };

const zero: SyncCounts = { imported: 0, updated: 0, cancelled: 0, skipped: 0 };

/** The calendar engine (reading, parsing and reconciling calendars: a large part of the core's code), loaded on the
 * first sync or removal instead of at start-up, which it would slow for every rep, calendars or not. */
async function calendarEngine() {
  const [fetching, parsing, reading, reconciling, applying] = await Promise.all([
    import('../calendar/fetch-calendar'),
    import('../calendar/parse-calendar'),
    import('../calendar/read-calendar-file'),
    import('../calendar/reconcile'),
    import('../calendar/sync-steps'),
  ]);
  return { ...fetching, ...parsing, ...reading, ...reconciling, ...applying };
}
type Engine = Awaited<ReturnType<typeof calendarEngine>>;

export function calendarsService(ctx: ServiceContext) {
  const lastGood = new Map<string, LastGood>();
  const watchers = new Map<string, () => void>();
  const closing = new AbortController();
  let queue: Promise<unknown> = Promise.resolve();
  let cancelRefresh = () => {};

  /** Runs jobs one after another; a failed job does not stop the next. */
  function enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job, job);
    queue = run.catch(() => {});
    return run;
  }

  const calendars = () => ctx.store.data.settings.calendars;

  async function read(calendar: CalendarSource, engine: Engine): Promise<Attempt> {
    const { fetchCalendar, knownKeys, parseCalendar, readCalendarFile } = engine;
    const tick = cooperative(8, closing.signal);
    const knownToStore = knownKeys(ctx.store.data);
    const parse = (text: string) => parseCalendar(text, { now: ctx.clock.now(), knownKeys: knownToStore, tick });
    const fail = (message: string): Attempt => ({ calendar, ok: false, message });

    if (calendar.kind === 'file') {
      const file = await readCalendarFile(calendar.path);
      if (file.kind === 'failed') return fail(file.message);
      const parsed = await parse(file.text);
      if (!parsed.ok) return fail(parsed.message);
      lastGood.set(calendar.id, { parsed });
      return { calendar, ok: true, parsed };
    }
    // Conditional headers only when the last good text is at hand to re-read after a 304.
    const cached = lastGood.get(calendar.id)?.text;
    const validators = cached ? { etag: calendar.lastSync?.etag, lastModified: calendar.lastSync?.lastModified } : {};
    const feed = await fetchCalendar(calendar.url, { ...validators, signal: closing.signal });
    if (feed.kind === 'failed') return fail(feed.message);
    const text = feed.kind === 'unchanged' ? cached! : feed.text;
    const parsed = await parse(text);
    if (!parsed.ok) return fail(parsed.message);
    lastGood.set(calendar.id, { parsed, text });
    const kept = feed.kind === 'unchanged' ? validators : feed;
    return {
      calendar,
      ok: true,
      parsed,
      ...(kept.etag ? { etag: kept.etag } : {}),
      ...(kept.lastModified ? { lastModified: kept.lastModified } : {}),
    };
  }

  /**
   * Reads the calendars, plans what every calendar's last good read changes (outside the store), then applies it in
   * store changes of STEPS_PER_CHANGE steps; the last one also records each calendar's `lastSync`.
   */
  async function sync(ids: readonly string[] | 'enabled'): Promise<CalendarSyncResult[]> {
    const chosen = calendars().filter((c) => (ids === 'enabled' ? c.enabled : ids.includes(c.id)));
    if (chosen.length === 0) return [];
    const engine = await calendarEngine();
    const { applySyncSteps, countsFor, planSync } = engine;
    const attempts: Attempt[] = [];
    for (const calendar of chosen) attempts.push(await readUnlessClosing(calendar, engine));
    // Closing: say so, but write nothing — the store is about to close.
    const stopped = () => attempts.map((attempt) => record(undefined, { calendar: attempt.calendar, ok: false, message: STOPPED }, zero));
    if (closing.signal.aborted) return stopped();
    const feeds: Feed[] = calendars()
      .filter((c) => c.enabled && lastGood.has(c.id))
      .map((c) => ({ calendarId: c.id, parsed: lastGood.get(c.id)!.parsed }));
    const tick = cooperative(8, closing.signal);
    const plan = await planSync(ctx.store.data, feeds, { nowIso: ctx.nowIso(), newId, tick }).catch((error: unknown) => {
      if (error instanceof SyncAborted) return null;
      throw error;
    });
    if (!plan) return stopped();
    const counts = countsFor(feeds, plan);
    let results: CalendarSyncResult[] = [];
    let delayed: StoreWriteDelayedError | undefined;
    // At least one change, even with nothing to apply: it records every calendar's lastSync.
    const changes = Math.max(1, Math.ceil(plan.steps.length / STEPS_PER_CHANGE));
    for (let i = 0; i < changes; i++) {
      // What is saved so far is whole; the next sync plans the rest.
      if (closing.signal.aborted) return stopped();
      const steps = plan.steps.slice(i * STEPS_PER_CHANGE, (i + 1) * STEPS_PER_CHANGE);
      const last = i === changes - 1;
      try {
        await ctx.mutate((doc) => {
          applySyncSteps(doc, steps, counts);
          if (last) results = attempts.map((attempt) => record(doc, attempt, counts.get(attempt.calendar.id) ?? zero));
        });
      } catch (error) {
        // Kept in memory and retried by the store: carry on, so the rep sees every meeting; say so at the end.
        if (!(error instanceof StoreWriteDelayedError)) throw error;
        delayed ??= error;
      }
      await tick().catch(() => {});
    }
    if (delayed) throw delayed;
    return results;
  }

  async function readUnlessClosing(calendar: CalendarSource, engine: Engine): Promise<Attempt> {
    if (closing.signal.aborted) return { calendar, ok: false, message: STOPPED };
    try {
      return await read(calendar, engine);
    } catch (error) {
      if (error instanceof SyncAborted) return { calendar, ok: false, message: STOPPED };
      throw error;
    }
  }

  /** Writes the calendar's `lastSync` into `doc` (when given) and words the result for the rep. */
  function record(doc: StoreDocument | undefined, attempt: Attempt, counts: SyncCounts): CalendarSyncResult {
    const at = ctx.nowIso();
    const stored = doc?.settings.calendars.find((c) => c.id === attempt.calendar.id);
    const previous = stored?.lastSync;
    const label = attempt.calendar.label;
    const message = clip(
      (attempt.ok ? summary(label, attempt.parsed, counts) : `“${label}” could not be synced. ${attempt.message} ${kept(previous)}`).trim(),
      LAST_SYNC_LIMITS.message,
    );
    const lastSync: CalendarLastSync = attempt.ok
      ? {
          at,
          ok: true,
          ...(attempt.parsed.message ? { message } : {}),
          ...(attempt.etag ? { etag: attempt.etag } : {}),
          ...(attempt.lastModified ? { lastModified: attempt.lastModified } : {}),
          imported: attempt.parsed.occurrences.length,
          skipped: attempt.parsed.skipped,
          lastSuccessAt: at,
        }
      : { imported: 0, skipped: 0, ...previous, at, ok: false, message };
    if (stored) stored.lastSync = lastSync;
    return {
      calendarId: attempt.calendar.id,
      label,
      ok: attempt.ok,
      ...(attempt.ok ? counts : zero),
      skipped: attempt.ok ? attempt.parsed.skipped + counts.skipped : 0,
      message,
    };
  }

  /** Starts or stops file watchers so exactly the enabled file calendars are watched. */
  function refreshWatchers(): void {
    const wanted = new Map(calendars().flatMap((c) => (c.enabled && c.kind === 'file' ? [[c.id, c.path] as const] : [])));
    for (const [id, stop] of watchers) {
      if (!wanted.has(id)) {
        stop();
        watchers.delete(id);
      }
    }
    for (const [id, path] of wanted) {
      if (!watchers.has(id)) watchers.set(id, watchCalendarFile(path, () => void inBackground(() => sync([id]))));
    }
  }

  function scheduleRefresh(): void {
    cancelRefresh = ctx.clock.at(ctx.clock.now() + REFRESH_INTERVAL_MS, () => {
      void inBackground(() => sync('enabled')).finally(() => {
        if (!closing.signal.aborted) scheduleRefresh();
      });
    });
  }

  /** A sync nobody waits for: its outcome is recorded in `lastSync`, and a failure must not crash the app. */
  const inBackground = (job: () => Promise<unknown>) => enqueue(job).catch(() => {});

  ctx.onClose(async () => {
    closing.abort();
    cancelRefresh();
    for (const stop of watchers.values()) stop();
    watchers.clear();
    await queue;
  });
  refreshWatchers();
  scheduleRefresh();
  if (calendars().some((c) => c.enabled)) void inBackground(() => sync('enabled'));

  return {
    listCalendars: async () => calendars(),

    async addCalendar(input: MethodInput<'addCalendar'>) {
      const draft = await newCalendar(input, calendars());
      const calendar = await ctx.mutate((doc) => {
        if (doc.settings.calendars.length >= 20) throw conflict('You have 20 calendars already; remove one first.');
        doc.settings.calendars.push(draft);
        return draft;
      });
      refreshWatchers();
      const [result] = await enqueue(() => sync([calendar.id]));
      const saved = calendars().find((c) => c.id === calendar.id) ?? calendar;
      // No result only when the calendar was removed again before its first sync ran.
      return { calendar: saved, sync: result ?? record(undefined, { calendar, ok: false, message: 'It was removed.' }, zero) };
    },

    removeCalendar: ({ id }) =>
      enqueue(async () => {
        const engine = await calendarEngine();
        const result = await ctx.mutate((doc) => {
          const index = doc.settings.calendars.findIndex((c) => c.id === id);
          if (index === -1) throw notFound('That calendar');
          const [removed] = doc.settings.calendars.splice(index, 1);
          lastGood.delete(id);
          return { removed: removed!, cancelled: releaseMeetings(doc, id, engine) };
        });
        refreshWatchers();
        return result;
      }),

    async syncCalendars(input) {
      const id = input?.id;
      if (id && !calendars().some((c) => c.id === id)) throw notFound('That calendar');
      return enqueue(() => sync(id ? [id] : 'enabled'));
    },
  } satisfies Pick<Handlers, 'listCalendars' | 'addCalendar' | 'removeCalendar' | 'syncCalendars'>;

  /**
   * A removed calendar's planned meetings: another calendar carrying the same event takes them over; future ones
   * nobody prepared are cancelled (they would only clutter the prep list); prepared ones stay as they are.
   */
  function releaseMeetings(doc: StoreDocument, calendarId: string, { cancelByCalendar, occurrenceKey, plain }: Engine): number {
    const now = ctx.nowIso();
    let cancelled = 0;
    // Each other calendar's events, looked up by key; and the meetings read from the plain array, so the change
    // touches only the meetings it releases.
    const carriers = doc.settings.calendars
      .filter((c) => c.enabled && lastGood.has(c.id))
      .map((c) => ({ id: c.id, keys: new Set(lastGood.get(c.id)!.parsed.occurrences.map((o) => occurrenceKey(o.uid, o.recurrenceId))) }));
    plain(doc.meetings).forEach((found, i) => {
      if (found.source.kind !== 'calendar' || found.source.calendarId !== calendarId || found.status !== 'planned') return;
      const meeting = doc.meetings[i]!;
      const key = occurrenceKey(found.source.uid, found.source.recurrenceId);
      const other = carriers.find((c) => c.keys.has(key));
      if (other) meeting.source = { ...found.source, calendarId: other.id };
      else if (meeting.start > now && !isPrepared(meeting) && cancelByCalendar(doc, meeting)) cancelled += 1;
    });
    return cancelled;
  }
}

type Meeting = StoreDocument['meetings'][number];

const isPrepared = (m: Meeting) =>
  !!(m.purpose || m.idealOutcome || m.whyUs || m.bring || m.notes || m.agenda.length || m.confirmations.length);

function summary(label: string, parsed: ParsedCalendar, { imported, updated, cancelled }: SyncCounts): string {
  const changes = `${imported} new, ${updated} updated, ${cancelled} cancelled`;
  return `“${label}” is up to date: ${parsed.occurrences.length} events from last week to next month (${changes}). ${parsed.message}`;
}

const kept = (previous: CalendarLastSync | undefined) =>
  previous?.lastSuccessAt ? 'Its meetings from the last good sync are kept.' : '';

async function newCalendar(input: MethodInput<'addCalendar'>, existing: readonly CalendarSource[]): Promise<CalendarSource> {
  const base = { id: newId(), enabled: true };
  if (input.path) {
    const path = input.path;
    const same = existing.find((c) => c.kind === 'file' && c.path === path);
    if (same) throw conflict(`This calendar is already added as “${same.label}”.`);
    const info = await stat(path).catch(() => null);
    if (!info) throw invalid({ path: 'There is no file at this path.' });
    if (!info.isFile()) throw invalid({ path: 'This is a folder; choose the .ics file inside it.' });
    return { ...base, kind: 'file', path, label: input.label || basename(path, extname(path)).slice(0, 100) || 'Calendar' };
  }
  const url = input.url!;
  const same = existing.find((c) => c.kind === 'url' && c.url === url);
  if (same) throw conflict(`This calendar is already added as “${same.label}”.`);
  return { ...base, kind: 'url', url, label: input.label || new URL(url).hostname.slice(0, 100) };
}

