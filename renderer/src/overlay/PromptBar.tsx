// Runs in the renderer. The core's other prompts, one at a time and quiet: "ask for the next meeting" (with a quick
// note that pre-fills the wrap-up) and "past the end — call over?". Ignoring a prompt is fine; "Later" snoozes it.
import { useState } from 'react';
import type { HotkeyAction, Meeting } from '../../../shared/domain';
import type { Prompt } from '../../../shared/rules/prompt-schedule';
import { api } from '../api';
import { SnoozeButton, useSnooze } from './SnoozeButton';
import { errorFor, FieldMessage } from '../ui/fields';
import { Kbd } from '../ui/Kbd';
import { useAction } from '../ui/useAction';

interface Props {
  meeting: Meeting;
  prompt: Prompt | null;
  hotkeys: Partial<Record<HotkeyAction, string>>;
  onMeeting: (m: Meeting) => void;
}

export function PromptBar({ meeting, prompt, hotkeys, onMeeting }: Props) {
  const [note, setNote] = useState(meeting.nextStepJot);
  const snooze = useSnooze(meeting);
  const jot = useAction(async () => {
    const saved = note.trim()
      ? await api.jotNextStep({ meetingId: meeting.id, text: note })
      : await api.answerPrompt({ meetingId: meeting.id, answer: 'yes' });
    void api.releaseFocus(); // typing is done: the keyboard goes back to the call
    return saved;
  });
  if (prompt?.kind !== 'ask-next-meeting' && prompt?.kind !== 'overtime') return null;
  const error = jot.error ?? snooze.error;
  const noteError = errorFor(jot.error?.fields, 'text');

  const later = <SnoozeButton snooze={snooze} accelerator={hotkeys.snoozePrompt} />;

  if (prompt.kind === 'overtime') {
    return (
      <div className="prompt">
        <p className="prompt-line">
          <span aria-hidden="true">⚑ </span>
          <span className="prompt-line__text">Past the planned end — is the call over?</span>
          <Kbd accelerator={hotkeys.endCall} />
        </p>
        <div className="purpose-check__choices">{later}</div>
        {error ? <p className="inline-error" role="alert">{error.message}</p> : null}
      </div>
    );
  }

  return (
    <form
      className="prompt"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const updated = await jot.run();
        if (updated) onMeeting(updated);
      }}
    >
      <p className="prompt-line">
        <span aria-hidden="true">⚑ </span>
        <label htmlFor="ov-jot" className="prompt-line__text">
          Ask for the next meeting
        </label>
        <Kbd accelerator={hotkeys.answerYes} />
      </p>
      <input
        id="ov-jot"
        className="input input--compact"
        value={note}
        placeholder="e.g. tue 3pm demo with Dana"
        autoComplete="off"
        aria-describedby={noteError ? 'ov-jot-error' : 'ov-jot-hint'}
        aria-invalid={noteError ? true : undefined}
        onChange={(e) => setNote(e.target.value)}
      />
      {noteError ? <FieldMessage id="ov-jot-error">{noteError}</FieldMessage> : null}
      <p id="ov-jot-hint" className="visually-hidden">
        A quick note of what you agreed; it pre-fills the wrap-up.
      </p>
      <div className="purpose-check__choices">
        <button type="submit" className="button button--small" disabled={jot.pending}>
          Save note
        </button>
        {later}
      </div>
      {error && !noteError ? <p className="inline-error" role="alert">{error.message}</p> : null}
    </form>
  );
}
