// Runs in the renderer. While the rep has paused the prompts (the tray's "Pause prompts for an hour"), the overlay says
// so — "Prompts paused until 14:30" — instead of going quietly blank, with a button to bring them back now.
import { api } from '../api';
import { formatTime } from '../ui/format';
import { useAction } from '../ui/useAction';

export function PausedPrompts({ until }: { until: string | null }) {
  const resume = useAction(() => api.pausePrompts({ minutes: 0 }));
  if (!until) return null;
  return (
    <p className="overlay__paused" role="status">
      <span>Prompts paused until {formatTime(until)}</span>
      <button type="button" className="button button--quiet button--small" disabled={resume.pending} onClick={() => void resume.run()}>
        Resume prompts
      </button>
      {resume.error ? <span className="inline-error">{resume.error.message}</span> : null}
    </p>
  );
}
