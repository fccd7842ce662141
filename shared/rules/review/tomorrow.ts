// Runs everywhere. The "Tomorrow" mode: tomorrow's planned calls, the ones still missing the two things the method
// asks before any call — its point (purpose) and an agenda — first, so the rep leaves today with tomorrow prepared.
import type { Meeting } from '../../domain';
import { addDays, type DayKey } from '../local-days';
import { accountOf, compareInstants, compareText, type ReviewIndex } from './review-index';

export type PrepGap = 'purpose' | 'agenda';

export interface TomorrowMeeting {
  /** The whole meeting: "Prep" opens it for editing. */
  meeting: Meeting;
  account: string;
  /** What it still lacks; empty when it is ready. */
  missing: PrepGap[];
}

export interface TomorrowView {
  day: DayKey;
  /** Unprepared first, then by start. */
  meetings: TomorrowMeeting[];
  unprepared: number;
}

export function tomorrowFrom(index: ReviewIndex): TomorrowView {
  const day = addDays(index.calendar.dayOf(index.now), 1);
  const meetings = index.doc.meetings
    .filter((m) => m.status === 'planned' && index.calendar.dayOf(Date.parse(m.start)) === day)
    .map((meeting): TomorrowMeeting => {
      const missing: PrepGap[] = [];
      if (!meeting.purpose.trim()) missing.push('purpose');
      if (meeting.agenda.length === 0) missing.push('agenda');
      return { meeting, account: accountOf(index, meeting.threadId), missing };
    })
    .sort(
      (a, b) =>
        Number(a.missing.length === 0) - Number(b.missing.length === 0) ||
        compareInstants(a.meeting.start, b.meeting.start) ||
        compareText(a.meeting.id, b.meeting.id),
    );
  return { day, meetings, unprepared: meetings.filter((m) => m.missing.length > 0).length };
}
