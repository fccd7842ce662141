// Runs in the renderer. Settings › Calendars: each calendar with its name, kind, where it lives, how its last sync
// went and when one last succeeded; add one by the path of an .ics file or a feed's web address; remove one; and
// "Sync now" for all of them.
import { useState } from 'react';
import type { CalendarSource } from '../../../../shared/domain';
import { api } from '../../api';
import { errorFor, TextField } from '../../ui/fields';
import { formatWhen } from '../../ui/format';
import { useAction } from '../../ui/useAction';
import { useView } from '../../ui/useView';
import { SettingsSection } from './SettingsSection';

const listCalendars = () => api.listCalendars();

/** A web address (https, http, webcal) or else a file path. */
export const isAddress = (text: string) => /^(https?|webcals?):\/\//i.test(text.trim());

function LastSync({ calendar, now }: { calendar: CalendarSource; now: number }) {
  const sync = calendar.lastSync;
  if (!sync) return <p className="calendar__sync muted">Not synced yet.</p>;
  const when = (iso: string) => formatWhen(iso, now);
  return (
    <p className="calendar__sync">
      {sync.ok ? (
        <>
          Last sync {when(sync.at)}: OK, {sync.imported} {sync.imported === 1 ? 'event' : 'events'}
          {sync.skipped ? `, ${sync.skipped} skipped` : ''}.{sync.message ? ` ${sync.message}` : ''}
        </>
      ) : (
        <>
          <span className="calendar__failed">Last sync {when(sync.at)} failed:</span> {sync.message ?? 'the calendar could not be read.'}{' '}
          {sync.lastSuccessAt ? `Last succeeded ${when(sync.lastSuccessAt)}.` : 'It has never synced.'}
        </>
      )}
    </p>
  );
}

function CalendarItem({ calendar, now, onDone }: { calendar: CalendarSource; now: number; onDone: (text: string) => void }) {
  const remove = useAction(() => api.removeCalendar({ id: calendar.id }));
  return (
    <li className="calendar">
      <div className="calendar__body">
        <p className="calendar__title">
          <strong>{calendar.label}</strong> <span className="badge">{calendar.kind === 'file' ? 'ICS file' : 'Web feed'}</span>
        </p>
        <p className="calendar__where muted">{calendar.kind === 'file' ? calendar.path : calendar.url}</p>
        <LastSync calendar={calendar} now={now} />
        {remove.error ? (
          <p className="inline-error" role="alert">
            {remove.error.message}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={remove.pending}
        onClick={() =>
          void remove.run().then((r) => {
            if (r) onDone(`Removed ${r.removed.label}${r.cancelled ? ` — ${r.cancelled} unprepared meetings from it were cancelled` : ''}.`);
          })
        }
      >
        Remove calendar: {calendar.label}
      </button>
    </li>
  );
}

export function CalendarsSection({ now, onDone }: { now: number; onDone: (text: string) => void }) {
  const calendars = useView(listCalendars);
  const [label, setLabel] = useState('');
  const [where, setWhere] = useState('');
  const add = useAction(() => api.addCalendar({ ...(label.trim() ? { label } : {}), ...(isAddress(where) ? { url: where } : { path: where }) }));
  const sync = useAction(() => api.syncCalendars({}));
  const list = calendars.data ?? [];
  const whereError = add.error ? (errorFor(add.error.fields, 'path') ?? errorFor(add.error.fields, 'url') ?? (errorFor(add.error.fields, 'label') ? undefined : add.error.message)) : undefined;

  return (
    <SettingsSection
      id="settings-calendars"
      title="Calendars"
      wide
      lead="Events from these calendars become planned meetings. Your prep is kept when an event moves."
    >
      {list.length === 0 ? (
        <p className="empty empty--inline">No calendars yet.</p>
      ) : (
        <ul className="calendars" aria-label="Your calendars">
          {list.map((c) => (
            <CalendarItem key={c.id} calendar={c} now={now} onDone={onDone} />
          ))}
        </ul>
      )}
      {list.length > 0 ? (
        <p className="settings__actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={sync.pending}
            onClick={() =>
              void sync.run().then((results) => {
                if (results) onDone(results.map((r) => `${r.label}: ${r.message}`).join(' ') || 'Synced.');
              })
            }
          >
            {sync.pending ? 'Syncing…' : 'Sync now'}
          </button>
          {sync.error ? (
            <span className="inline-error" role="alert">
              {sync.error.message}
            </span>
          ) : null}
        </p>
      ) : null}
      <form
        className="settings__form settings__form--row"
        noValidate
        aria-labelledby="settings-add-calendar"
        onSubmit={(e) => {
          e.preventDefault();
          void add.run().then((r) => {
            if (!r) return;
            setLabel('');
            setWhere('');
            onDone(`Added ${r.calendar.label}. ${r.sync.message}`);
          });
        }}
      >
        <h4 id="settings-add-calendar" className="settings__subtitle">
          Add a calendar
        </h4>
        <TextField id="settings-calendar-label" label="Calendar name (optional)" value={label} onChange={setLabel} error={errorFor(add.error?.fields, 'label')} />
        <TextField
          id="settings-calendar-where"
          label="File path or web address"
          hint="The full path of an .ics file on this computer, or the https:// (or webcal://) address of a calendar feed."
          value={where}
          onChange={setWhere}
          error={whereError}
        />
        <div className="settings__actions">
          <button type="submit" className="button" disabled={add.pending}>
            Add calendar
          </button>
        </div>
      </form>
    </SettingsSection>
  );
}
