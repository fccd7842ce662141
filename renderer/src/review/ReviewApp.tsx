// Runs in the renderer. Home, and the end-of-day review: tabs for Today · Follow-ups · Threads · Tomorrow · Metrics
// (each computed by the core's review rules) and Plan (the meetings, the next steps and the new-meeting form). The
// tab is kept in the address (#follow-ups), so a reload or the end-of-day reminder lands on the right one.
import { LoadError } from '../ui/LoadError';
import { memo, useEffect, useState, type ReactNode } from 'react';
import type { ReviewModes } from '../../../shared/views';
import { api } from '../api';
import { AttentionBanners } from './AttentionBanners';
import { useCoreClock } from '../ui/clock';
import { formatTime } from '../ui/format';
import { Notice } from '../ui/Notice';
import { Tabs, type Tab } from '../ui/Tabs';
import { useAction } from '../ui/useAction';
import { useView } from '../ui/useView';
import { FollowUpsMode } from './modes/FollowUpsMode';
import { MetricsMode } from './modes/MetricsMode';
import { PlanMode } from './modes/PlanMode';
import { ThreadsMode } from './modes/ThreadsMode';
import { TodayMode } from './modes/TodayMode';
import { TomorrowMode } from './modes/TomorrowMode';
import { dayLabel, useReviewModes, windowTimeZone } from './review-modes';
import { SettingsMode } from './settings/SettingsMode';
import './modes/modes.css';

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

function tabsFor(modes: ReviewModes | undefined): Tab<Mode>[] {
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

/** The modes re-render when their data or the minute changes, not on every tick of the on-screen clock. */
const ModePanel = memo(function ModePanel({ mode, modes, now }: { mode: Mode; modes: ReviewModes; now: number }): ReactNode {
  switch (mode) {
    case 'today':
      return <TodayMode view={modes.today} now={now} />;
    case 'follow-ups':
      return <FollowUpsMode view={modes.followUps} now={now} />;
    case 'threads':
      return <ThreadsMode view={modes.threads} now={now} />;
    case 'tomorrow':
      return <TomorrowMode view={modes.tomorrow} now={now} />;
    case 'metrics':
      return <MetricsMode view={modes.metrics} />;
    case 'plan':
      return <PlanMode now={now} />;
    case 'settings':
      return <SettingsMode now={now} />;
  }
});

function ReviewedToday({ modes, now }: { modes: ReviewModes; now: number }) {
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

function PendingWrapUps({ pending }: { pending: ReviewModes['pendingWrapUps'] }) {
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
  const now = useCoreClock();
  const minute = Math.floor(now / 60_000) * 60_000;
  const state = useView(getState);
  const review = useReviewModes();
  const modes = review.data;
  /** The mode on screen: from the address, else Today — or Plan on a first run, when there is nothing to review. */
  const [chosen, setChosen] = useState<Mode | null>(modeFromHash);
  if (chosen === null && modes) setChosen(modes.today.calls.length + modes.threads.active.length + modes.threads.stalled.length > 0 ? 'today' : 'plan');
  const mode = chosen ?? 'today';

  useEffect(() => {
    if (chosen && location.hash.slice(1) !== chosen) history.replaceState(null, '', `#${chosen}`);
  }, [chosen]);
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
          {modes ? <ReviewedToday modes={modes} now={minute} /> : null}
        </div>
      </header>

      <div className="review__banners">
        {state.data?.notice ? <Notice notice={state.data.notice} now={now} onAcknowledged={state.replace} /> : null}
        {modes && modes.pendingWrapUps.length > 0 ? <PendingWrapUps pending={modes.pendingWrapUps} /> : null}
        <AttentionBanners state={state.data} />
        {review.error && !modes ? <LoadError message={review.error.message} onRetry={review.reload} /> : null}
      </div>

      <main className="review__body">
        <Tabs label="Review" idPrefix="review" tabs={tabsFor(modes)} selected={mode} onSelect={setChosen}>
          {modes ? <ModePanel mode={mode} modes={modes} now={minute} /> : <p className="empty">Loading your day…</p>}
        </Tabs>
      </main>
    </div>
  );
}
