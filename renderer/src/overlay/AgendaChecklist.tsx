// Runs in the renderer. The overlay's agenda: one checkbox per item, the current item (the first not done) marked.
import { useState } from 'react';
import type { Meeting } from '../../../shared/domain';
import { api, toApiError, type ApiError } from '../api';
import { Kbd } from '../ui/Kbd';

export function AgendaChecklist({ meeting, hotkey, onMeeting }: { meeting: Meeting; hotkey?: string | undefined; onMeeting: (m: Meeting) => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  // Not single-flight: ticking two items quickly must record both (each answer is the whole, up-to-date meeting).
  const toggle = (itemId: string, done: boolean) => {
    setError(null);
    api.setAgendaItemDone({ meetingId: meeting.id, itemId, done }).then(onMeeting, (e: unknown) => setError(toApiError(e)));
  };
  const items = meeting.agenda;
  const current = items.findIndex((i) => !i.done);
  const done = items.length - items.filter((i) => !i.done).length;

  return (
    <section className="overlay__section" aria-labelledby="ov-agenda">
      <div className="overlay__agenda-head">
        <h2 className="overlay__eyebrow" id="ov-agenda">
          Agenda
        </h2>
        {items.length > 0 ? (
          <span className="visually-hidden">
            {done} of {items.length} done
          </span>
        ) : null}
        {current >= 0 ? (
          <button
            type="button"
            className="button button--quiet button--tiny"
            aria-keyshortcuts={hotkey}
            onClick={() => {
              setError(null);
              api.nextAgendaItem({ meetingId: meeting.id }).then(onMeeting, (e: unknown) => setError(toApiError(e)));
            }}
          >
            Next item <Kbd accelerator={hotkey} />
          </button>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="muted overlay__small">No agenda for this call.</p>
      ) : (
        <ul className="agenda" aria-labelledby="ov-agenda">
          {items.map((item, index) => {
            const id = `ov-item-${item.id}`;
            const isCurrent = index === current;
            return (
              <li
                key={item.id}
                className={`agenda__item${item.done ? ' agenda__item--done' : ''}${isCurrent ? ' agenda__item--current' : ''}`}
                aria-current={isCurrent ? 'step' : undefined}
              >
                <input
                  id={id}
                  type="checkbox"
                  className="agenda__box"
                  checked={item.done}
                  onChange={(e) => toggle(item.id, e.target.checked)}
                />
                <label htmlFor={id} className="agenda__text">
                  {item.text}
                </label>
                {item.minutes ? <span className="agenda__minutes">{item.minutes}′</span> : null}
              </li>
            );
          })}
        </ul>
      )}
      {error ? (
        <p className="inline-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </section>
  );
}
