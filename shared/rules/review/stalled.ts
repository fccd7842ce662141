// Runs everywhere. When is a deal stalled? When it is open and nothing is agreed ahead of it: no open next step still
// to come and no planned meeting still to come. "Always have a second step" — a deal without one is drifting.
//
// The same question is asked of the past ("how many deals were stalled at the end of week 9?") for the metrics, so it
// is answered for any instant T by replaying what the store knows: a step counts from when it was logged, with the
// date in force at T (its history of moves), until it was marked done or missed; a meeting counts from when it was
// planned until it started. At T = now it is exactly the definition above, on the statuses as they are.
import type { Meeting, NextStep, Thread } from '../../domain';
import { agreedWhen, type ReviewIndex } from './review-index';

type Lookups = Pick<ReviewIndex, 'doc' | 'now' | 'meetingsByThread' | 'stepsByThread'>;

/** Is the step open and still ahead at T? */
export function stepCovers(step: NextStep, t: number, now: number): boolean {
  if (t >= now) return step.status === 'open' && Date.parse(step.when) > t;
  if (Date.parse(step.createdAt) > t) return false;
  let open = true;
  let due = Date.parse(agreedWhen(step));
  for (const change of step.history) {
    if (Date.parse(change.at) > t) break;
    if (change.action === 'rescheduled') {
      open = true;
      due = Date.parse(change.to);
    } else open = false;
  }
  // Files from before the history: a done or missed step with no record of when is taken to have closed on its date.
  if (open && step.status !== 'open' && !step.history.some((c) => c.action === step.status)) {
    open = t < Math.min(Date.parse(step.when), now);
  }
  return open && t < due;
}

/** Is the meeting planned and still ahead at T? (`knownAt`: when it was put in the diary.) */
export function meetingCovers(meeting: Meeting, t: number, now: number, knownAt: number): boolean {
  if (t >= now) return meeting.status === 'planned' && Date.parse(meeting.start) > t;
  if (meeting.status === 'cancelled' || knownAt > t) return false;
  const began = meeting.startedAt ? Date.parse(meeting.startedAt) : Infinity;
  return t < Date.parse(meeting.start) && t < began;
}

export function isOpenAt(thread: Thread, t: number, now: number): boolean {
  if (t >= now) return thread.status === 'open';
  if (Date.parse(thread.createdAt) > t) return false;
  return thread.closeOut ? t < Date.parse(thread.closeOut.at) : thread.status === 'open';
}

/** When a meeting entered the diary: with the step that planned it, else (typed in or imported) with its deal. */
function knownAt(meeting: Meeting, thread: Thread, stepById: ReadonlyMap<string, NextStep>): number {
  const source = meeting.source;
  const step = source.kind === 'next-step' ? stepById.get(source.nextStepId) : undefined;
  return Date.parse(step?.createdAt ?? thread.createdAt);
}

type Span = readonly [from: number, to: number];

/** The spans before now in which a step was open and still ahead: `stepCovers` unrolled, so a question about many
 * instants compares numbers instead of replaying the history each time. */
export function stepSpans(step: NextStep, now: number): Span[] {
  const created = Date.parse(step.createdAt);
  const unrecorded = step.status !== 'open' && !step.history.some((c) => c.action === step.status);
  const limit = Math.min(now, unrecorded ? Math.min(Date.parse(step.when), now) : Infinity);
  const spans: Span[] = [];
  let from = created;
  let open = true;
  let due = Date.parse(agreedWhen(step));
  for (const change of step.history) {
    const at = Math.max(from, Date.parse(change.at)); // a change takes effect once every change before it has
    if (open && Math.min(at, due, limit) > from) spans.push([from, Math.min(at, due, limit)]);
    from = at;
    if (change.action === 'rescheduled') {
      open = true;
      due = Date.parse(change.to);
    } else open = false;
  }
  if (open && Math.min(due, limit) > from) spans.push([from, Math.min(due, limit)]);
  return spans;
}

/** A deal's life before now: open from/until, and the spans in which something was agreed ahead of it. */
interface DealTimeline {
  thread: Thread;
  openFrom: number;
  openUntil: number;
  spans: Span[];
}

function timelineOf(thread: Thread, index: Lookups, stepById: ReadonlyMap<string, NextStep>): DealTimeline {
  const spans: Span[] = [];
  for (const step of index.stepsByThread.get(thread.id) ?? []) spans.push(...stepSpans(step, index.now));
  for (const meeting of index.meetingsByThread.get(thread.id) ?? []) {
    if (meeting.status === 'cancelled') continue;
    const until = Math.min(Date.parse(meeting.start), meeting.startedAt ? Date.parse(meeting.startedAt) : Infinity, index.now);
    const from = knownAt(meeting, thread, stepById);
    if (until > from) spans.push([from, until]);
  }
  const openUntil = thread.closeOut ? Date.parse(thread.closeOut.at) : thread.status === 'open' ? Infinity : -Infinity;
  return { thread, openFrom: Date.parse(thread.createdAt), openUntil, spans };
}

/** Is this open deal without anything agreed ahead of it at T? */
export function isStalledAt(thread: Thread, t: number, index: Lookups): boolean {
  if (!isOpenAt(thread, t, index.now)) return false;
  const steps = index.stepsByThread.get(thread.id) ?? [];
  if (steps.some((s) => stepCovers(s, t, index.now))) return false;
  const stepById = new Map(steps.map((s) => [s.id, s]));
  const meetings = index.meetingsByThread.get(thread.id) ?? [];
  return !meetings.some((m) => meetingCovers(m, t, index.now, knownAt(m, thread, stepById)));
}

/** Counts the deals stalled at any instant; built once, asked for every week and month of the metrics. */
export function stalledCounter(index: Lookups): (t: number) => number {
  const stepById = new Map(index.doc.nextSteps.map((s) => [s.id, s]));
  const timelines = index.doc.threads.map((thread) => timelineOf(thread, index, stepById));
  return (t) => {
    if (t >= index.now) return index.doc.threads.reduce((n, thread) => n + (isStalledAt(thread, t, index) ? 1 : 0), 0);
    let count = 0;
    for (const d of timelines) {
      if (t >= d.openFrom && t < d.openUntil && !d.spans.some(([from, to]) => from <= t && t < to)) count += 1;
    }
    return count;
  };
}
