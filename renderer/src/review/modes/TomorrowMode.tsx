// Runs in the renderer. The review's "Tomorrow" mode: tomorrow's calls, those still missing their point (purpose) or an
// agenda first, each one click from its prep — the meeting form, open in place, saving through `updateMeeting`.
// One prep is open at a time; focus goes into it when it opens and back to its button when it closes.
import { useRef, useState } from 'react';
import type { PrepGap, TomorrowMeeting, TomorrowView } from '../../../../shared/rules/review-queries';
import { formatTime, plural } from '../../ui/format';
import { dayLabel } from '../review-modes';
import { MeetingForm } from '../MeetingForm';
import { ModeHeader } from './ModeHeader';

const GAP_WORDS: Record<PrepGap, string> = { purpose: 'No purpose', agenda: 'No agenda' };

function PrepRow({ item, now, open, onToggle }: { item: TomorrowMeeting; now: number; open: boolean; onToggle: (open: boolean) => void }) {
  const { meeting } = item;
  const button = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const regionId = `prep-${meeting.id}`;
  const close = () => {
    onToggle(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  return (
    <li className={`prep${item.missing.length ? ' prep--missing' : ''}`}>
      <div className="prep__row">
        <div className="prep__when">
          {formatTime(meeting.start)}
          <span className="muted">to {formatTime(meeting.end)}</span>
        </div>
        <div className="prep__body">
          <p className="prep__title">{meeting.title}</p>
          <p className="prep__meta">
            {item.account} · {meeting.stage}
          </p>
          <p className="prep__state">
            {item.missing.length ? (
              item.missing.map((gap) => (
                <span key={gap} className="badge badge--warning">
                  <span aria-hidden="true">⚑</span> {GAP_WORDS[gap]}
                </span>
              ))
            ) : (
              <span className="badge badge--success">
                <span aria-hidden="true">✓</span> Ready: purpose and {plural(meeting.agenda.length, 'agenda item', 'agenda items')}
              </span>
            )}
            {meeting.purpose ? <span className="prep__purpose">{meeting.purpose}</span> : null}
          </p>
        </div>
        <button
          ref={button}
          type="button"
          className={`button button--small${item.missing.length ? '' : ' button--secondary'}`}
          aria-expanded={open}
          aria-controls={open ? regionId : undefined}
          onClick={() => {
            if (open) return close();
            onToggle(true);
            requestAnimationFrame(() => firstField.current?.focus());
          }}
        >
          Prep<span className="visually-hidden">: {meeting.title}</span>
        </button>
      </div>
      {open ? (
        <section id={regionId} className="prep__form" aria-labelledby={`${regionId}-heading`}>
          <h3 id={`${regionId}-heading`} className="prep__heading">
            Prep: {meeting.title}
          </h3>
          <MeetingForm
            idPrefix={regionId}
            target={{ kind: 'edit', meeting, account: item.account }}
            now={now}
            submitLabel="Save prep"
            onCancel={close}
            firstFieldRef={firstField}
          />
        </section>
      ) : null}
    </li>
  );
}

export function TomorrowMode({ view, now }: { view: TomorrowView; now: number }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const count = view.meetings.length;
  return (
    <section className="mode" aria-labelledby="tomorrow-heading">
      <ModeHeader id="tomorrow-heading" title={`Tomorrow, ${dayLabel(view.day, now, 'long')}`}>
        {count === 0
          ? 'No calls planned for tomorrow.'
          : view.unprepared === 0
            ? `${count === 1 ? 'The one call is' : `All ${count} calls are`} prepared: each has its point and an agenda.`
            : `${view.unprepared} of ${plural(count, 'call', 'calls')} still ${view.unprepared === 1 ? 'needs' : 'need'} a purpose or an agenda. Know why you are both there before you dial in.`}
      </ModeHeader>
      {count === 0 ? (
        <p className="empty">Nothing planned. Use the Plan tab to put tomorrow’s calls in, with a purpose and an agenda.</p>
      ) : (
        <ul className="preps">
          {view.meetings.map((item) => (
            <PrepRow
              key={item.meeting.id}
              item={item}
              now={now}
              open={openId === item.meeting.id}
              onToggle={(open) => setOpenId(open ? item.meeting.id : null)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
