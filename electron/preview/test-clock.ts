// Runs in Node (the browser-preview host). Test-only time control, OFF unless the preview was started with
// --test-clock: `POST /__test/clock` with `{ "advanceMs": n }` or `{ "now": "<iso>" }` moves the core's TestClock, so
// e2e tests can reach "the call ran 40 minutes" or "the next step is tomorrow" without waiting. The core hears the
// jump through `clock.onJump` and tells the windows (the `clock` event).
import { z } from 'zod';
import type { Reply } from '../../shared/contract';
import { builtOnFirstUse } from '../../shared/domain/primitives';
import type { TestClock } from '../main/core/clock';

export const TEST_CLOCK_PATH = '/__test/clock';

/** Built on the first move, not at start-up (see builtOnFirstUse). */
const ClockMove = builtOnFirstUse(() =>
  z.union([
    z.strictObject({ advanceMs: z.number().int().min(0, 'The clock only moves forward.').max(10 * 365 * 86_400_000) }),
    z.strictObject({ now: z.iso.datetime({ offset: true }) }),
  ]),
);

/** Parses an ISO instant for `--now` (a plain date is taken as UTC midnight). Throws a plain sentence. */
export function parseNow(value: string): number {
  const at = Date.parse(value);
  if (!Number.isFinite(at)) throw new Error(`--now is not a date and time: ${value}`);
  return at;
}

/** Applies one move to the clock; answers with a Reply envelope holding the new `now` (ms) and its ISO form. */
export function moveClock(clock: TestClock, body: unknown): Reply<{ now: number; iso: string }> {
  const parsed = ClockMove.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid', message: 'Send { "advanceMs": <ms ≥ 0> } or { "now": "<ISO date-time with offset>" }.' },
    };
  }
  if ('advanceMs' in parsed.data) clock.advance(parsed.data.advanceMs);
  else clock.set(Date.parse(parsed.data.now));
  const now = clock.now();
  return { ok: true, value: { now, iso: new Date(now).toISOString() } };
}
