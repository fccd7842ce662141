// Runs everywhere. The "Threads" mode: each deal as the chain the method builds — meeting -> next step -> meeting —
// with the stalled deals (open, nothing agreed ahead) first, because those are the ones slipping away.
import type { CloseOutResult, MeetingStatus, NextStepKind, Outcome, Thread, ThreadStatus } from '../../domain';
import { compareInstants, compareText, isKept, wasHeld, type ReviewIndex } from './review-index';
import { isStalledAt } from './stalled';

export type ChainLink =
  | {
      kind: 'meeting';
      id: string;
      title: string;
      at: string;
      status: MeetingStatus;
      held: boolean;
      purposeSet: boolean;
      outcome: Outcome | null;
    }
  | {
      kind: 'step';
      id: string;
      title: string;
      at: string;
      stepKind: NextStepKind;
      status: 'open' | 'done' | 'missed';
      agreed: boolean;
      kept: boolean;
      /** Open, not kept, and its date has passed. */
      overdue: boolean;
    };

/** Why a stalled deal is stalled, in the order the rep should act on them. */
export type StallReason =
  | 'wrap-up-pending' // the last call's next step is not logged yet
  | 'step-overdue' // a step's date passed and it is neither done nor moved
  | 'no-next-step'; // nothing agreed at all

export interface ThreadSummary {
  threadId: string;
  title: string;
  account: string;
  status: ThreadStatus;
  closeOut: { result: CloseOutResult; reason: string; at: string } | null;
  stalled: boolean;
  stallReason: StallReason | null;
  /** The latest meeting or step whose time has come. */
  lastActivity: string | null;
  /** The soonest open step or planned meeting still ahead. */
  next: { kind: 'meeting' | 'step'; id: string; title: string; at: string } | null;
  /** The latest step whose date passed without it being done, missed or moved. */
  overdueStep: { id: string; title: string; at: string } | null;
  /** The latest links of the chain, oldest first. */
  links: ChainLink[];
  /** Links before those (not sent, only counted). */
  earlierLinks: number;
  meetings: number;
}

export interface ThreadsView {
  /** Most recent activity first: a deal that just went quiet is the easiest to revive. */
  stalled: ThreadSummary[];
  /** Open deals with something agreed ahead, the soonest next first. */
  active: ThreadSummary[];
  /** Closed in the last two weeks, latest first. */
  closedRecently: ThreadSummary[];
}

export interface ThreadsOptions {
  /** How many of the latest links each deal shows (default 5). */
  maxLinks?: number;
  /** How far back "closed recently" reaches (default 14 days). */
  closedWithinDays?: number;
}

/** The chain of a deal: each meeting followed by the steps logged from it; a planned meeting takes its own place. */
export function chainOf(thread: Thread, index: ReviewIndex): ChainLink[] {
  const meetings = (index.meetingsByThread.get(thread.id) ?? []).filter((m) => m.status !== 'cancelled');
  const steps = index.stepsByThread.get(thread.id) ?? [];
  const stepsOf = new Map<string, typeof steps>();
  for (const step of steps) stepsOf.set(step.fromMeetingId, [...(stepsOf.get(step.fromMeetingId) ?? []), step]);
  const links: ChainLink[] = [];
  const stepLink = (step: (typeof steps)[number]): ChainLink => {
    const kept = isKept(step, index);
    return {
      kind: 'step',
      id: step.id,
      title: step.what,
      at: step.when,
      stepKind: step.kind,
      status: step.status,
      agreed: step.agreed,
      kept,
      overdue: step.status === 'open' && !kept && Date.parse(step.when) <= index.now,
    };
  };
  const placed = new Set<string>();
  for (const meeting of meetings) {
    links.push({
      kind: 'meeting',
      id: meeting.id,
      title: meeting.title,
      at: meeting.start,
      status: meeting.status,
      held: wasHeld(meeting),
      purposeSet: meeting.purpose.trim().length > 0,
      outcome: meeting.outcome ?? null,
    });
    for (const step of stepsOf.get(meeting.id) ?? []) {
      links.push(stepLink(step));
      placed.add(step.id);
    }
  }
  // Steps whose call is missing from the file (or was cancelled) still belong to the deal's story.
  for (const step of steps) if (!placed.has(step.id)) links.push(stepLink(step));
  return links;
}

