// Runs in the renderer. The review's "Threads" mode: each deal as its chain — meeting -> next step -> meeting — with
// the stalled deals first (open, nothing agreed ahead: "always have a second step"), then the active ones by their
// next date, then the deals closed in the last two weeks.
import { useState } from 'react';
import type { ChainLink, ThreadSummary, ThreadsView } from '../../../../shared/rules/review-queries';
import { formatWhen } from '../../ui/format';
import { KIND_LABELS, RESULT_LABELS, STATUS_LABELS } from '../../ui/labels';
import { ModeHeader, ShowMore } from './ModeHeader';

const PAGE = 8;

function linkState(link: ChainLink): { text: string; tone: '' | 'success' | 'warning' | 'danger' | 'accent' } {
  if (link.kind === 'meeting') {
    if (link.held) return { text: 'Held', tone: 'success' };
    if (link.status === 'planned') return { text: 'Planned', tone: 'accent' };
    return { text: STATUS_LABELS[link.status], tone: link.status === 'no-show' || link.status === 'wrapping-up' ? 'warning' : '' };
  }
  if (link.kept) return { text: link.status === 'done' ? 'Done' : 'Kept', tone: 'success' };
  if (link.status === 'missed') return { text: 'Missed', tone: 'danger' };
  if (link.overdue) return { text: 'Overdue', tone: 'danger' };
  return { text: 'Open', tone: 'accent' };
}

function Chain({ thread, now }: { thread: ThreadSummary; now: number }) {
  return (
    <ol className="chain" aria-label={`The story of the deal with ${thread.account}`}>
      {thread.earlierLinks > 0 ? (
        <li className="chain__item">
          <span className="chain__earlier">{thread.earlierLinks} earlier</span>
        </li>
      ) : null}
      {thread.links.map((link, i) => {
        const state = linkState(link);
        return (
          <li key={`${link.kind}-${link.id}`} className="chain__item">
            {i > 0 || thread.earlierLinks > 0 ? (
              <span className="chain__arrow" aria-hidden="true">
                →
              </span>
            ) : null}
            <span className={`chain__link chain__link--${link.kind}`}>
              <span className="chain__kind">
                {link.kind === 'meeting' ? 'Meeting' : KIND_LABELS[link.stepKind]} · {formatWhen(link.at, now, { time: false })}
              </span>
              <span className="chain__title" title={link.title}>
                {link.title}
              </span>
              <span className={`badge${state.tone ? ` badge--${state.tone}` : ''}`}>{state.text}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** One plain sentence on where the deal stands. */
function standing(thread: ThreadSummary, now: number): string {
  if (thread.closeOut) return `Closed ${formatWhen(thread.closeOut.at, now, { time: false })}: ${RESULT_LABELS[thread.closeOut.result]} — ${thread.closeOut.reason}`;
  if (thread.next) return `Next: ${thread.next.title}, ${formatWhen(thread.next.at, now, { alwaysWeekday: true })}.`;
  const since = thread.lastActivity ? formatWhen(thread.lastActivity, now, { time: false }) : null;
  switch (thread.stallReason) {
    case 'wrap-up-pending':
      return 'The last call’s wrap-up is still to do: log its next step.';
    case 'step-overdue': {
      const late = thread.overdueStep;
      return late ? `“${late.title}” was due ${formatWhen(late.at, now, { time: false })} and is not done or moved.` : 'A step is overdue.';
    }
    default:
      return since ? `Nothing agreed since ${since}. Agree the next step, or close the deal out.` : 'Nothing agreed yet.';
  }
}

function ThreadCard({ thread, now }: { thread: ThreadSummary; now: number }) {
  const titleId = `thread-${thread.threadId}`;
  return (
    <li className={`thread${thread.stalled ? ' thread--stalled' : ''}`}>
      <article aria-labelledby={titleId}>
        <div className="thread__head">
          <h4 id={titleId} className="thread__title">
            {thread.account}
          </h4>
          {thread.stalled ? <span className="badge badge--warning">Stalled</span> : null}
          {thread.closeOut ? <span className="badge">{RESULT_LABELS[thread.closeOut.result]}</span> : null}
          <span className="muted thread__count">{thread.meetings === 1 ? '1 meeting' : `${thread.meetings} meetings`}</span>
        </div>
        <p className={thread.stalled ? 'thread__standing thread__standing--stalled' : 'thread__standing'}>{standing(thread, now)}</p>
        <Chain thread={thread} now={now} />
      </article>
    </li>
  );
}

function ThreadList({ id, title, lead, threads, now }: { id: string; title: string; lead: string; threads: ThreadSummary[]; now: number }) {
  const [shown, setShown] = useState(PAGE);
  return (
    <section className="threads" aria-labelledby={id}>
      <h3 id={id} className="section-title">
        {title} <span className="section-title__count">{threads.length}</span>
      </h3>
      <p className="section-lead">{lead}</p>
      {threads.length === 0 ? null : (
        <ul className="threads__list">
          {threads.slice(0, shown).map((t) => (
            <ThreadCard key={t.threadId} thread={t} now={now} />
          ))}
        </ul>
      )}
      <ShowMore shown={shown} total={threads.length} what={title.toLowerCase()} onMore={() => setShown((n) => n + PAGE)} />
    </section>
  );
}

export function ThreadsMode({ view, now }: { view: ThreadsView; now: number }) {
  return (
    <section className="mode" aria-labelledby="threads-heading">
      <ModeHeader id="threads-heading" title="Threads">
        {view.stalled.length === 0
          ? 'Every open deal has its next step agreed.'
          : `${view.stalled.length} of ${view.stalled.length + view.active.length} open deals have stalled: nothing is agreed ahead of them.`}
      </ModeHeader>
      <ThreadList
        id="threads-stalled"
        title="Stalled deals"
        lead="No next step still to come and no meeting planned. The ones that went quiet most recently are the easiest to revive."
        threads={view.stalled}
        now={now}
      />
      <ThreadList id="threads-active" title="Active deals" lead="Something agreed ahead; the soonest first." threads={view.active} now={now} />
      {view.closedRecently.length > 0 ? (
        <ThreadList id="threads-closed" title="Closed deals" lead="Closed out in the last two weeks." threads={view.closedRecently} now={now} />
      ) : null}
    </section>
  );
}
