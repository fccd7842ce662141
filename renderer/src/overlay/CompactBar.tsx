// Runs in the renderer. The overlay as one line, for reps who want the face on the call to have the screen:
// the meeting, where we are in the agenda, the time, and the one prompt due now with its hotkey.
import type { LiveView } from '../../../shared/views';
import { Kbd } from '../ui/Kbd';
import { CallTimer } from './CallTimer';
import { LookToggle } from './LookToggle';

const PROMPT_WORDS = {
  'confirm-purpose': ['Confirm the purpose', 'answerYes'],
  'reconfirm-purpose': ['Re-confirm the purpose', 'answerYes'],
  'ask-next-meeting': ['Ask for the next meeting', 'answerYes'],
  overtime: ['Call over? End it', 'endCall'],
} as const;

export function CompactBar({ view }: { view: LiveView }) {
  const { meeting, thread, prompt, hotkeys } = view;
  const current = meeting.agenda.find((i) => !i.done);
  const [words, key] = prompt ? PROMPT_WORDS[prompt.kind] : [null, null];
  return (
    <main className="overlay overlay--compact">
      <h1 className="compact__line">
        <span className="compact__account">{thread.account}</span>
        {current ? <span className="compact__item">▸ {current.text}</span> : null}
      </h1>
      <CallTimer meeting={meeting} />
      {words ? (
        <p className="compact__prompt" role="status">
          <span aria-hidden="true">⚑ </span>
          {words} <Kbd accelerator={hotkeys[key!]} />
        </p>
      ) : null}
      <LookToggle compact />
    </main>
  );
}
