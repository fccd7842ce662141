// "Add to calendar": the exported invite parses with a real ICS reader, lands at the agreed instant in the rep's
// zone, invites the prospect (not the rep's colleagues), and carries the planned meeting's id as its UID.
import ical from 'node-ical';
import { afterEach, describe, expect, it } from 'vitest';
import { inviteIcs } from '../../electron/main/core/services/invites';
import { discoveryCall, goodStep, openTestCore, type TestCore } from '../support/core-harness';

process.env.TZ = 'America/New_York'; // the rep's zone for this file (each test file runs in its own process)

let t: TestCore;
afterEach(async () => t?.dispose());

async function loggedStep() {
  t = await openTestCore();
  await t.core.store.update((doc) => {
    doc.settings.ownDomains = ['oursales.com'];
  });
  const meeting = await t.ok('createMeeting', discoveryCall({ attendees: ['Dana@Acme.com', 'me@oursales.com'] }));
  await t.ok('startMeeting', { id: meeting.id });
  await t.ok('endCall', { meetingId: meeting.id });
  return t.ok('logNextStep', goodStep(meeting.id));
}

describe('next-step invite', () => {
  it('is a valid calendar event at the agreed time, in the rep’s zone, for the prospect', async () => {
    const { step, plannedMeeting } = await loggedStep();
    const { filename, ics } = await t.ok('exportInvite', { nextStepId: step.id });
    expect(filename).toMatch(/^demo-with-dana-ops-lead-\d{4}-\d{2}-\d{2}\.ics$/);
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toMatch(/DTSTART;TZID=America\/New_York:\d{8}T\d{6}\r\n/);

    const events = Object.values(ical.sync.parseICS(ics)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(event.uid).toBe(plannedMeeting!.id);
    const [start, end] = [new Date(event.start!), new Date(event.end!)];
    expect(start.toISOString()).toBe(step.when);
    expect(end.getTime() - start.getTime()).toBe(step.durationMinutes * 60_000);
    const attendees = [event.attendee].flat().map((a) => String(typeof a === 'string' ? a : a?.val).toLowerCase());
    expect(attendees).toEqual(['mailto:dana@acme.com']);
    expect(String(event.description)).toContain("Why we're meeting: Show route planning on their depot data");
  });

  it('writes UTC times with Z where the rep’s zone is UTC (never a floating time)', async () => {
    const { step } = await loggedStep();
    const ics = await inviteIcs(t.core.store.data, step, 'Etc/UTC');
    expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
    const event = Object.values(ical.sync.parseICS(ics)).find((c) => c?.type === 'VEVENT') as ical.VEvent;
    expect(new Date(event.start!).toISOString()).toBe(step.when);
  });

  it('refuses an unknown step in plain words', async () => {
    t = await openTestCore();
    expect(await t.call('exportInvite', { nextStepId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'That next step could not be found. It may have been removed.' },
    });
  });
});
