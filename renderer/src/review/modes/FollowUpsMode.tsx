// Runs in the renderer. The review's "Follow-ups" mode: every next step still to do — due today, overdue, upcoming —
// each with "Done", "Missed" and "Reschedule…". A marked step leaves the list (the core's view is refetched); focus
// moves to the next step in the same list, so a keyboard user can work down it, and a status line says what happened.
import { useEffect, useRef, useState } from 'react';
import type { FollowUp, FollowUpsView } from '../../../../shared/rules/review-queries';
import { api } from '../../api';
import { formatWhen, plural } from '../../ui/format';
import { KIND_LABELS, OWNER_LABELS } from '../../ui/labels';
import { useAction } from '../../ui/useAction';
import { ModeHeader, ShowMore } from './ModeHeader';
import { RescheduleForm } from './RescheduleForm';

const PAGE = 12;

type ListKey = 'dueToday' | 'overdue' | 'upcoming';
const LISTS: { key: ListKey; title: string; more: string; empty: string }[] = [
  { key: 'dueToday', title: 'Due today', more: 'steps due today', empty: 'Nothing due today.' },
  { key: 'overdue', title: 'Overdue', more: 'overdue steps', empty: 'Nothing overdue. Every step is done, moved or still ahead.' },
  { key: 'upcoming', title: 'Upcoming', more: 'upcoming steps', empty: 'Nothing agreed ahead yet. Every call should end with the next step agreed.' },
];

interface ItemProps {
  step: FollowUp;
  now: number;
  /** The core accepted a change: say so, and move focus on. */
  onChanged: (message: string) => void;
}

function FollowUpItem({ step, now, onChanged }: ItemProps) {
  const [rescheduling, setRescheduling] = useState(false);
  const rescheduleButton = useRef<HTMLButtonElement>(null);
  const mark = useAction(async (status: 'done' | 'missed') => {
    await api.markFollowUp({ nextStepId: step.id, status });
    onChanged(status === 'done' ? `Marked done: ${step.what}.` : `Marked missed: ${step.what}.`);
  });
  return (
    <li className={`follow-up${step.daysLate > 0 ? ' follow-up--late' : ''}`} data-step-id={step.id}>
      <div className="follow-up__main">
        <p className="follow-up__what">{step.what}</p>
        <p className="follow-up__when">
          {formatWhen(step.when, now, { alwaysWeekday: true })}
          {step.daysLate > 0 ? <span className="badge badge--danger">{plural(step.daysLate, 'day', 'days')} late</span> : null}
        </p>
      </div>
      <p className="follow-up__meta">
        <span className="badge">{KIND_LABELS[step.kind]}</span>
        {step.agreed ? (
          <span className="badge badge--success">
            <span aria-hidden="true">✓</span> Agreed
          </span>
        ) : (
          <span className="badge badge--warning">Not agreed yet</span>
        )}
        <span className="muted">
          {step.account} · Owner: {OWNER_LABELS[step.owner]}
          {step.fromMeetingTitle ? ` · From “${step.fromMeetingTitle}”` : ''}
        </span>
      </p>
      <p className="follow-up__purpose">
        <span className="meeting__label">Its point</span> {step.purpose}
      </p>
      {step.reschedules > 0 ? (
        <p className="follow-up__moved muted">
          Moved {step.reschedules === 1 ? 'once' : `${step.reschedules} times`}
          {step.lastReason ? ` — last because: ${step.lastReason}` : ''}
        </p>
      ) : null}
      {rescheduling ? (
        <RescheduleForm
          step={step}
          now={now}
          onDone={onChanged}
          onCancel={() => {
            setRescheduling(false);
            requestAnimationFrame(() => rescheduleButton.current?.focus());
          }}
        />
      ) : (
        <div className="follow-up__actions">
          <button type="button" className="button button--small" data-first-action disabled={mark.pending} onClick={() => void mark.run('done')}>
            Done<span className="visually-hidden">: {step.what}</span>
          </button>
          <button type="button" className="button button--secondary button--small" disabled={mark.pending} onClick={() => void mark.run('missed')}>
            Missed<span className="visually-hidden">: {step.what}</span>
          </button>
          <button
            ref={rescheduleButton}
            type="button"
            className="button button--quiet button--small"
            onClick={() => setRescheduling(true)}
          >
            Reschedule…<span className="visually-hidden"> {step.what}</span>
          </button>
        </div>
      )}
      {mark.error ? (
        <p className="inline-error" role="alert">
          {mark.error.message}
        </p>
      ) : null}
    </li>
  );
}

export function FollowUpsMode({ view, now }: { view: FollowUpsView; now: number }) {
  const [shown, setShown] = useState<Record<ListKey, number>>({ dueToday: PAGE, overdue: PAGE, upcoming: 8 });
  const [status, setStatus] = useState('');
  const root = useRef<HTMLElement>(null);
  const due = view.dueToday.length + view.overdue.length;
  /** Where focus goes once the core's fresh view (without the changed step) is on screen. */
  const pendingFocus = useRef<{ list: ListKey; index: number; before: FollowUpsView } | null>(null);

  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || pending.before === view) return;
    pendingFocus.current = null;
    const section = root.current?.querySelector<HTMLElement>(`[data-list="${pending.list}"]`);
    const items = section?.querySelectorAll<HTMLElement>('li.follow-up');
    const next = items?.[Math.min(pending.index, items.length - 1)];
    (next?.querySelector<HTMLElement>('[data-first-action]') ?? section?.querySelector<HTMLElement>('h3'))?.focus();
  }, [view]);

  const changed = (list: ListKey, index: number) => (message: string) => {
    setStatus(message);
    pendingFocus.current = { list, index, before: view };
  };

  return (
    <section className="mode" aria-labelledby="follow-ups-heading" ref={root}>
      <ModeHeader id="follow-ups-heading" title="Follow-ups">
        {due === 0 ? 'Nothing due. Every step agreed is done or still ahead.' : `${plural(due, 'step', 'steps')} to act on: ${view.dueToday.length} due today, ${view.overdue.length} overdue.`}
      </ModeHeader>
      <p className="mode__flash" role="status">
        {status}
      </p>
      {LISTS.map(({ key, title, more, empty }) => {
        const items = view[key];
        return (
          <section key={key} className="follow-ups" data-list={key} aria-labelledby={`follow-ups-${key}`}>
            <h3 id={`follow-ups-${key}`} className="section-title" tabIndex={-1}>
              {title} <span className="section-title__count">{items.length}</span>
            </h3>
            {items.length === 0 ? (
              <p className="empty empty--inline">{empty}</p>
            ) : (
              <ul className="follow-ups__list">
                {items.slice(0, shown[key]).map((step, i) => (
                  <FollowUpItem key={step.id} step={step} now={now} onChanged={changed(key, i)} />
                ))}
              </ul>
            )}
            <ShowMore shown={shown[key]} total={items.length} what={more} onMore={() => setShown((s) => ({ ...s, [key]: s[key] + PAGE }))} />
          </section>
        );
      })}
    </section>
  );
}
