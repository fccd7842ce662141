// Runs in tests and benchmarks (Node). A believable year of one rep's work — about 2,000 meetings over ~330 deals —
// for the review's e2e test, screenshots and benchmarks. Deterministic (a seeded PRNG), built through the domain
// schemas so it validates like a real store file, and shaped the way the app writes data: each held call ends with
// a logged next step (a meeting-kind step plans the deal's next meeting) or the deal is closed out; the rep gets
// better at the method over the year (more confirmations, more agreed steps), some deals stall, some steps are
// moved with a reason, and today and tomorrow hold the mix the review exists for: calls done, one wrap-up pending,
// follow-ups due and overdue, and tomorrow's calls partly unprepared.
import {
  Meeting,
  NextStep,
  SCHEMA_VERSION,
  Settings,
  StoreDocument,
  Thread,
  type CloseOutResult,
  type NextStepChange,
  type NextStepKind,
  type Outcome,
} from '../../shared/domain';
import { addDays, isoWeekday, localCalendar, type DayKey } from '../../shared/rules/local-days';

export interface SeedOptions {
  /** The rep's "now" (ISO): the year ends here, plus two weeks of planned meetings. */
  now: string;
  /** About how many meetings (default 2,000). */
  meetings?: number;
  seed?: number;
  /** The rep's zone: calls sit at office hours there (default UTC). */
  timeZone?: string;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
type Rng = ReturnType<typeof prng>;

const COMPANIES = ['Northwind', 'Globex', 'Initech', 'Hooli', 'Acme', 'Umbrella', 'Stark', 'Wayne', 'Soylent', 'Vandelay', 'Pied Piper', 'Wonka', 'Tyrell', 'Cyberdyne', 'Oscorp', 'Dunder', 'Aperture', 'Monarch', 'Blue Sun', 'Massive Dynamic', 'Sterling', 'Prestige', 'Bluth', 'Nakatomi', 'Virtucon', 'Kramerica', 'Sirius', 'Gekko', 'Hanso', 'Ollivander'];
const TRADES = ['Logistics', 'Foods', 'Freight', 'Health', 'Retail', 'Energy', 'Labs', 'Manufacturing', 'Media', 'Insurance', 'Pharma', 'Travel', 'Telecom', 'Construction', 'Finance', 'Education'];
const PEOPLE = ['Dana', 'Priya', 'Marcus', 'Lena', 'Tom', 'Aisha', 'Jonas', 'Mei', 'Carlos', 'Sofia', 'Ravi', 'Emma', 'Noah', 'Fatima', 'Lucas', 'Hannah', 'Kenji', 'Olga', 'Samuel', 'Chloe'];
const STAGES = ['First meeting', 'Follow-up', 'Demo', 'Proposal', 'Negotiation'] as const;

const PURPOSES: Record<(typeof STAGES)[number], readonly string[]> = {
  'First meeting': ['Learn how they plan deliveries today and whether a second conversation makes sense', 'Understand what late orders cost them and who feels it most'],
  'Follow-up': ['Check we understood their two biggest problems and size them', 'Meet the operations lead and test what we heard last time'],
  Demo: ['Show route planning on their own depot data', 'Show how exceptions are handled for their busiest region'],
  Proposal: ['Walk through the proposal and check it answers their needs', 'Agree the scope and the pilot sites'],
  Negotiation: ['Settle the open terms so both sides can sign', 'Agree the start date and the pilot success criteria'],
};
const AGENDAS: Record<(typeof STAGES)[number], readonly string[]> = {
  'First meeting': ['Introductions and why we are meeting', 'How they do it today', 'What gets in the way', 'Agree the next step'],
  'Follow-up': ['Recap what we heard last time', 'Go deeper on the main problem', 'Who else should be involved', 'Agree the next step'],
  Demo: ['Confirm what they want to see', 'Demo on their case', 'Questions and concerns', 'Agree the next step'],
  Proposal: ['Recap their needs', 'Walk through the proposal', 'Open questions', 'Agree the next step'],
  Negotiation: ['List what is still open', 'Work through each point', 'Confirm what is agreed', 'Agree the next step'],
};
const NEXT_WHAT: Record<(typeof STAGES)[number], string> = {
  'First meeting': 'Follow-up call with {p} and their ops lead',
  'Follow-up': 'Demo of route planning for {p}’s team',
  Demo: 'Proposal walkthrough with {p}',
  Proposal: 'Terms call with {p} and procurement',
  Negotiation: 'Contract review with {p}',
};
const STEP_KIND: Record<(typeof STAGES)[number], NextStepKind> = {
  'First meeting': 'call',
  'Follow-up': 'demo',
  Demo: 'meeting',
  Proposal: 'video-call',
  Negotiation: 'call',
};
const TASKS = ['Send the proposal to {p}', 'Send {p} the case study from a similar depot', 'Share the pilot plan with {p}', '{p} sends their depot list'];
const MOVE_REASONS = ['Their ops lead is on holiday that week', 'They asked to move it after their board meeting', 'Clash with their quarter-end close', 'I was out sick'];
const CLOSE_REASONS: Record<CloseOutResult, readonly string[]> = {
  won: ['Signed a one-year pilot for two depots', 'Signed after the pilot proved the savings'],
  lost: ['Chose their incumbent supplier on price', 'Budget frozen until next year'],
  'not-a-fit': ['They deliver from one site; our planner is for multi-depot fleets', 'No routing problem worth solving yet'],
};
/** A booked call: its day, start instant and length. */
interface Slot {
  day: DayKey;
  start: number;
  minutes: number;
}

/** Office-hour slots in the rep's zone: [hour, minute]. */
const SLOTS: readonly [number, number][] = [[8, 0], [9, 0], [10, 0], [11, 0], [12, 0], [13, 0], [14, 0], [15, 0], [16, 0], [17, 0]];

const fill = (text: string, person: string) => text.replace('{p}', person);

export function seedYear(options: SeedOptions): StoreDocument {
  const rng: Rng = prng(options.seed ?? 20_260_302);
  const target = options.meetings ?? 2000;
  const calendar = localCalendar(options.timeZone ?? 'UTC');
  const now = Date.parse(options.now);
  const today = calendar.dayOf(now);
  const firstDay = addDays(today, -365);
  const lastDay = addDays(today, 14);
  const iso = (ms: number) => new Date(ms).toISOString();
  /** Slots already taken per day, so no two calls overlap. */
  const taken = new Map<DayKey, Set<number>>();
  /** The first free slot on or after `day` (workdays only, at most `lastDay`), taken; null when the diary is full. */
  const book = (day: DayKey): Slot | null => {
    for (let d = day; d <= lastDay; d = addDays(d, 1)) {
      if (isoWeekday(d) > 4) continue;
      const used = taken.get(d) ?? new Set<number>();
      const free = SLOTS.map((_, i) => i).filter((i) => !used.has(i));
      if (free.length === 0) continue;
      const slot = rng.pick(free);
      used.add(slot);
      taken.set(d, used);
      const [hour, minute] = SLOTS[slot]!;
      return { day: d, start: calendar.at(d, hour, minute), minutes: rng.pick([30, 30, 45, 60]) };
    }
    return null;
  };
  /** How far into the year (0..1): the rep gets better at the method. */
  const progress = (ms: number) => Math.min(1, Math.max(0, (ms - calendar.startOf(firstDay)) / (now - calendar.startOf(firstDay))));

  const threads: Thread[] = [];
  const meetings: Meeting[] = [];
  const steps: NextStep[] = [];
  let nThread = 0;
  let nMeeting = 0;
  let nStep = 0;
  const accounts = COMPANIES.flatMap((c) => TRADES.map((t) => `${c} ${t}`));

  while (meetings.length < target && nThread < accounts.length) {
    const account = accounts[(nThread * 7919) % accounts.length]!; // a fixed shuffle: every account once
    const person = rng.pick(PEOPLE);
    const threadId = `t-${String(++nThread).padStart(4, '0')}`;
    const length = rng.int(1, 9);
    const fate = rng.next();
    // Won 22%, lost 32%, not a fit 16%, stalled 16%; the rest (about 60 deals) run on into the coming weeks, started
    // in the last six weeks so the diary stays evenly full across the year.
    const closeAs: CloseOutResult | null = fate < 0.22 ? 'won' : fate < 0.54 ? 'lost' : fate < 0.7 ? 'not-a-fit' : null;
    const stalls = !closeAs && fate < 0.86;
    const runsOn = !closeAs && !stalls;
    let slot: Slot | null = book(runsOn ? addDays(today, -rng.int(3, 45)) : addDays(firstDay, rng.int(0, 330)));
    if (!slot) continue;
    const thread = Thread.parse({ id: threadId, title: account, account, contacts: [person], status: 'open', createdAt: iso(slot.start - rng.int(1, 5) * 86_400_000) });
    threads.push(thread);
    let previousStep: NextStep | null = null;

    for (let i = 0; slot; i++) {
      const stage = STAGES[Math.min(i, STAGES.length - 1)]!;
      const id = `m-${String(++nMeeting).padStart(5, '0')}`;
      const { start, day }: Slot = slot;
      const end = start + slot.minutes * 60_000;
      const past = end <= now;
      const skill = progress(start);
      const confirmations: Meeting['confirmations'] = [];
      if (past && rng.chance(0.55 + 0.35 * skill)) {
        const adjusted = rng.chance(0.12);
        confirmations.push({ kind: 'confirm', at: iso(start + 3 * 60_000), result: adjusted ? 'adjusted' : 'agreed', ...(adjusted ? { adjustedPurpose: 'Start with their busiest region' } : {}) });
        if (rng.chance(0.35 + 0.4 * skill)) confirmations.push({ kind: 'reconfirm', at: iso(start + (slot.minutes / 2) * 60_000), result: 'agreed' });
      }
      const planned = previousStep?.plannedMeetingId === id ? previousStep : null;
      meetings.push(
        Meeting.parse({
          id,
          threadId,
          title: i === 0 ? `Discovery call with ${person}` : planned ? planned.what : `${stage} with ${person}`,
          start: iso(start),
          end: iso(end),
          stage,
          // A planned meeting carries its step's point; a call the rep typed in may lack one (the review flags it).
          purpose: planned?.purpose ?? (rng.chance(past ? 0.9 + 0.08 * skill : 0.6) ? rng.pick(PURPOSES[stage]) : ''),
          idealOutcome: rng.chance(0.8) ? `${person} agrees the next step with a date` : '',
          agenda: (past || rng.chance(0.5) ? AGENDAS[stage] : []).map((text, n) => ({ id: `${id}-a${n}`, text, done: past && rng.chance(0.9) })),
          attendees: [`${person.toLowerCase()}@${account.toLowerCase().replace(/\W+/g, '')}.example`],
          source: planned ? { kind: 'next-step', nextStepId: planned.id } : { kind: 'manual' },
          status: past ? 'done' : 'planned',
          ...(past ? { startedAt: iso(start), endedAt: iso(end - 60_000), outcome: rng.pick<Outcome>(['achieved', 'achieved', 'partly', 'missed']) } : {}),
          confirmations,
        }),
      );
      if (!past) break; // the deal's next call is still ahead: nothing after it is known yet

      const last = !runsOn && i >= length - 1;
      if (last && closeAs) {
        thread.status = closeAs;
        thread.closeOut = { result: closeAs, reason: rng.pick(CLOSE_REASONS[closeAs]), at: iso(end + 10 * 60_000), meetingId: id };
        break;
      }
      // The step logged at the wrap-up: the next meeting itself, or now and then a task (always at a stall: the
      // proposal that was never sent, the list they never sent back).
      const task = last || rng.chance(0.15);
      const gapDays = rng.int(2, 12);
      const next: Slot | null = task ? null : book(addDays(day, gapDays));
      const when = next ? next.start : calendar.at(addDays(day, task ? rng.int(1, 4) : gapDays), 12, 0);
      const history: NextStepChange[] = [];
      if (rng.chance(0.08) && when - 2 * 86_400_000 > end) {
        const from = when - rng.int(1, 2) * 86_400_000;
        history.push({ action: 'rescheduled', at: iso(Math.min(from, now) - 3_600_000), from: iso(from), to: iso(when), reason: rng.pick(MOVE_REASONS) });
      }
      let status: NextStep['status'] = 'open';
      if (task && !last && when <= now && calendar.dayOf(when) !== today) {
        status = 'done';
        history.push({ action: 'done', at: iso(when) });
      } else if (last && when + 86_400_000 <= now && rng.chance(0.3)) {
        status = 'missed';
        history.push({ action: 'missed', at: iso(when + 86_400_000) });
      }
      const step = NextStep.parse({
        id: `s-${String(++nStep).padStart(5, '0')}`,
        threadId,
        fromMeetingId: id,
        kind: task ? 'task' : STEP_KIND[stage],
        what: fill(task ? rng.pick(TASKS) : NEXT_WHAT[stage], person),
        when: iso(when),
        durationMinutes: next?.minutes ?? 30,
        owner: task ? rng.pick(['me', 'prospect'] as const) : 'both',
        purpose: rng.pick(PURPOSES[STAGES[Math.min(i + 1, STAGES.length - 1)]!]),
        bring: rng.chance(0.6) ? 'A sample plan built from their depot list' : '',
        agreed: rng.chance(0.62 + 0.28 * skill),
        status,
        createdAt: iso(end + 5 * 60_000),
        ...(next ? { plannedMeetingId: `m-${String(nMeeting + 1).padStart(5, '0')}` } : {}),
        history,
      });
      steps.push(step);
      if (last) break;
      previousStep = next ? step : null;
      // After a task the rep books the next call themselves (a meeting typed in) a few days on.
      slot = next ?? book(addDays(day, gapDays));
    }
  }

  leaveOneWrapUpPending(meetings, steps, threads, today, now, calendar.dayOf.bind(calendar));
  return StoreDocument.parse({
    schemaVersion: SCHEMA_VERSION,
    threads,
    meetings,
    nextSteps: steps,
    settings: Settings.parse({}),
    drafts: [],
  });
}

/** The latest call held today whose deal is still open has its wrap-up left owed: its step (and the meeting that step
 * planned, still ahead) taken back out, as if the rep had not logged it yet. */
function leaveOneWrapUpPending(meetings: Meeting[], steps: NextStep[], threads: Thread[], today: DayKey, now: number, dayOf: (ms: number) => DayKey) {
  const stepFrom = (meetingId: string) => steps.find((s) => s.fromMeetingId === meetingId);
  const call = meetings
    .filter((m) => m.status === 'done' && dayOf(Date.parse(m.start)) === today && Date.parse(m.end) <= now)
    .filter((m) => threads.find((t) => t.id === m.threadId)?.status === 'open')
    .filter((m) => {
      const step = stepFrom(m.id);
      const planned = step?.plannedMeetingId ? meetings.find((p) => p.id === step.plannedMeetingId) : undefined;
      return !!step && (!planned || (planned.status === 'planned' && !stepFrom(planned.id)));
    })
    .sort((a, b) => b.start.localeCompare(a.start))[0];
  if (!call) return;
  const step = stepFrom(call.id)!;
  call.status = 'wrapping-up';
  steps.splice(steps.indexOf(step), 1);
  if (step.plannedMeetingId) meetings.splice(meetings.findIndex((m) => m.id === step.plannedMeetingId), 1);
}
