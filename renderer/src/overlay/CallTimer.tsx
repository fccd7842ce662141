// Runs in the renderer. The call's elapsed time on the core's clock against its planned length.
// It ticks once a second for the whole call, so a tick costs as little as it can: no React render, only the data of
// the span's one text node rewritten (not a new node, which would rebuild the layout tree under it), and only when
// the text differs. The span is a fixed-size, fully contained box (overlay.css), so the browser re-lays out and
// repaints just those few pixels. React renders again only when "over" flips, once a call.
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { windowClock, type CoreClock } from '../ui/clock';
import { formatElapsed, minutesBetween } from '../ui/format';

interface Props {
  /** When the call really started (or, before that is known, its planned start), ISO. */
  startedAt: string;
  /** Planned start and end, ISO: the planned length. */
  start: string;
  end: string;
  clock?: CoreClock;
}

/** Rewrites the text in place; past an hour ("1:02:09") the box widens once, through a class. */
function writeElapsed(span: HTMLSpanElement, text: string): void {
  const node = span.firstChild;
  if (node instanceof Text) {
    if (node.data === text) return;
    node.data = text;
  } else span.textContent = text;
  const hours = text.length > 5;
  if (span.classList.contains(HOURS) !== hours) span.classList.toggle(HOURS, hours);
}

const HOURS = 'overlay__elapsed--hours';

/** Elapsed time on the core's clock against the planned length; turns amber once over, without flashing. */
export const CallTimer = memo(function CallTimer({ startedAt, start, end, clock = windowClock() }: Props) {
  const elapsedRef = useRef<HTMLSpanElement>(null);
  const planned = minutesBetween(start, end);
  const [over, setOver] = useState(false);

  useLayoutEffect(() => {
    const started = Date.parse(startedAt);
    const tick = () => {
      const elapsed = Math.max(0, clock.snapshot() - started);
      const text = formatElapsed(elapsed);
      const span = elapsedRef.current;
      if (span) writeElapsed(span, text);
      setOver(planned > 0 && elapsed > planned * 60_000); // the same value again is no render
    };
    const unsubscribe = clock.subscribe(tick);
    tick();
    return unsubscribe;
  }, [clock, startedAt, planned]);

  return (
    <div className={`overlay__timer${over ? ' overlay__timer--over' : ''}`} role="timer" title="Time in the call / planned length">
      {/* Filled by the tick above, never by React, so a re-render cannot put a stale time back. */}
      <span className="overlay__elapsed" ref={elapsedRef} />
      <span className="overlay__planned"> / {planned} min</span>
    </div>
  );
});
