// Runs in the renderer. What happened on the call, at a glance: its point, whether it was confirmed, how far the
// agenda got.
import type { Meeting, Thread } from '../../../shared/domain';
import { formatTime, formatWhen, minutesBetween } from '../ui/format';

export function Recap({ meeting: m, thread, now }: { meeting: Meeting; thread: Thread; now: number }) {
  const done = m.agenda.filter((a) => a.done).length;
  const missed = m.agenda.filter((a) => !a.done);
  const from = m.startedAt ?? m.start;
  const to = m.endedAt ?? m.end;
  const adjusted = [...m.confirmations].reverse().find((c) => c.result === 'adjusted' && c.adjustedPurpose);

  return (
    <dl className="recap">
      <div className="recap__row">
        <dt>Call</dt>
        <dd>
          {thread.account} · {m.stage} · {formatWhen(from, now, { time: false })}, {formatTime(from)}–{formatTime(to)} (
          {minutesBetween(from, to)} min)
        </dd>
      </div>
      <div className="recap__row">
        <dt>Purpose</dt>
        <dd>
          {adjusted?.adjustedPurpose ?? m.purpose ?? ''}
          {!m.purpose && !adjusted ? <span className="badge badge--warning">No purpose set</span> : null}
          {adjusted && m.purpose && adjusted.adjustedPurpose !== m.purpose ? (
            <span className="recap__was muted"> (planned: {m.purpose})</span>
          ) : null}
        </dd>
      </div>
      <div className="recap__row">
        <dt>Confirmed</dt>
        <dd>
          {m.confirmations.length === 0 ? (
            <span className="badge badge--warning">Not confirmed on the call</span>
          ) : (
            m.confirmations.map((c, i) => (
              <span key={`${c.at}-${i}`} className="recap__confirmation">
                {i > 0 ? ' · ' : ''}
                {c.kind === 'confirm' ? 'Purpose confirmed' : 're-confirmed'} {formatTime(c.at)}
                {c.result === 'adjusted' ? ' (adjusted)' : ''}
              </span>
            ))
          )}
        </dd>
      </div>
      <div className="recap__row">
        <dt>Agenda</dt>
        <dd>
          {m.agenda.length === 0 ? (
            'No agenda'
          ) : (
            <>
              {done}/{m.agenda.length} done
              {missed.length > 0 ? <span className="muted"> · not covered: {missed.map((a) => a.text).join('; ')}</span> : null}
            </>
          )}
        </dd>
      </div>
      {m.idealOutcome ? (
        <div className="recap__row">
          <dt>Ideal outcome</dt>
          <dd>{m.idealOutcome}</dd>
        </div>
      ) : null}
    </dl>
  );
}
