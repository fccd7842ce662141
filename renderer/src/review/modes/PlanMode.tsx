// Runs in the renderer. The review's "Plan" mode: the meetings (live, coming up, earlier), the next steps agreed, and
// the form to plan a new meeting. It needs every meeting, so it fetches the full review read model itself — only
// while it is the mode on screen.
import { LoadError } from '../../ui/LoadError';
import { api } from '../../api';
import { useView } from '../../ui/useView';
import { MeetingList } from '../MeetingList';
import { NewMeetingForm } from '../NewMeetingForm';
import { NextStepList } from '../NextStepList';

const getReview = () => api.getReview();

export function PlanMode({ now }: { now: number }) {
  const review = useView(getReview);
  const data = review.data;
  const threads = data?.threads ?? [];
  return (
    <div className="review__layout">
      <div className="review__main">
        {review.error && !data ? <LoadError message={review.error.message} onRetry={review.reload} /> : null}
        <MeetingList meetings={data?.meetings} threads={threads} now={now} />
        <NextStepList steps={data?.nextSteps} threads={threads} now={now} />
      </div>
      <NewMeetingForm threads={threads} now={now} />
    </div>
  );
}
