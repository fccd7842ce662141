// Runs in the renderer. "Did this call happen?" for external calls whose time passed without being started: held
// (then it is wrapped up like any call), a no-show (then the rep logs a reschedule step or closes the deal out), or
// moved to a new time (its prep is kept).
import { useState } from 'react';
import type { UnheldCall } from '../../../shared/views';
import { api } from '../api';
import { TextField } from '../ui/fields';
import { formatWhen, toIsoFromLocalInput } from '../ui/format';
import { useAction } from '../ui/useAction';

const getUnheldCalls = () => api.getUnheldCalls();
export { getUnheldCalls };

function UnheldCallCard({ call, now }: { call: UnheldCall; now: number }) {
  const { meeting, thread } = call;
  const [moving, setMoving] = useState(false);
  const [start, setStart] = useState('');
  const report = useAction((happened: 'held' | 'no-show' | 'moved') => {
    const startIso = toIsoFromLocalInput(start);
    const length = Date.parse(meeting.end) - Date.parse(meeting.start);
    return api.reportUnheldCall({
      meetingId: meeting.id,
      happened,
      ...(happened === 'moved' && startIso ? { start: startIso, end: new Date(Date.parse(startIso) + length).toISOString() } : {}),
    });
  });
  const fieldError = report.error?.fields?.['start'] ?? report.error?.fields?.['end'];
  return (
    <li className="unheld__call">
      <h2 className="wrapup__h2">
        {meeting.title} <span className="muted">· {thread.account}</span>
      </h2>
      <p className="muted">Planned for {formatWhen(meeting.start, now)} — it was never started here.</p>
      <div className="wrapup__actions">
        <button type="button" className="button" disabled={report.pending} onClick={() => void report.run('held')}>
          It happened
        </button>
        <button type="button" className="button button--secondary" disabled={report.pending} onClick={() => void report.run('no-show')}>
          They didn’t show
        </button>
        <button type="button" className="button button--secondary" aria-expanded={moving} onClick={() => setMoving(!moving)}>
          It moved…
        </button>
      </div>
      {moving ? (
        <form
          className="unheld__move"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void report.run('moved');
          }}
        >
          <TextField id={`unheld-start-${meeting.id}`} label="New start" type="datetime-local" value={start} onChange={setStart} error={fieldError} />
          <button type="submit" className="button" disabled={report.pending}>
            Save the new time
          </button>
        </form>
      ) : null}
      {report.error && !fieldError ? (
        <p className="inline-error" role="alert">
          {report.error.message}
        </p>
      ) : null}
    </li>
  );
}

export function UnheldCalls({ calls, now }: { calls: UnheldCall[]; now: number }) {
  return (
    <section className="wrapup__card unheld" aria-labelledby="unheld-heading">
      <h1 className="wrapup__title" id="unheld-heading">
        Did {calls.length === 1 ? 'this call' : 'these calls'} happen?
      </h1>
      <p className="wrapup__why">Every call that happened needs its next step. Tell Second Step what became of it.</p>
      <ul className="unheld__list">
        {calls.map((call) => (
          <UnheldCallCard key={call.meeting.id} call={call} now={now} />
        ))}
      </ul>
    </section>
  );
}
