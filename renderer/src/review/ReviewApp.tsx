// Runs in the renderer. Home, and the end-of-day review: tabs for Today · Follow-ups · Threads · Tomorrow · Metrics
// (each computed by the core's review rules) and Plan (the meetings, the next steps and the new-meeting form). The
// tab is kept in the address (#follow-ups), so a reload or the end-of-day reminder lands on the right one. Today is
// painted from the entry's early ask (first-paint.ts); the other modes arrive right after, before a rep can switch.
import { LoadError } from '../ui/LoadError';
import { memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ReviewModes, ReviewToday } from '../../../shared/views';
import { api } from '../api';
import { AttentionBanners } from './AttentionBanners';
import { useCoreMinute, windowClock } from '../ui/clock';
import { heldWhileHidden, layOutWhileHidden, PartOnScreen, viewEvents } from '../ui/on-screen';
import { formatTime } from '../ui/format';
import { Notice } from '../ui/Notice';
import { Tabs, type Tab } from '../ui/Tabs';
import { useAction } from '../ui/useAction';
import { useView, ViewEvents } from '../ui/useView';
import { FollowUpsMode } from './modes/FollowUpsMode';
import { MetricsMode } from './modes/MetricsMode';
import { PlanMode } from './modes/PlanMode';
import { ThreadsMode } from './modes/ThreadsMode';
import { TodayMode } from './modes/TodayMode';
import { TomorrowMode } from './modes/TomorrowMode';
import { firstPaintNeedsEverything } from './first-paint';
import { dayLabel, useReviewData, windowTimeZone } from './review-modes';
import { SettingsMode } from './settings/SettingsMode';
import './modes/modes.css';
import './mode-slots.css';

const getState = () => api.getState();

const MODES = ['today', 'follow-ups', 'threads', 'tomorrow', 'metrics', 'plan', 'settings'] as const;
type Mode = (typeof MODES)[number];

const modeFromHash = (): Mode | null => {
  const hash = typeof location === 'undefined' ? '' : location.hash.slice(1);
  return (MODES as readonly string[]).includes(hash) ? (hash as Mode) : null;
};

function Count({ n, what, tone }: { n: number; what: string; tone: 'warning' | 'danger' }) {
  return n > 0 ? (
    <span className={`tabs__count tabs__count--${tone}`}>
      {' '}
      {n} {what}
    </span>
  ) : null;
}

function tabsFor(modes: ReviewToday | undefined): Tab<Mode>[] {
  const counts = modes?.counts;
  return [
    { key: 'today', label: 'Today' },
    { key: 'follow-ups', label: <>Follow-ups{counts ? <Count n={counts.due} what="due" tone={counts.overdue > 0 ? 'danger' : 'warning'} /> : null}</> },
    { key: 'threads', label: <>Threads{counts ? <Count n={counts.stalled} what="stalled" tone="warning" /> : null}</> },
    { key: 'tomorrow', label: <>Tomorrow{counts ? <Count n={counts.unprepared} what="unprepared" tone="warning" /> : null}</> },
    { key: 'metrics', label: 'Metrics' },
    { key: 'plan', label: 'Plan' },
    { key: 'settings', label: 'Settings' },
  ];
}

const loading = <p className="empty">Loading your review…</p>;

// Memoised: a kept mode re-renders only when its own view (kept identical when unchanged) or the minute changes.
const TodayPanel = memo(TodayMode);
const FollowUpsPanel = memo(FollowUpsMode);
const ThreadsPanel = memo(ThreadsMode);
const TomorrowPanel = memo(TomorrowMode);
const MetricsPanel = memo(MetricsMode);
const PlanPanel = memo(PlanMode);
const SettingsPanel = memo(SettingsMode);

interface PanelProps {
  mode: Mode;
  today: ReviewToday;
  modes: ReviewModes | undefined;
  now: number;
}

/** One mode. Today can show before the other modes have arrived. */
function ModePanel({ mode, today, modes, now }: PanelProps): ReactNode {
  if (mode === 'today') return <TodayPanel view={today.today} now={now} />;
  if (mode === 'plan') return <PlanPanel now={now} />;
  if (mode === 'settings') return <SettingsPanel now={now} />;
  if (!modes) return loading;
  switch (mode) {
    case 'follow-ups':
      return <FollowUpsPanel view={modes.followUps} now={now} />;
    case 'threads':
      return <ThreadsPanel view={modes.threads} now={now} />;
    case 'tomorrow':
      return <TomorrowPanel view={modes.tomorrow} now={now} />;
    case 'metrics':
      return <MetricsPanel view={modes.metrics} />;
  }
}

/** A mode away from the screen laid out once, unseen, in the flow at the width it will be shown at (mode-slots.css):
 * skipped again, it keeps that layout (and its elements' style), so its next showing only paints. Its style is
 * computed as shown, not `inert`: Chromium keeps inertness in each element's style, so styles computed under `inert`
 * would all be recomputed when it is shown. */
