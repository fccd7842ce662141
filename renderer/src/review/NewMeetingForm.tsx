// Runs in the renderer. The "New meeting" region: plan a meeting with its point, its ideal outcome, why us, and an
// agenda (the form itself is MeetingForm, shared with the review's "Prep").
import type { Thread } from '../../../shared/domain';
import { MeetingForm } from './MeetingForm';

const ID = 'new-meeting';

export function NewMeetingForm({ threads, now }: { threads: Thread[]; now: number }) {
  return (
    <section className="panel panel--form" aria-labelledby={`${ID}-heading`}>
      <div className="panel__head">
        <h2 id={`${ID}-heading`}>New meeting</h2>
      </div>
      <MeetingForm idPrefix={ID} target={{ kind: 'new', threads }} now={now} submitLabel="Save meeting" />
    </section>
  );
}
