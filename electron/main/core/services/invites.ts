// Runs in Node (main and preview). "Add to calendar": an .ics invite for a logged next step, so the rep can send it
// to the prospect straight from the wrap-up. Its UID is the planned meeting's id, so when the invite comes back
// through a calendar sync it is recognised as that meeting, never imported as a copy. Times carry the rep's own
// zone (TZID + VTIMEZONE), so the prospect's calendar shows the step at the agreed wall-clock time.
import type { Handlers } from '../../../../shared/contract';
import type { NextStep, StoreDocument } from '../../../../shared/domain';
import { notFound } from '../errors';
import { findMeeting, findThread, type ServiceContext } from './context';

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** The prospect's side of the call: attendee and contact emails outside the rep's own domains. */
function prospectEmails(doc: StoreDocument, step: NextStep): string[] {
  const meeting = findMeeting(doc, step.fromMeetingId);
  const thread = findThread(doc, step.threadId);
  const own = doc.settings.ownDomains;
  const outside = (email: string) => !own.includes(email.split('@')[1]!.toLowerCase());
  return [...new Set([...meeting.attendees, ...thread.contacts].map((e) => e.trim().toLowerCase()))].filter(
    (e) => EMAIL.test(e) && outside(e),
  );
}

/** The rep's time zone, as the OS reports it to this process (the one `Date`'s local getters use). */
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** ical-generator writes a UTC zone as a floating time (no zone at all): for UTC, write plain `Z` times instead. */
const isUtc = (zone: string) => /^(Etc\/)?(UTC|UCT|GMT|Zulu|Universal)$/i.test(zone);

/** Loaded on the first export, not at start-up: the generator and its zone table are only needed here. */
const libraries = () => Promise.all([import('ical-generator'), import('timezones-ical-library')]);

export async function inviteIcs(doc: StoreDocument, step: NextStep, zone = localZone()): Promise<string> {
  const [{ default: ical }, { tzlib_get_ical_block }] = await libraries();
  const thread = findThread(doc, step.threadId);
  const calendar = ical({ prodId: { company: 'Second Step', product: 'Second Step', language: 'EN' } });
  const zoned = !isUtc(zone);
  if (zoned) calendar.timezone({ name: zone, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null });
  const start = new Date(step.when);
  calendar.createEvent({
    id: step.plannedMeetingId ?? step.id,
    start,
    end: new Date(start.getTime() + step.durationMinutes * 60_000),
    ...(zoned ? { timezone: zone } : {}),
    summary: `${step.what} (${thread.account})`,
    description: [`Why we're meeting: ${step.purpose}`, step.bring ? `What we'll bring: ${step.bring}` : ''].filter(Boolean).join('\n'),
    attendees: prospectEmails(doc, step).map((email) => ({ email, rsvp: true })),
  });
  return calendar.toString();
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'next-step';

export function invitesService(ctx: ServiceContext) {
  return {
    async exportInvite({ nextStepId }) {
      // An invite can be exported again for an old step too, filed in the history.
      const doc = ctx.store.data.nextSteps.some((s) => s.id === nextStepId) ? ctx.store.data : await ctx.store.whole();
      const step = doc.nextSteps.find((s) => s.id === nextStepId);
      if (!step) throw notFound('That next step');
      return { filename: `${slug(step.what)}-${step.when.slice(0, 10)}.ics`, ics: await inviteIcs(doc, step) };
    },
  } satisfies Pick<Handlers, 'exportInvite'>;
}
