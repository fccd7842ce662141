// Runs in the renderer. The "Next steps" region: what was agreed, when, and whether the prospect said yes to it —
// the steps still ahead first, then the most recent others (a year holds thousands: the rest are one click away).
import { StepBadges } from './StepBadges';
import { useMemo, useState } from 'react';
import type { NextStep, Thread } from '../../../shared/domain';
import { formatWhen } from '../ui/format';
import { OWNER_LABELS } from '../ui/labels';

const STEP_STATUS = { open: '', done: 'Done', missed: 'Missed' } as const;
const PAGE = 8;

/** The steps by their time, soonest first and latest first (ties in the order given). */
function byWhen(steps: NextStep[]) {
  const at = new Map(steps.map((s) => [s, Date.parse(s.when)]));
  const time = (s: NextStep) => at.get(s)!;
  return { time, soonest: [...steps].sort((a, b) => time(a) - time(b)), latest: [...steps].sort((a, b) => time(b) - time(a)) };
}

export function NextStepList({ steps, threads, now }: { steps: NextStep[] | undefined; threads: Thread[]; now: number }) {
  const [shown, setShown] = useState(PAGE);
  // Sorted once per answer, not on every minute's render: a year holds thousands of steps.
  const sorted = useMemo(() => byWhen(steps ?? []), [steps]);
  const ahead = sorted.soonest.filter((s) => s.status === 'open' && sorted.time(s) > now);
  const aheadIds = new Set(ahead.map((s) => s.id));
  const earlier = sorted.latest.filter((s) => !aheadIds.has(s.id));
  const ordered = [...ahead, ...earlier.slice(0, shown)];
  return (
    <section className="panel" aria-labelledby="next-steps-heading">
      <div className="panel__head">
        <h2 id="next-steps-heading">Next steps</h2>
      </div>
      {!steps ? (
        <p className="empty">Loading…</p>
      ) : ordered.length === 0 ? (
        <p className="empty">No next steps yet. They appear here as you wrap up your calls.</p>
      ) : (
        <ul className="steps">
          {ordered.map((s) => (
            <li key={s.id} className={`step${s.status !== 'open' ? ' step--closed' : ''}`}>
              <div className="step__main">
                <p className="step__what">{s.what}</p>
                <p className="step__when">{formatWhen(s.when, now, { alwaysWeekday: true })}</p>
              </div>
              <p className="step__meta">
                <StepBadges step={s} />
                {s.status !== 'open' ? <span className="badge">{STEP_STATUS[s.status]}</span> : null}
                <span className="muted">
                  {threads.find((t) => t.id === s.threadId)?.account ?? ''} · Owner: {OWNER_LABELS[s.owner]}
                </span>
              </p>
              {s.purpose ? <p className="step__purpose muted">{s.purpose}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {earlier.length > shown ? (
        <button type="button" className="button button--quiet button--small" onClick={() => setShown((n) => n + PAGE * 3)}>
          Show more earlier next steps ({earlier.length - shown} more)
        </button>
      ) : null}
    </section>
  );
}
