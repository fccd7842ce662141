// Runs in the renderer. The "Meetings" region: live first, then planned calls whose day has passed without them being
// started, then what is coming up by day — today, tomorrow, the rest of this week, later — each planned call with its
// prep at a glance (purpose, ideal outcome, agenda) and its "Prep" button, then earlier calls. Days are the rep's
// (this window's time zone).
import { useState, type ReactNode } from 'react';
import type { Meeting, Thread } from '../../../shared/domain';
import { addDays, localCalendar, type DayKey } from '../../../shared/rules/local-days';
import { api } from '../api';
import { formatTime, formatWhen, plural } from '../ui/format';
import { STATUS_LABELS } from '../ui/labels';
import { useAction } from '../ui/useAction';
import { PrepButton, PrepForm, PrepState, usePrepToggle } from './modes/MeetingPrep';

const EARLIER_PAGE = 8;
/** A full diary holds dozens of planned calls: this week in full, what is further out one click away. */
const LATER_PAGE = 12;
/** "This week": the days after tomorrow, up to a week from today. */
const WEEK_DAYS = 7;

type Group = 'missed' | 'today' | 'tomorrow' | 'week' | 'later';
const GROUP_TITLES: Record<Group, string> = { missed: 'Not started', today: 'Today', tomorrow: 'Tomorrow', week: 'This week', later: 'Later' };

function groupOf(start: string, today: DayKey, dayOf: (ms: number) => DayKey): Group {
  const day = dayOf(Date.parse(start));
  if (day < today) return 'missed';
  if (day === today) return 'today';
  if (day === addDays(today, 1)) return 'tomorrow';
  return day < addDays(today, WEEK_DAYS) ? 'week' : 'later';
}

interface ListProps {
  meetings: Meeting[] | undefined;
  threads: Thread[];
  now: number;
}