function stallReason(thread: Thread, links: ChainLink[], index: ReviewIndex): StallReason {
  const meetings = index.meetingsByThread.get(thread.id) ?? [];
  if (meetings.some((m) => index.pendingWrapUpIds.has(m.id))) return 'wrap-up-pending';
  return links.some((l) => l.kind === 'step' && l.overdue) ? 'step-overdue' : 'no-next-step';
}

function nextOf(links: ChainLink[], index: ReviewIndex): ThreadSummary['next'] {
  const ahead = links.filter(
    (l) => Date.parse(l.at) > index.now && (l.kind === 'meeting' ? l.status === 'planned' : l.status === 'open'),
  );
  const soonest = ahead.sort((a, b) => compareInstants(a.at, b.at))[0];
  return soonest ? { kind: soonest.kind, id: soonest.id, title: soonest.title, at: soonest.at } : null;
}

export function threadSummary(thread: Thread, index: ReviewIndex, maxLinks = 5): ThreadSummary {
  const links = chainOf(thread, index);
  const stalled = isStalledAt(thread, index.now, index);
  const past = links.filter((l) => Date.parse(l.at) <= index.now).map((l) => l.at);
  const shown = links.slice(-maxLinks);
  const overdue = links.findLast((l) => l.kind === 'step' && l.overdue);
  return {
    threadId: thread.id,
    title: thread.title,
    account: thread.account,
    status: thread.status,
    closeOut: thread.closeOut ? { result: thread.closeOut.result, reason: thread.closeOut.reason, at: thread.closeOut.at } : null,
    stalled,
    stallReason: stalled ? stallReason(thread, links, index) : null,
    lastActivity: past.length ? past.reduce((a, b) => (compareInstants(a, b) >= 0 ? a : b)) : null,
    next: nextOf(links, index),
    overdueStep: overdue ? { id: overdue.id, title: overdue.title, at: overdue.at } : null,
    links: shown,
    earlierLinks: links.length - shown.length,
    meetings: links.filter((l) => l.kind === 'meeting').length,
  };
}

/** Latest first; nothing at all goes last. */
const latestFirst = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : compareInstants(b, a));
/** Soonest first; nothing at all goes last. */
const soonestFirst = (a: string | null, b: string | null) => latestFirst(b, a);

export function threadsFrom(index: ReviewIndex, options: ThreadsOptions = {}): ThreadsView {
  const maxLinks = options.maxLinks ?? 5;
  const closedSince = index.now - (options.closedWithinDays ?? 14) * 86_400_000;
  const view: ThreadsView = { stalled: [], active: [], closedRecently: [] };
  for (const thread of index.doc.threads) {
    if (thread.status !== 'open') {
      const at = thread.closeOut ? Date.parse(thread.closeOut.at) : -Infinity;
      if (at >= closedSince && at <= index.now) view.closedRecently.push(threadSummary(thread, index, maxLinks));
      continue;
    }
    const summary = threadSummary(thread, index, maxLinks);
    (summary.stalled ? view.stalled : view.active).push(summary);
  }
  view.stalled.sort((a, b) => latestFirst(a.lastActivity, b.lastActivity) || compareText(a.threadId, b.threadId));
  view.active.sort((a, b) => soonestFirst(a.next?.at ?? null, b.next?.at ?? null) || compareText(a.threadId, b.threadId));
  view.closedRecently.sort((a, b) => latestFirst(a.closeOut?.at ?? null, b.closeOut?.at ?? null) || compareText(a.threadId, b.threadId));
  return view;
}
