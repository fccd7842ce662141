// Runs in the renderer. Loads the wrap-up owed now (oldest call first), shows a calm confirmation after each one,
// and moves on to the next.
import { useState } from 'react';
import { api } from '../api';
import { useCoreClock, windowClock } from '../ui/clock';
import { Notice } from '../ui/Notice';
import { useView } from '../ui/useView';
import { AddToCalendar } from './AddToCalendar';
import { getUnheldCalls, UnheldCalls } from './UnheldCalls';
import { WrapUpForm, type Settled } from './WrapUpForm';

const getWrapUp = () => api.getWrapUp();
const getState = () => api.getState();

export function WrapUpApp() {
  const view = useView(getWrapUp);
  const state = useView(getState);
  const unheld = useView(getUnheldCalls);
  const now = useCoreClock();
  const [confirmation, setConfirmation] = useState<Settled | null>(null);
  /** Meetings settled here; hidden at once, before the core's `changed` event brings the next view. */
  const [settled, setSettled] = useState<readonly string[]>([]);
  const data = view.data;
  // The form reads the jotted note ("thu 10am …") against the core's clock: wait until that clock is known.
  const clockReady = windowClock().synced();
  const current = data && clockReady && !settled.includes(data.meeting.id) ? data : null;

  return (
    <main className="wrapup">
      {state.data?.notice ? (
        <div className="wrapup__notice">
          <Notice notice={state.data.notice} now={now} onAcknowledged={state.replace} />
        </div>
      ) : null}
      {confirmation ? (
        <div className="banner banner--success wrapup__confirmation" role="status">
          <div className="banner__body">
            <p className="banner__title">{confirmation.message}</p>
            {confirmation.stepId ? <AddToCalendar stepId={confirmation.stepId} email={confirmation.email} /> : null}
            {current ? (
              <p>
                {current.pending === 1 ? 'One more call to wrap up' : `${current.pending} more calls to wrap up`} — the next one is below.
              </p>
            ) : null}
          </div>
        </div>
      ) : null}

      {data === undefined || (data && !clockReady) ? (
        <p className="wrapup__empty">{view.error ? view.error.message : 'Loading…'}</p>
      ) : current ? (
        <WrapUpForm
          key={current.meeting.id}
          view={current}
          now={now}
          onSettled={(done) => {
            setSettled((ids) => [...ids, current.meeting.id]);
            setConfirmation(done);
            view.reload();
          }}
        />
      ) : unheld.data && unheld.data.length > 0 ? (
        <UnheldCalls calls={unheld.data} now={now} />
      ) : state.data?.notice?.kind === 'write-failed' ? (
        // Kept in memory but not on disk yet: the gate still holds, so do not invite the rep to close the window.
        <div className="wrapup__empty">
          <h1 className="wrapup__empty-title">Kept, not saved yet</h1>
          <p className="muted">Your next step is safe in Second Step, but the disk refused it. This window stays until it is saved — Second Step keeps trying.</p>
        </div>
      ) : (
        <div className="wrapup__empty">
          <h1 className="wrapup__empty-title">Nothing to wrap up</h1>
          <p className="muted">{confirmation ? 'That was the last one. You can close this window.' : 'Every call has its next step. Nice work.'}</p>
        </div>
      )}
    </main>
  );
}
