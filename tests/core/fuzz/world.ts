// The state a valid call needs, made on demand through the contract itself (Node, used by the IPC fuzz): a planned
// meeting, the live call, a call owing its wrap-up. Each is reused while it still fits and made anew when an
// accepted call has used it up (a call ended, a wrap-up logged).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pendingWrapUps } from '../../../shared/rules/wrap-up-gate';
import type { Meeting } from '../../../shared/domain';
import { discoveryCall, goodStep, iso, minutes, T0, type TestCore } from '../../support/core-harness';
import type { Ids, Need } from './valid-calls';

export class FuzzWorld {
  private made = 0;

  constructor(private readonly t: TestCore) {}

  /** Ids that fit `need`, making what is missing. */
  async prepare(need: Need): Promise<Ids> {
    switch (need) {
      case 'none':
      case 'planned':
        return this.ids(await this.newMeeting());
      case 'live':
        return this.ids(this.live() ?? (await this.newLiveCall()));
      case 'fresh-live':
        return this.ids(await this.newLiveCall());
      case 'confirmed-live': {
        const live = this.live() ?? (await this.newLiveCall());
        if (!live.confirmations.some((c) => c.kind === 'confirm')) {
          await this.t.ok('confirmPurpose', { meetingId: live.id, kind: 'confirm', result: 'agreed' });
        }
        return this.ids(live);
      }
      case 'owing':
        return this.ids(await this.owing());
      case 'logged-step': {
        const owing = await this.owing();
        await this.t.ok('logNextStep', goodStep(owing.id));
        return this.ids(owing);
      }
      case 'unheld':
        // An external call that ended half an hour ago and was never started.
        return this.ids(await this.newMeeting({ start: iso(T0 - minutes(60)), end: iso(T0 - minutes(30)) }));
      case 'quiet': {
        // No call in progress and no wrap-up owed: end the live call, then log the next step of each call owing one.
        for (const live of this.t.core.store.data.meetings.filter((m) => m.status === 'live')) await this.t.ok('endCall', { meetingId: live.id });
        for (const owing of pendingWrapUps(this.t.core.store.data)) await this.t.ok('logNextStep', goodStep(owing.id));
        return this.ids(await this.newMeeting());
      }
      case 'calendar':
        if (this.t.core.store.data.settings.calendars.length === 0) await this.t.ok('addCalendar', { path: this.newCalendarFile() });
        return this.ids(await this.newMeeting());
      case 'calendar-file':
        // Room for one more (a rep may keep 20).
        for (const c of this.t.core.store.data.settings.calendars.slice(0, -10)) await this.t.ok('removeCalendar', { id: c.id });
        return { ...this.ids(await this.newMeeting()), calendarFile: this.newCalendarFile() };
    }
  }

  /** A small valid .ics file in the test's folder, never added before. */
  private newCalendarFile(): string {
    this.made += 1;
    const path = join(this.t.dataDir, `fuzz-calendar-${this.made}.ics`);
    writeFileSync(path, ['BEGIN:VCALENDAR', 'VERSION:2.0', 'END:VCALENDAR', ''].join('\r\n'));
    return path;
  }

  /** The live call, if it has an agenda to walk (one started by a fuzzed payload may have none). */
  private live(): Meeting | undefined {
    return this.t.core.store.data.meetings.find((m) => m.status === 'live' && m.agenda.length > 0);
  }

  private async owing(): Promise<Meeting> {
    const owing = pendingWrapUps(this.t.core.store.data)[0];
    if (owing) return owing;
    const call = await this.newLiveCall();
    await this.t.ok('endCall', { meetingId: call.id });
    return call;
  }

  private newMeeting(times: { start?: string; end?: string } = {}): Promise<Meeting> {
    this.made += 1;
    return this.t.ok('createMeeting', discoveryCall({ account: `Fuzz account ${this.made}`, ...times }));
  }

  private async newLiveCall(): Promise<Meeting> {
    return this.t.ok('startMeeting', { id: (await this.newMeeting()).id });
  }

  private ids(meeting: Meeting): Ids {
    const steps = this.t.core.store.data.nextSteps;
    return {
      meetingId: meeting.id,
      threadId: meeting.threadId,
      agendaItemIds: meeting.agenda.map((i) => i.id),
      nextStepId: steps.find((s) => s.fromMeetingId === meeting.id)?.id ?? steps.at(-1)?.id ?? 'no-step-yet',
      calendarId: this.t.core.store.data.settings.calendars.at(-1)?.id ?? 'no-calendar-yet',
      calendarFile: join(this.t.dataDir, 'no-calendar-file.ics'),
    };
  }
}

/** A world's ids per need, made when first needed and reused until a call changes the store (it may have used the
 * state up: started the planned meeting, logged the owed wrap-up). A call that needs nothing keeps its ids. */
export class ReusedWorld {
  private readonly ids = new Map<Need, Ids>();
  private made = false;

  constructor(private readonly world: FuzzWorld) {}

  async idsFor(need: Need): Promise<Ids> {
    let ids = this.ids.get(need);
    if (!ids) {
      ids = await this.world.prepare(need);
      this.ids.set(need, ids);
      this.made = true;
    }
    return ids;
  }

  /** Whether ids were made (the store changed to make them) since the last time this was asked. */
  takeMade(): boolean {
    const made = this.made;
    this.made = false;
    return made;
  }

  storeChanged(): void {
    for (const need of this.ids.keys()) if (need !== 'none') this.ids.delete(need);
  }
}
