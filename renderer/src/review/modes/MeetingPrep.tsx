// Runs in the renderer. A planned meeting's prep, wherever it is listed (Plan, Tomorrow): what it has at a glance —
// purpose, ideal outcome, agenda — with a missing purpose flagged, and the "Prep" button that opens the meeting form in
// place. One prep is open at a time (the list decides); focus goes into it when it opens and back to its button when
// it closes.
import { useRef, type RefObject } from 'react';
import type { Meeting } from '../../../../shared/domain';
import { plural } from '../../ui/format';
import { MeetingForm } from '../MeetingForm';

/** The three things the method asks before a call, each set or not, in words (the marks are decoration). */
export function PrepState({ meeting }: { meeting: Meeting }) {
  const purpose = meeting.purpose.trim() !== '';
  const ideal = meeting.idealOutcome.trim() !== '';
  const agenda = meeting.agenda.length;
  return (
    <ul className="prep-state" aria-label="Prep">
      <li>
        {purpose ? (
          <span className="prep-state__set">
            <span aria-hidden="true">✓</span> Purpose
          </span>
        ) : (
          <span className="badge badge--warning">
            <span aria-hidden="true">⚑</span> No purpose set
          </span>
        )}
      </li>
      <li className={ideal ? 'prep-state__set' : 'prep-state__unset'}>
        <span aria-hidden="true">{ideal ? '✓' : '–'}</span> {ideal ? 'Ideal outcome' : 'No ideal outcome'}
      </li>
      <li className={agenda ? 'prep-state__set' : 'prep-state__unset'}>
        <span aria-hidden="true">{agenda ? '✓' : '–'}</span> {agenda ? `Agenda: ${plural(agenda, 'item', 'items')}` : 'No agenda'}
      </li>
    </ul>
  );
}

export interface PrepToggle {
  open: boolean;
  regionId: string;
  button: RefObject<HTMLButtonElement | null>;
  firstField: RefObject<HTMLInputElement | null>;
  toggle: () => void;
  close: () => void;
}

export function usePrepToggle(meetingId: string, open: boolean, onToggle: (open: boolean) => void): PrepToggle {
  const button = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const close = () => {
    onToggle(false);
    requestAnimationFrame(() => button.current?.focus());
  };
  const toggle = () => {
    if (open) return close();
    onToggle(true);
    requestAnimationFrame(() => firstField.current?.focus());
  };
  return { open, regionId: `prep-${meetingId}`, button, firstField, toggle, close };
}

/** "Prep", the main action of a meeting that still lacks its point or agenda; quieter once it is ready. */
export function PrepButton({ prep, meeting }: { prep: PrepToggle; meeting: Meeting }) {
  const ready = meeting.purpose.trim() !== '' && meeting.agenda.length > 0;
  return (
    <button
      ref={prep.button}
      type="button"
      className={`button button--small${ready ? ' button--secondary' : ''}`}
      aria-expanded={prep.open}
      aria-controls={prep.open ? prep.regionId : undefined}
      onClick={prep.toggle}
    >
      Prep<span className="visually-hidden">: {meeting.title}</span>
    </button>
  );
}

export function PrepForm({ prep, meeting, account, now }: { prep: PrepToggle; meeting: Meeting; account: string; now: number }) {
  if (!prep.open) return null;
  return (
    <section id={prep.regionId} className="prep__form" aria-labelledby={`${prep.regionId}-heading`}>
      <h3 id={`${prep.regionId}-heading`} className="prep__heading">
        Prep: {meeting.title}
      </h3>
      <MeetingForm
        idPrefix={prep.regionId}
        target={{ kind: 'edit', meeting, account }}
        now={now}
        submitLabel="Save prep"
        onCancel={prep.close}
        firstFieldRef={prep.firstField}
      />
    </section>
  );
}
