// Runs in the renderer. The review's "Today" mode: the day at a glance (how many calls kept each part of the method),
// then each call with its point — set, confirmed, re-confirmed — and how it ended — the next step logged (agreed on
// the call or not), the deal closed out, or the wrap-up still to do, with the button that does it.
import { StepBadges } from '../StepBadges';
import type { ReactNode } from 'react';
import type { TodayCall, TodayView } from '../../../../shared/rules/review-queries';
import { api } from '../../api';
import { formatTime, formatWhen } from '../../ui/format';
import { OUTCOME_LABELS, RESULT_LABELS } from '../../ui/labels';
import { useAction } from '../../ui/useAction';
import { dayLabel } from '../review-modes';
import { ModeHeader } from './ModeHeader';

/** One part of the method, kept or not, in words (the mark is decoration). */
function Check({ kept, label, missing, at, detail }: { kept: boolean; label: string; missing: string; at?: string | null; detail?: string }) {
  return kept ? (
    <li className="check-line check-line--kept">
      <span className="check-line__mark" aria-hidden="true">
        ✓
      </span>
      {label}
      {at ? <span className="check-line__time"> {formatTime(at)}</span> : null}
      {detail ? <span className="check-line__time"> ({detail})</span> : null}
    </li>
  ) : (
    <li className="check-line check-line--missing">
      <span className="check-line__mark" aria-hidden="true">
        –
      </span>
      {missing}
    </li>
  );
}

/** Purpose set, confirmed with the prospect, re-confirmed partway through: the wireframe's three ticks. */
function MethodChecks({ call }: { call: TodayCall }) {
  const ahead = call.phase === 'upcoming';
  return (
    <ul className="check-lines">
      {call.purposeSet ? (
        <Check kept label="Purpose set" missing="" />
      ) : (
        <li>
          <span className="badge badge--warning">No purpose set</span>
        </li>
      )}
      {ahead ? (
        <li className="check-line check-line--missing">Confirm it on the call</li>
      ) : (
        <>
          <Check kept={!!call.confirmed} label="Confirmed" missing="Not confirmed" at={call.confirmed?.at} {...(call.confirmed?.result === 'adjusted' ? { detail: 'adjusted' } : {})} />
          <Check kept={!!call.reconfirmedAt} label="Re-confirmed" missing="Not re-confirmed" at={call.reconfirmedAt} />
        </>
      )}
    </ul>
  );
}

function Tile({ label, value, of, tone }: { label: string; value: number; of?: number; tone?: 'warning' }) {
  return (
    <div className={`tile${tone ? ` tile--${tone}` : ''}`}>
      <dt className="tile__label">{label}</dt>
      <dd className="tile__value">
        {value}
        {of !== undefined ? <span className="tile__of"> of {of}</span> : null}
      </dd>
    </div>
  );
}

function WindowButton({ label, name, window }: { label: string; name: string; window: 'wrapup' | 'overlay' }) {
  const open = useAction(() => api.showWindow({ window }));
  return (
    <>
      <button type="button" className="button button--small" disabled={open.pending} onClick={() => void open.run()}>
        {label}
        <span className="visually-hidden">: {name}</span>
      </button>
      {open.error ? (
        <span className="inline-error" role="alert">
          {open.error.message}
        </span>
      ) : null}
    </>
  );
}

/** How the call ended, or what it still needs. */
function Ending({ call, now }: { call: TodayCall; now: number }): ReactNode {
  switch (call.phase) {
    case 'next-step-logged': {
      const step = call.nextStep!;
      return (
        <div className="ending">
          <p className="ending__when">{formatWhen(step.when, now, { alwaysWeekday: true })}</p>
          <p className="ending__what">{step.what}</p>
          <p className="ending__meta">
            <StepBadges step={step} />
            {call.outcome ? <span className="muted">Outcome: {OUTCOME_LABELS[call.outcome]}</span> : null}
          </p>
        </div>
      );
    }
    case 'closed-out':
      return (
        <p className="ending">
          <span className="badge">Closed out: {RESULT_LABELS[call.closeOut!.result]}</span> <span className="muted">{call.closeOut!.reason}</span>
        </p>
      );
    case 'wrap-up-pending':
      return (
        <div className="ending ending--owed">
          <span className="badge badge--warning">Wrap-up pending</span>
          <WindowButton label="Wrap up" name={call.title} window="wrapup" />
        </div>
      );
    case 'no-show':
      return (
        <div className="ending ending--owed">
          <span className="badge badge--warning">No-show: give it a new time or close it out</span>
          <WindowButton label="Wrap up" name={call.title} window="wrapup" />
        </div>
      );
    case 'unheld':
      return (
        <div className="ending ending--owed">
          <span className="badge badge--warning">Did this call happen?</span>
          <WindowButton label="Answer" name={call.title} window="wrapup" />
        </div>
      );
    case 'live':
      return (
        <div className="ending">
          <span className="badge badge--accent">Live now</span>
          <WindowButton label="Show overlay" name={call.title} window="overlay" />
        </div>
      );
    case 'upcoming':
      return (
        <p className="ending muted">
          {Date.parse(call.start) <= now ? `Was due to start at ${formatTime(call.start)}` : `Coming up at ${formatTime(call.start)}`}
        </p>
      );
    default:
      return <p className="ending muted">Done</p>;
  }
}

function CallRow({ call, now }: { call: TodayCall; now: number }) {
  return (
    <tr className={call.phase === 'wrap-up-pending' || call.phase === 'no-show' || call.phase === 'unheld' ? 'calls__row--owed' : undefined}>
      <td className="calls__time">
        <span className="calls__start">{formatTime(call.start)}</span>
        <span className="muted">to {formatTime(call.end)}</span>
      </td>
      <th scope="row" className="calls__call">
        <span className="calls__title">{call.title}</span>
        <span className="calls__meta">
          {call.account} · {call.stage}
          {call.internal ? ' · Internal' : ''}
        </span>
      </th>
      <td>
        <MethodChecks call={call} />
      </td>
      <td>
        <Ending call={call} now={now} />
      </td>
    </tr>
  );
}

export function TodayMode({ view, now }: { view: TodayView; now: number }) {
  const { summary } = view;
  return (
    <section className="mode" aria-labelledby="today-heading">
      <ModeHeader id="today-heading" title={`Today, ${dayLabel(view.day, now, 'long')}`}>
        {view.calls.length === 0 ? 'No calls today.' : `${view.calls.length} ${view.calls.length === 1 ? 'call' : 'calls'}, ${summary.held} held so far.`}
      </ModeHeader>
      {summary.held > 0 ? (
        <dl className="tiles" aria-label="Today at a glance">
          <Tile label="Purpose confirmed" value={summary.confirmed} of={summary.held} />
          <Tile label="Re-confirmed" value={summary.reconfirmed} of={summary.held} />
          <Tile label="Next step agreed on the call" value={summary.stepsAgreed} of={summary.held} />
          <Tile label="Wrap-ups still to do" value={summary.open} {...(summary.open > 0 ? { tone: 'warning' as const } : {})} />
        </dl>
      ) : null}
      {view.calls.length === 0 ? (
        <p className="empty">Nothing on today. A quiet day is a good day to plan the next steps of your stalled deals.</p>
      ) : (
        <div className="table-scroll">
          <table className="calls">
            <caption className="visually-hidden">Today’s calls</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Call</th>
                <th scope="col">The point</th>
                <th scope="col">Next step</th>
              </tr>
            </thead>
            <tbody>
              {view.calls.map((call) => (
                <CallRow key={call.meetingId} call={call} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