export function MeetingList({ meetings, threads, now }: ListProps) {
  const [earlierShown, setEarlierShown] = useState(EARLIER_PAGE);
  const [laterShown, setLaterShown] = useState(LATER_PAGE);
  const [openPrep, setOpenPrep] = useState<string | null>(null);
  const all = meetings ?? [];
  const live = all.filter((m) => m.status === 'live');
  const upcoming = all.filter((m) => m.status === 'planned');
  const earlier = all.filter((m) => m.status !== 'live' && m.status !== 'planned').reverse();
  const accounts = new Map(threads.map((t) => [t.id, t.account]));
  const calendar = localCalendar();
  const today = calendar.dayOf(now);
  const groups: Record<Group, Meeting[]> = { missed: [], today: [], tomorrow: [], week: [], later: [] };
  for (const m of upcoming) groups[groupOf(m.start, today, (ms) => calendar.dayOf(ms))].push(m);
  const unprepared = upcoming.filter((m) => !m.purpose.trim()).length;

  const item = (m: Meeting) => (
    <MeetingItem
      key={m.id}
      meeting={m}
      account={accounts.get(m.threadId) ?? ''}
      now={now}
      prepOpen={openPrep === m.id}
      onPrep={(open) => setOpenPrep(open ? m.id : null)}
    />
  );

  return (
    <section className="panel" aria-labelledby="meetings-heading">
      <div className="panel__head">
        <h2 id="meetings-heading">Meetings</h2>
        {meetings ? (
          <span className="muted">
            {upcoming.length} coming up{unprepared > 0 ? `, ${unprepared} without a purpose` : ''}
          </span>
        ) : null}
      </div>
      {!meetings ? (
        <p className="empty">Loading…</p>
      ) : all.length === 0 ? (
        <p className="empty">No meetings yet. Plan your first one with the form — give it a purpose and an agenda.</p>
      ) : (
        <>
          {live.length > 0 ? (
            <ul className="meetings" aria-label="Live now">
              {live.map(item)}
            </ul>
          ) : null}
          {groups.missed.length > 0 ? (
            <DayGroup group="missed" count={groups.missed.length}>
              {groups.missed.map(item)}
            </DayGroup>
          ) : null}
          {(['today', 'tomorrow', 'week'] as const).map((group) => (
            <DayGroup key={group} group={group} count={groups[group].length}>
              {groups[group].map(item)}
            </DayGroup>
          ))}
          {groups.later.length > 0 ? (
            <DayGroup group="later" count={groups.later.length}>
              {groups.later.slice(0, laterShown).map(item)}
            </DayGroup>
          ) : null}
          {groups.later.length > laterShown ? (
            <button type="button" className="button button--quiet button--small" onClick={() => setLaterShown((n) => n + LATER_PAGE)}>
              Show more meetings coming up ({groups.later.length - laterShown} more)
            </button>
          ) : null}
          {earlier.length > 0 ? (
            <>
              <h3 className="panel__subhead">Earlier</h3>
              <ul className="meetings meetings--earlier" aria-label="Earlier">
                {earlier.slice(0, earlierShown).map(item)}
              </ul>
              {earlier.length > earlierShown ? (
                <button type="button" className="button button--quiet button--small" onClick={() => setEarlierShown((n) => n + EARLIER_PAGE)}>
                  Show more earlier meetings ({earlier.length - earlierShown} more)
                </button>
              ) : null}
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

const EMPTY: Record<Group, string> = {
  missed: '',
  today: 'Nothing more planned today.',
  tomorrow: 'Nothing planned tomorrow.',
  week: 'Nothing else planned this week. Every call should end with the next one agreed.',
  later: '',
};

function DayGroup({ group, count, children }: { group: Group; count: number; children: ReactNode }) {
  const id = `meetings-${group}`;
  return (
    <section className="meetings__day" aria-labelledby={id}>
      <h3 id={id} className="panel__subhead">
        {GROUP_TITLES[group]} <span className="muted">({plural(count, 'meeting', 'meetings')})</span>
      </h3>
      {count === 0 ? <p className="empty empty--small">{EMPTY[group]}</p> : <ul className="meetings">{children}</ul>}
    </section>
  );
}

interface ItemProps {
  meeting: Meeting;
  account: string;
  now: number;
  prepOpen: boolean;
  onPrep: (open: boolean) => void;
}

function MeetingItem({ meeting: m, account, now, prepOpen, onPrep }: ItemProps) {
  const start = useAction(async () => {
    await api.startMeeting({ id: m.id });
    await api.showWindow({ window: 'overlay' });
  });
  const showOverlay = useAction(() => api.showWindow({ window: 'overlay' }));
  const prep = usePrepToggle(m.id, prepOpen, onPrep);
  const error = start.error ?? showOverlay.error;
  const confirmed = m.confirmations.some((c) => c.kind === 'confirm');
  const done = m.agenda.filter((a) => a.done).length;
  const planned = m.status === 'planned';
  const statusClass =
    m.status === 'live' ? 'badge--accent' : m.status === 'wrapping-up' || m.status === 'no-show' ? 'badge--warning' : '';

  return (
    <li className={`meeting${m.status === 'live' ? ' meeting--live' : ''}${planned && !m.purpose.trim() ? ' meeting--unprepared' : ''}`}>
      <div className="meeting__when">
        <span className="meeting__date">{formatWhen(m.start, now, { time: false })}</span>
        <span className="meeting__time">
          {formatTime(m.start)}–{formatTime(m.end)}
        </span>
      </div>
      <div className="meeting__body">
        <div className="meeting__title-row">
          <h4 className="meeting__title">{m.title}</h4>
          {!planned ? <span className={`badge ${statusClass}`}>{STATUS_LABELS[m.status]}</span> : null}
        </div>
        <p className="meeting__meta">
          {account ? <span>{account}</span> : null}
          <span aria-hidden="true"> · </span>
          <span>{m.stage}</span>
        </p>
        {planned ? <PrepState meeting={m} /> : null}
        {m.purpose ? (
          <p className="meeting__purpose">
            <span className="meeting__label">Purpose</span> {m.purpose}
          </p>
        ) : !planned ? (
          <p className="meeting__flag">
            <span className="badge badge--warning">
              <span aria-hidden="true">⚑</span> No purpose set
            </span>
          </p>
        ) : null}
        {!planned ? (
          <p className="meeting__facts muted">
            <span>{m.agenda.length === 0 ? 'No agenda' : `Agenda ${done}/${m.agenda.length} done`}</span>
            {m.status !== 'cancelled' ? <span>{confirmed ? ' · Purpose confirmed' : ' · Purpose not confirmed'}</span> : null}
          </p>
        ) : null}
        {error ? (
          <p className="inline-error" role="alert">
            {error.message}
          </p>
        ) : null}
      </div>
      <div className="meeting__actions">
        {planned ? <PrepButton prep={prep} meeting={m} /> : null}
        {planned ? (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-label={`Start meeting: ${m.title}`}
            disabled={start.pending}
            onClick={() => void start.run()}
          >
            Start meeting
          </button>
        ) : null}
        {m.status === 'live' ? (
          <button type="button" className="button button--small" disabled={showOverlay.pending} onClick={() => void showOverlay.run()}>
            Show overlay
          </button>
        ) : null}
      </div>
      {planned && prep.open ? (
        <div className="meeting__prep">
          <PrepForm prep={prep} meeting={m} account={account} now={now} />
        </div>
      ) : null}
    </li>
  );
}
