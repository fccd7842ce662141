// Runs in the renderer. Home: what is coming up, what was agreed, and planning the next meeting.
import { api } from '../api';
import { useCoreClock } from '../ui/clock';
import { Notice } from '../ui/Notice';
import { useAction } from '../ui/useAction';
import { useView } from '../ui/useView';
import { MeetingList } from './MeetingList';
import { NewMeetingForm } from './NewMeetingForm';
import { NextStepList } from './NextStepList';

const getState = () => api.getState();
const getReview = () => api.getReview();

export function ReviewApp() {
  const now = useCoreClock();
  const state = useView(getState);
  const review = useView(getReview);
  const data = review.data;
  const threads = data?.threads ?? [];

  return (
    <div className="review">
      <header className="review__header">
        <div>
          <h1 className="review__title">Second Step</h1>
          <p className="review__tagline">Know the point of every call. Leave each one with the next step agreed.</p>
        </div>
        {state.data?.readOnly ? <span className="badge badge--warning">Read-only: changes cannot be saved</span> : null}
      </header>

      <div className="review__banners">
        {state.data?.notice ? <Notice notice={state.data.notice} now={now} onAcknowledged={state.replace} /> : null}
        {data && data.pendingWrapUpIds.length > 0 ? (
          <PendingWrapUps ids={data.pendingWrapUpIds} titleOf={(id) => data.meetings.find((m) => m.id === id)?.title} />
        ) : null}
        {review.error && !data ? (
          <div className="banner banner--warning" role="alert">
            <p className="banner__title">{review.error.message}</p>
            <button type="button" className="button button--secondary" onClick={review.reload}>
              Try again
            </button>
          </div>
        ) : null}
      </div>

      <main className="review__layout">
        <div className="review__main">
          <MeetingList meetings={data?.meetings} threads={threads} now={now} />
          <NextStepList steps={data?.nextSteps} threads={threads} now={now} />
        </div>
        <NewMeetingForm threads={threads} now={now} />
      </main>
    </div>
  );
}

function PendingWrapUps({ ids, titleOf }: { ids: string[]; titleOf: (id: string) => string | undefined }) {
  const open = useAction(() => api.showWindow({ window: 'wrapup' }));
  const first = titleOf(ids[0] ?? '') ?? 'Your last call';
  return (
    <div className="banner" role="status">
      <div className="banner__body">
        <p className="banner__title">
          {ids.length === 1 ? (
            <>
              <strong>{first}</strong> has a wrap-up pending.
            </>
          ) : (
            <>
              {ids.length} calls have a wrap-up pending, starting with <strong>{first}</strong>.
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
