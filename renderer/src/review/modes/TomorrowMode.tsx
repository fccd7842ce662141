// Runs in the renderer. The review's "Tomorrow" mode: tomorrow's calls, those still missing their point (purpose) or an
// agenda first, each one click from its prep — the meeting form, open in place, saving through `updateMeeting`.
// One prep is open at a time; focus goes into it when it opens and back to its button when it closes.
import { useState } from 'react';
import type { TomorrowMeeting, TomorrowView } from '../../../../shared/rules/review-queries';
import { formatTime, plural } from '../../ui/format';
import { dayLabel } from '../review-modes';
import { PrepButton, PrepForm, PrepState, usePrepToggle } from './MeetingPrep';
import { ModeHeader } from './ModeHeader';

function PrepRow({ item, now, open, onToggle }: { item: TomorrowMeeting; now: number; open: boolean; onToggle: (open: boolean) => void }) {
  const { meeting } = item;
  const prep = usePrepToggle(meeting.id, open, onToggle);
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
          <PrepState meeting={meeting} />
          {meeting.purpose ? <p className="prep__purpose">{meeting.purpose}</p> : null}
        </div>
        <PrepButton prep={prep} meeting={meeting} />
      </div>
      <PrepForm prep={prep} meeting={meeting} account={item.account} now={now} />
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
