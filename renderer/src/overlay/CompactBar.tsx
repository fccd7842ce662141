// Runs in the renderer. The overlay as one line, for reps who want the face on the call to have the screen:
// the meeting, where we are in the agenda, the time, and the one prompt due now with its hotkey.
import type { LiveView } from '../../../shared/views';
import { formatTime } from '../ui/format';
import { Kbd } from '../ui/Kbd';
import { CallTimer } from './CallTimer';
import { LookToggle } from './LookToggle';

const PROMPT_WORDS = {
  'confirm-purpose': ['Confirm purpose', 'answerYes'],
  'reconfirm-purpose': ['Re-confirm purpose', 'answerYes'],
  'ask-next-meeting': ['Ask for next meeting', 'answerYes'],
  overtime: ['Call over? End it', 'endCall'],
} as const;

export function CompactBar({ view }: { view: LiveView }) {
  const { meeting, thread, prompt, hotkeys } = view;
  const current = meeting.agenda.find((i) => !i.done);
  const [words, key] = prompt ? PROMPT_WORDS[prompt.kind] : [null, null];
  return (
    <main className="overlay overlay--compact">
      {/* Where we are matters most on one line; the meeting and account are in the title (and the full view). */}
      <h1 className="compact__line" title={`${meeting.title} · ${thread.account}`}>
        {current ? <span className="compact__item">▸ {current.text}</span> : <span>{thread.account}</span>}
      </h1>
      <CallTimer startedAt={meeting.startedAt ?? meeting.start} start={meeting.start} end={meeting.end} />
      {words ? (
        <p className="compact__prompt" role="status">
          <span aria-hidden="true">⚑ </span>
          <span className="compact__prompt-text">{words}</span> <Kbd accelerator={hotkeys[key!]} />
        </p>
      ) : view.promptsPausedUntil ? (
        <p className="compact__prompt" role="status">
          Prompts paused until {formatTime(view.promptsPausedUntil)}
        </p>
      ) : null}
      <LookToggle compact />
    </main>
  );
}
