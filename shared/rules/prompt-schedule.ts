// Runs everywhere (the overlay shows it; the core logs the answers). Which prompt the overlay shows now — at most
// one at a time, as a pure function of the meeting, the rep's answers and the clock:
//   confirm the purpose at the start (until done) -> re-confirm it mid-call -> ask for the next meeting before the
//   end -> past the end, "call over? end it".
import type { Meeting, PromptAnswer, PromptKind, Settings } from '../domain';

export type { PromptAnswer, PromptKind };

export interface Prompt {
  kind: PromptKind;
  /** When it became due (ms), so the overlay can say "since 12:04" without nagging. */
  dueAt: number;
}

type PromptMeeting = Pick<Meeting, 'start' | 'end' | 'startedAt' | 'confirmations' | 'agenda'>;

const MINUTE = 60_000;

/** When each prompt becomes due for this meeting (ms), before answers and snoozes are considered. */
export function promptTimes(meeting: PromptMeeting, prompts: Settings['prompts']): Record<PromptKind, number> {
  const start = Date.parse(meeting.start);
  const end = Date.parse(meeting.end);
  const startedAt = meeting.startedAt ? Date.parse(meeting.startedAt) : start;
  // Re-confirm half-way (configurable), or as soon as the rep reaches the last agenda item before the close.
  const halfway = start + (end - start) * prompts.reconfirmAtFraction;
  const items = meeting.agenda;
  const reachedClose = items.length >= 2 && items.slice(0, -1).every((i) => i.done);
  return {
    'confirm-purpose': startedAt,
    'reconfirm-purpose': reachedClose ? startedAt : Math.max(startedAt, halfway),
    'ask-next-meeting': Math.max(startedAt, end - prompts.askNextMinutesBefore * MINUTE),
    overtime: end,
  };
}

/** Most pressing first: time is running out beats a late confirmation. */
const PRIORITY: PromptKind[] = ['overtime', 'ask-next-meeting', 'confirm-purpose', 'reconfirm-purpose'];

function settled(kind: PromptKind, meeting: PromptMeeting, answers: PromptAnswer[], now: number): boolean {
  if (kind === 'confirm-purpose' && meeting.confirmations.some((c) => c.kind === 'confirm')) return true;
  if (kind === 'reconfirm-purpose') {
    if (!meeting.confirmations.some((c) => c.kind === 'confirm')) return true; // confirm comes first
    if (meeting.confirmations.some((c) => c.kind === 'reconfirm')) return true;
  }
  const last = answers.filter((a) => a.prompt === kind).at(-1);
  if (!last) return false;
  if (last.answer === 'done') return true;
  // A snooze holds from the moment it was taken. One taken "later" than now means the clock was set back: how much
  // of it is left cannot be known, and hiding the prompt for the length of the jump would be worse than asking again.
  const snoozedAt = Date.parse(last.at);
  return snoozedAt <= now && now < snoozedAt + (last.snoozeMinutes ?? 2) * MINUTE;
}

export function duePrompt(
  meeting: PromptMeeting,
  answers: PromptAnswer[],
  prompts: Settings['prompts'],
  now: number,
): Prompt | null {
  const times = promptTimes(meeting, prompts);
  // A live call is past its start whatever the clock says: after the clock is set back, time counts from the start.
  now = Math.max(now, times['confirm-purpose']);
  for (const kind of PRIORITY) {
    if (now >= times[kind] && !settled(kind, meeting, answers, now)) return { kind, dueAt: times[kind] };
  }
  return null;
}

/** The next moment the answer of `duePrompt` can change by time alone (for a single timer, not a ticking loop). */
export function nextPromptChange(meeting: PromptMeeting, answers: PromptAnswer[], prompts: Settings['prompts'], now: number): number | null {
  const times = Object.values(promptTimes(meeting, prompts));
  const snoozeEnds = answers
    .filter((a) => a.answer === 'snoozed')
    .map((a) => Date.parse(a.at) + (a.snoozeMinutes ?? 2) * MINUTE);
  const future = [...times, ...snoozeEnds].filter((t) => t > now);
  return future.length ? Math.min(...future) : null;
}
