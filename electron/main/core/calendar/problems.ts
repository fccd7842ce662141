// Runs in Node (main and preview). Why an event could not be read, and the one plain message that sums up a file's
// problems for the rep ("Skipped 3 events that could not be read: 2 have no start time (DTSTART) on lines 12, 40;
// 1 was cut off at the end of the file on line 90."). Kept apart so the scanner, the parser and the tests share the
// same words.

export type SkipReason =
  | 'no-start'
  | 'cut-off'
  | 'not-closed'
  | 'bad-time'
  | 'ends-before-start'
  | 'bad-rule'
  | 'too-frequent'
  | 'unreadable';

export interface Skip {
  reason: SkipReason;
  /** Line where the event begins. */
  line: number;
}

const SAYS: Record<SkipReason, [one: string, many: string]> = {
  'no-start': ['has no start time (DTSTART)', 'have no start time (DTSTART)'],
  'cut-off': ['was cut off at the end of the file', 'were cut off at the end of the file'],
  'not-closed': ['is missing its END:VEVENT line', 'are missing their END:VEVENT line'],
  'bad-time': ['has a start or end time that could not be read', 'have start or end times that could not be read'],
  'ends-before-start': ['ends before it starts', 'end before they start'],
  'bad-rule': ['has a repeat rule (RRULE) that could not be read', 'have repeat rules (RRULE) that could not be read'],
  'too-frequent': ['repeats more often than once a day', 'repeat more often than once a day'],
  unreadable: ['could not be read', 'could not be read'],
};

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** "Skipped 2 events that could not be read: 1 has no start time (DTSTART) on line 12; 1 …" — or ''. */
function describeSkips(skips: readonly Skip[]): string {
  if (skips.length === 0) return '';
  const byReason = new Map<SkipReason, number[]>();
  for (const skip of skips) byReason.set(skip.reason, [...(byReason.get(skip.reason) ?? []), skip.line]);
  const parts = [...byReason].map(([reason, lines]) => {
    const [one, many] = SAYS[reason];
    const where = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.slice(0, 3).join(', ')}${lines.length > 3 ? '…' : ''}`;
    return `${lines.length} ${plural(lines.length, one, many)} on ${where}`;
  });
  return `Skipped ${skips.length} ${plural(skips.length, 'event', 'events')} that could not be read: ${parts.join('; ')}.`;
}

interface FileProblems {
  skips: readonly Skip[];
  /** The file does not end with END:VCALENDAR. */
  cutOff: boolean;
  ignoredLines: number;
}

/** All of a file's problems in a few plain sentences, or '' for a clean file. */
export function describeProblems({ skips, cutOff, ignoredLines }: FileProblems): string {
  return [
    describeSkips(skips),
    cutOff ? 'The file seems cut off: it does not end with END:VCALENDAR, so events after the cut are missing.' : '',
    ignoredLines > 0
      ? `Ignored ${ignoredLines} ${plural(ignoredLines, 'line that is', 'lines that are')} not calendar data.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}
