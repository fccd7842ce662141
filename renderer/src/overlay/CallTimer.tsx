// Runs in the renderer. The call's elapsed time on the core's clock against its planned length.
import type { Meeting } from '../../../shared/domain';
import { useCoreClock } from '../ui/clock';
import { formatElapsed, minutesBetween } from '../ui/format';

export /** Elapsed time on the core's clock against the planned length; turns amber once over, without flashing. */
function CallTimer({ meeting }: { meeting: Meeting }) {
  const now = useCoreClock();
  const started = Date.parse(meeting.startedAt ?? meeting.start);
  const elapsed = Math.max(0, now - started);
  const planned = minutesBetween(meeting.start, meeting.end);
  const over = planned > 0 && elapsed > planned * 60_000;
  return (
    <div className={`overlay__timer${over ? ' overlay__timer--over' : ''}`} role="timer" title="Time in the call / planned length">
      <span className="overlay__elapsed">{formatElapsed(elapsed)}</span>
      <span className="overlay__planned"> / {planned} min</span>
    </div>
  );
}