function layOutAway(slot: HTMLElement) {
  slot.inert = false;
  slot.classList.add('mode-slot--measuring');
  void slot.getBoundingClientRect(); // a forced style and layout, inside one task: no frame, focus or click sees it
  slot.classList.remove('mode-slot--measuring');
  slot.inert = true;
}

/** One mode, kept in the page once built, so switching to it is only showing it. Away, its own views (Plan's and
 * Settings' data) hold the store's changes and catch up when it is shown again, as the window does while hidden
 * (ui/on-screen.ts): a mode off screen does not refetch a year of meetings on every change. A skipped mode keeps its
 * layout but makes none, so whatever it built away — all of it when built in idle time before the rep asks for it,
 * or what changed since (its data arriving, a refetch) — is laid out unseen: at once when built away, in idle time
 * after a change; else its showing would lay it out in the frame the rep is waiting for. */
function Slot({ away, children }: { away: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [part] = useState(() => new PartOnScreen(!away));
  const [events] = useState(() => heldWhileHidden(viewEvents(), undefined, part));
  const builtAway = useRef(away);
  useLayoutEffect(() => {
    if (ref.current && builtAway.current) layOutAway(ref.current);
  }, []);
  useLayoutEffect(() => part.set(!away), [part, away]);
  useEffect(() => {
    const slot = ref.current;
    // No observers or idle callbacks, no layout to keep: jsdom.
    if (!slot || !away || typeof requestIdleCallback !== 'function' || typeof MutationObserver !== 'function') return;
    let idle: number | undefined;
    const observer = new MutationObserver((records) => {
      if (idle !== undefined || records.every((r) => r.target === slot)) return; // the slot's own class and `inert`
      idle = requestIdleCallback(
        () => {
          idle = undefined;
          layOutAway(slot);
        },
        { timeout: 2000 },
      );
    });
    observer.observe(slot, { subtree: true, childList: true, characterData: true, attributes: true });
    return () => {
      observer.disconnect();
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [away]);
  return (
    <div ref={ref} className={away ? 'mode-slot mode-slot--away' : 'mode-slot'} inert={away}>
      <ViewEvents.Provider value={events}>{children}</ViewEvents.Provider>
    </div>
  );
}

/** One mode kept in the page. Away, it is brought up to date (the minute, fresh data) in idle time, each mode in its
 * own idle period, not in the task that changed them: a minute's tick or a refetch then renders only the mode on
 * screen at once (Plan alone re-renders a year of meetings). Shown, it renders with the newest at once. */
function KeptMode({ away, mode, today, modes, now }: PanelProps & { away: boolean }) {
  // No idle callbacks: jsdom, where every mode follows at once.
  const lag = away && typeof requestIdleCallback === 'function';
  const [given, setGiven] = useState<PanelProps>({ mode, today, modes, now });
  const behind = given.today !== today || given.modes !== modes || given.now !== now;
  if (behind && !lag) setGiven({ mode, today, modes, now });
  useEffect(() => {
    if (!behind || !lag) return;
    const id = requestIdleCallback(() => setGiven({ mode, today, modes, now }), { timeout: 10_000 });
    return () => cancelIdleCallback(id);
  }, [behind, lag, mode, today, modes, now]);
  return (
    <Slot away={away}>
      <ModePanel {...(lag ? given : { mode, today, modes, now })} />
    </Slot>
  );
}

/** The mode on screen, and the modes built before: those are skipped by the browser (mode-slots.css) and `inert`, so
 * they take no space, no focus and no place in the accessibility tree, yet keep their DOM and layout. Re-rendered
 * when the data or the minute changes, not on every tick of the on-screen clock. */
const ModeSlots = memo(function ModeSlots({ mode, today, modes, now }: { mode: Mode; today: ReviewToday; modes: ReviewModes | undefined; now: number }) {
  const [seen, setSeen] = useState<ReadonlySet<Mode>>(() => new Set([mode]));
  if (!seen.has(mode)) setSeen(new Set(seen).add(mode));
  const slots = MODES.filter((m) => m === mode || seen.has(m));
  // Once every mode's data is here, the modes not seen yet are built in the browser's idle time, one per idle
  // period (Plan and Settings last: they fetch their own), so even a first switch only shows what is already there.
  // (No idle callbacks, no head start: jsdom.)
  const unbuilt = modes ? MODES.find((m) => !seen.has(m)) : undefined;
  useEffect(() => {
    if (!unbuilt || typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(() => setSeen((s) => new Set(s).add(unbuilt)), { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, [unbuilt]);
  return (
    <>
      {slots.map((m) => (
        <KeptMode key={m} away={m !== mode} mode={m} today={today} modes={modes} now={now} />
      ))}
    </>
  );
});

function ReviewedToday({ modes, now }: { modes: ReviewToday; now: number }) {
  const mark = useAction(() => api.markReviewed({ day: modes.today.day, timeZone: windowTimeZone() }));
  const { reviewed } = modes;
  if (reviewed.today) {
    return (
      <p className="reviewed" role="status">
        <span aria-hidden="true">✓</span> Reviewed today{reviewed.at ? ` at ${formatTime(reviewed.at)}` : ''}
      </p>
    );
  }
  return (
    <div className="reviewed">
      <button type="button" className="button button--secondary" disabled={mark.pending} onClick={() => void mark.run()}>
        Mark today as reviewed
      </button>
      <span className="reviewed__last muted">{reviewed.lastDay ? `Last reviewed ${dayLabel(reviewed.lastDay, now)}` : 'Not reviewed yet'}</span>
      {mark.error ? (
        <span className="inline-error" role="alert">
          {mark.error.message}
        </span>
      ) : null}
    </div>
  );
}

function PendingWrapUps({ pending }: { pending: ReviewToday['pendingWrapUps'] }) {
  const open = useAction(() => api.showWindow({ window: 'wrapup' }));
  const first = pending[0]?.title || 'Your last call';
  return (
    <div className="banner" role="status">
      <div className="banner__body">
        <p className="banner__title">
          {pending.length === 1 ? (
            <>
              <strong>{first}</strong> has a wrap-up pending.
            </>
          ) : (
            <>
              {pending.length} calls have a wrap-up pending, starting with <strong>{first}</strong>.
            </>
          )}
        </p>
        <p className="muted">Log the next step while the call is fresh — it takes a minute.</p>
        {open.error ? <p className="banner__error">{open.error.message}</p> : null}
      </div>
      <button type="button" className="button" disabled={open.pending} onClick={() => void open.run()}>
        Open wrap-up
      </button>
    </div>
  );
}

export function ReviewApp() {
  // To the minute: nothing here shows seconds, and a render a second would land in the middle of tab switches.
  const clockNow = useCoreMinute();
  const state = useView(getState);
  const review = useReviewData();
  const { today, modes } = review;
  // Until the core's clock is synced (getState), the time Today was computed at is the better "now" to show it with.
  const now = windowClock().synced() || !today ? clockNow : today.now;
  const minute = Math.floor(now / 60_000) * 60_000;
  /** The mode on screen: from the address, else Today — or Plan on a first run, when there is nothing to review. */
  const [chosen, setChosen] = useState<Mode | null>(modeFromHash);
  if (chosen === null && today) setChosen(today.today.calls.length + today.openDeals > 0 ? 'today' : 'plan');
  const mode = chosen ?? 'today';

  useEffect(() => {
    // Today's first paint is what the early ask is for (useReviewData says when it is painted); any other first mode
    // needs every mode, so ask at once.
    if (mode !== 'today') firstPaintNeedsEverything();
  }, [mode]);

  useEffect(() => {
    if (!chosen) return;
    const write = () => {
      if (location.hash.slice(1) !== chosen) history.replaceState(null, '', `#${chosen}`);
    };
    // In idle time: the browser records the new address in a few ms of main thread (more on a busy machine), which in
    // the task right after a switch's frame would delay the rep's next key or click. (No idle callbacks: jsdom.)
    if (typeof requestIdleCallback !== 'function') return write();
    const id = requestIdleCallback(write, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }, [chosen]);
  // Built hidden ahead of time, the window lays out what it rendered, so being shown costs only a paint.
  useEffect(() => layOutWhileHidden());
  useEffect(() => {
    const onHash = () => {
      const fromHash = modeFromHash();
      if (fromHash) setChosen(fromHash);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  return (
    <div className="review">
      <header className="review__header">
        <div>
          <h1 className="review__title">Second Step</h1>
          <p className="review__tagline">Know the point of every call. Leave each one with the next step agreed.</p>
        </div>
        <div className="review__status">
          {state.data?.readOnly ? <span className="badge badge--warning">Read-only: changes cannot be saved</span> : null}
          {today ? <ReviewedToday modes={today} now={minute} /> : null}
        </div>
      </header>

      <div className="review__banners">
        {state.data?.notice ? <Notice notice={state.data.notice} now={now} onAcknowledged={state.replace} /> : null}
        {today && today.pendingWrapUps.length > 0 ? <PendingWrapUps pending={today.pendingWrapUps} /> : null}
        <AttentionBanners state={state.data} />
        {review.error && !modes ? <LoadError message={review.error.message} onRetry={review.reload} /> : null}
      </div>

      <main className="review__body">
        <Tabs label="Review" idPrefix="review" tabs={tabsFor(today)} selected={mode} onSelect={setChosen}>
          {today ? <ModeSlots mode={mode} today={today} modes={modes} now={minute} /> : <p className="empty">Loading your day…</p>}
        </Tabs>
      </main>
    </div>
  );
}
