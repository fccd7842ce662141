// Runs in the renderer. The "Meetings" region: live first, then what is coming up (soonest first), then earlier calls.
import { useState } from 'react';
import type { Meeting, Thread } from '../../../shared/domain';
import { api } from '../api';
import { formatTime, formatWhen, plural } from '../ui/format';
import { STATUS_LABELS } from '../ui/labels';
import { useAction } from '../ui/useAction';

const EARLIER_PAGE = 8;
/** A full diary holds dozens of planned calls: the soonest first, the rest one click away. */
const UPCOMING_PAGE = 12;

export function MeetingList({ meetings, threads, now }: { meetings: Meeting[] | undefined; threads: Thread[]; now: number }) {
  const [earlierShown, setEarlierShown] = useState(EARLIER_PAGE);
  const [upcomingShown, setUpcomingShown] = useState(UPCOMING_PAGE);
  const all = meetings ?? [];
  const live = all.filter((m) => m.status === 'live');
  const upcoming = all.filter((m) => m.status === 'planned');
  const earlier = all.filter((m) => m.status !== 'live' && m.status !== 'planned').reverse();
  const accountOf = (m: Meeting) => threads.find((t) => t.id === m.threadId)?.account ?? '';

  return (
    <section className="panel" aria-labelledby="meetings-heading">
      <div className="panel__head">
        <h2 id="meetings-heading">Meetings</h2>
        {meetings ? <span className="muted">{upcoming.length} coming up</span> : null}
      </div>
      {!meetings ? (
        <p className="empty">Loading…</p>
      ) : all.length === 0 ? (
        <p className="empty">No meetings yet. Plan your first one with the form — give it a purpose and an agenda.</p>
      ) : (
        <>
          {live.length + upcoming.length > 0 ? (
            <>
              <ul className="meetings" aria-label="Coming up">
                {[...live, ...upcoming.slice(0, upcomingShown)].map((m) => (
                  <MeetingItem key={m.id} meeting={m} account={accountOf(m)} now={now} />
                ))}
              </ul>
              {upcoming.length > upcomingShown ? (
                <button type="button" className="button button--quiet button--small" onClick={() => setUpcomingShown((n) => n + UPCOMING_PAGE)}>
                  Show more meetings coming up ({upcoming.length - upcomingShown} more)
                </button>
              ) : null}
            </>
          ) : (
            <p className="empty">Nothing planned. Every call should end with the next one agreed.</p>
          )}
          {earlier.length > 0 ? (
            <>
              <h3 className="panel__subhead">Earlier</h3>
              <ul className="meetings meetings--earlier" aria-label="Earlier">
                {earlier.slice(0, earlierShown).map((m) => (
                  <MeetingItem key={m.id} meeting={m} account={accountOf(m)} now={now} />
                ))}
              </ul>
              {earlier.length > earlierShown ? (
                <button type="button" className="button button--quiet button--small" onClick={() => setEarlierShown((n) => n + EARLIER_PAGE)}>
                  Show more earlier meetings ({earlier.length - earlierShown} more)
                </button>
              ) : null}
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

function MeetingItem({ meeting: m, account, now }: { meeting: Meeting; account: string; now: number }) {
  const start = useAction(async () => {
    await api.startMeeting({ id: m.id });
    await api.showWindow({ window: 'overlay' });
  });
  const showOverlay = useAction(() => api.showWindow({ window: 'overlay' }));
  const error = start.error ?? showOverlay.error;
  const confirmed = m.confirmations.some((c) => c.kind === 'confirm');
  const done = m.agenda.filter((a) => a.done).length;
  const statusClass =
    m.status === 'live' ? 'badge--accent' : m.status === 'wrapping-up' || m.status === 'no-show' ? 'badge--warning' : '';

  return (
    <li className={`meeting${m.status === 'live' ? ' meeting--live' : ''}`}>
      <div className="meeting__when">
        <span className="meeting__date">{formatWhen(m.start, now, { time: false })}</span>
        <span className="meeting__time">
          {formatTime(m.start)}–{formatTime(m.end)}
        </span>
      </div>
      <div className="meeting__body">
        <div className="meeting__title-row">
          <h3 className="meeting__title">{m.title}</h3>
          {m.status !== 'planned' ? <span className={`badge ${statusClass}`}>{STATUS_LABELS[m.status]}</span> : null}
        </div>
        <p className="meeting__meta">
          {account ? <span>{account}</span> : null}
          <span aria-hidden="true"> · </span>
          <span>{m.stage}</span>
        </p>
        {m.purpose ? (
          <p className="meeting__purpose">
            <span className="meeting__label">Purpose</span> {m.purpose}
          </p>
        ) : (
          <p className="meeting__flag">
            <span className="badge badge--warning">
              <span aria-hidden="true">⚑</span> No purpose set
            </span>{' '}
            <span className="muted">Why are you both there? Decide before the call.</span>
          </p>
        )}
        <p className="meeting__facts muted">
          <span>{m.agenda.length === 0 ? 'No agenda' : m.status === 'planned' ? `Agenda: ${plural(m.agenda.length, 'item', 'items')}` : `Agenda ${done}/${m.agenda.length} done`}</span>
          {m.status !== 'planned' && m.status !== 'cancelled' ? (
            <span>{confirmed ? ' · Purpose confirmed' : ' · Purpose not confirmed'}</span>
          ) : null}
        </p>
        {error ? (
          <p className="inline-error" role="alert">
            {error.message}
          </p>
        ) : null}
      </div>
      <div className="meeting__actions">
        {m.status === 'planned' ? (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Start meeting: ${m.title}`}
            disabled={start.pending}
            onClick={() => void start.run()}
          >
            Start meeting
          </button>
        ) : null}
        {m.status === 'live' ? (
          <button type="button" className="button button--small" disabled={showOverlay.pending} onClick={() => void showOverlay.run()}>
            Show overlay
          </button>
        ) : null}
      </div>
    </li>
  );
}
