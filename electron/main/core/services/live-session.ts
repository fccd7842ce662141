// Runs in Node (main and preview). The call itself: start it, confirm (and re-confirm) its point with the
// prospect, walk the agenda, answer the overlay's prompts, end it. Ending a gated call persists the pending wrap-up
// before anything is shown. One timer on the core's clock wakes the windows exactly when the due prompt changes
// (and ends a call left running past the hard limit), so no window needs a polling loop.
import type { Handlers, MethodInput } from '../../../../shared/contract';
import { clip, MEETING_LIMITS, plannedMeeting, type Meeting, type StoreDocument } from '../../../../shared/domain';
import { meetingToStart } from '../../../../shared/rules/next-meeting';
import { duePrompt, nextPromptChange } from '../../../../shared/rules/prompt-schedule';
import { isGated, pendingWrapUps } from '../../../../shared/rules/wrap-up-gate';
import { effectiveHotkeys } from '../hotkeys';
import { conflict, invalid } from '../errors';
import { PAUSED, pausedUntil, promptsPaused } from './prompts-pause';
import { advance, findMeeting, findThread, newId, type ServiceContext } from './context';
import { openThreadFor } from './meetings';
import { liveMeeting } from '../../../../shared/rules/open-meetings';

const MINUTE = 60_000;

function findLive(doc: StoreDocument, id: string | undefined): Meeting {
  const meeting = id ? findMeeting(doc, id) : liveMeeting(doc);
  if (meeting?.status !== 'live') throw conflict('There is no call in progress.');
  return meeting;
}

export function liveSessionService(ctx: ServiceContext) {
  const hardLimit = (m: Meeting) => Date.parse(m.end) + ctx.store.data.settings.prompts.hardLimitMinutes * MINUTE;

  /** Ends a call inside a change; its wrap-up (if gated) is then owed. */
  function endInside(doc: StoreDocument, meeting: Meeting): void {
    advance(doc, meeting, 'end');
    meeting.endedAt = ctx.nowIso();
    // The step that planned this meeting has now happened.
    const origin = meeting.source.kind === 'next-step' ? meeting.source.nextStepId : null;
    const step = doc.nextSteps.find((s) => s.id === origin);
    if (step?.status === 'open') step.status = 'done';
  }

  /** After a call ends (and only once that is on disk): the overlay goes, the wrap-up comes unless a call is live. */
  function announceEnded(meeting: Meeting): void {
    const doc = ctx.store.data;
    if (!liveMeeting(doc)) ctx.emit('window', { window: 'overlay', action: 'hide' });
    if (isGated(meeting, doc.settings) && !liveMeeting(doc)) ctx.emit('window', { window: 'wrapup', action: 'show' });
  }

  let cancelTimer = () => {};
  /** Arms the one timer: the next moment the due prompt changes, or the hard limit of a call left running. */
  function armTimer(): void {
    cancelTimer();
    const doc = ctx.store.data;
    const meeting = liveMeeting(doc);
    if (!meeting) return;
    const now = ctx.clock.now();
    const change = nextPromptChange(meeting, meeting.promptAnswers, doc.settings.prompts, now);
    const at = Math.min(change ?? Infinity, Math.max(now, hardLimit(meeting)));
    cancelTimer = ctx.clock.at(at, () => void onTimer(meeting.id));
  }

  async function onTimer(meetingId: string): Promise<void> {
    const meeting = ctx.store.data.meetings.find((m) => m.id === meetingId);
    if (meeting?.status === 'live' && ctx.clock.now() >= hardLimit(meeting)) {
      // The rep never ended it: end it now so its wrap-up is owed (and shown) rather than forgotten.
      await ctx.mutate((doc) => endInside(doc, findMeeting(doc, meetingId))).catch(() => {});
      announceEnded(meeting);
    } else {
      ctx.emit('changed', { revision: ctx.revision() });
    }
    armTimer();
  }

  /** Wraps a change to the live call: re-arm the timer once it is on disk. */
  const live = async <T>(change: (doc: StoreDocument) => T): Promise<T> => {
    const result = await ctx.mutate(change);
    armTimer();
    return result;
  };

  armTimer(); // the app may restart in the middle of a call
  ctx.onChanged(armTimer); // and any change may bring one in (a restore from a backup taken during a call)

  async function startMeeting(id: string): Promise<Meeting> {
    let ended: Meeting | null = null;
    const meeting = await live((doc) => {
      const target = findMeeting(doc, id);
      const running = liveMeeting(doc);
      if (running && running.id !== id) {
        // The next call starting is the moment the last one is over: end it, its wrap-up waits in the queue.
        endInside(doc, running);
        ended = running;
      }
      advance(doc, target, 'start');
      target.startedAt = ctx.nowIso();
      return target;
    });
    // A wrap-up still owed from an earlier call must not cover this one: it waits until this call ends.
    if (ended || pendingWrapUps(ctx.store.data).length > 0) ctx.emit('window', { window: 'wrapup', action: 'hide' });
    ctx.emit('window', { window: 'overlay', action: 'show' });
    return meeting;
  }


  return {
    async getLive() {
      const doc = ctx.store.data;
      const meeting = liveMeeting(doc);
      if (!meeting) return null;
      return {
        meeting,
        thread: findThread(doc, meeting.threadId),
        waitingWrapUps: pendingWrapUps(doc).length,
        prompt: promptsPaused(ctx) ? null : duePrompt(meeting, meeting.promptAnswers, doc.settings.prompts, ctx.clock.now()),
        hotkeys: effectiveHotkeys(doc.settings),
        compact: doc.settings.overlay.compact,
        promptsPausedUntil: pausedUntil(ctx),
      };
    },

    async startNextMeeting() {
      const next = meetingToStart(ctx.store.data, ctx.clock.now());
      if (!next) throw conflict('There is no meeting to start in the next hour. Plan one in the review window.');
      return startMeeting(next.id);
    },

    startMeeting: ({ id }) => startMeeting(id),

    async startAdHocCall({ account, purpose, minutes }: MethodInput<'startAdHocCall'>) {
      const planned = await ctx.mutate((doc) => {
        const now = ctx.clock.now();
        const thread = openThreadFor(doc, account, ctx.nowIso());
        const meeting = plannedMeeting({
          id: newId(),
          threadId: thread.id,
          title: clip(`Call with ${account}`, MEETING_LIMITS.title),
          start: new Date(now).toISOString(),
          end: new Date(now + minutes * 60_000).toISOString(),
          stage: 'Follow-up',
          purpose,
          source: { kind: 'manual' },
        });
        doc.meetings.push(meeting);
        return meeting;
      });
      return startMeeting(planned.id);
    },
    confirmPurpose: ({ meetingId, kind, result, adjustedPurpose }) =>
      live((doc) => {
        const meeting = findLive(doc, meetingId);
        if (kind === 'reconfirm' && !meeting.confirmations.some((c) => c.kind === 'confirm')) {
          throw invalid({ kind: 'Confirm the purpose first; re-confirm it later in the call.' });
        }
        meeting.confirmations.push({
          kind,
          at: ctx.nowIso(),
          result,
          ...(result === 'adjusted' ? { adjustedPurpose } : {}),
        });
        if (result === 'adjusted' && adjustedPurpose) meeting.purpose = adjustedPurpose;
        return meeting;
      }),

    setAgendaItemDone: ({ meetingId, itemId, done }) =>
      live((doc) => {
        const meeting = findLive(doc, meetingId);
        const item = meeting.agenda.find((i) => i.id === itemId);
        if (!item) throw invalid({ itemId: 'That agenda item is not on this meeting’s agenda.' });
        item.done = done;
        return meeting;
      }),

    nextAgendaItem: ({ meetingId }: MethodInput<'nextAgendaItem'>) =>
      live((doc) => {
        const meeting = findLive(doc, meetingId);
        const current = meeting.agenda.find((i) => !i.done);
        if (current) current.done = true;
        return meeting;
      }),

    async answerPrompt({ meetingId, answer }: MethodInput<'answerPrompt'>) {
      // A paused prompt is not on screen: answering it (a hotkey pressed from habit) must not log an answer.
      if (promptsPaused(ctx)) throw conflict(PAUSED);
      let endNow = false;
      const meeting = await live((doc) => {
        const meeting = findLive(doc, meetingId);
        const prompt = duePrompt(meeting, meeting.promptAnswers, doc.settings.prompts, ctx.clock.now());
        if (!prompt) throw conflict('There is no prompt to answer right now.');
        const at = ctx.nowIso();
        if (answer === 'snooze') {
          meeting.promptAnswers.push({ prompt: prompt.kind, answer: 'snoozed', at, snoozeMinutes: doc.settings.prompts.snoozeMinutes });
        } else if (prompt.kind === 'confirm-purpose' || prompt.kind === 'reconfirm-purpose') {
          meeting.confirmations.push({ kind: prompt.kind === 'confirm-purpose' ? 'confirm' : 'reconfirm', at, result: 'agreed' });
        } else if (prompt.kind === 'ask-next-meeting') {
          meeting.promptAnswers.push({ prompt: prompt.kind, answer: 'done', at });
        } else {
          meeting.promptAnswers.push({ prompt: prompt.kind, answer: 'done', at });
          endInside(doc, meeting); // "call over? end it" — yes
          endNow = true;
        }
        return meeting;
      });
      if (endNow) announceEnded(meeting);
      return meeting;
    },

    jotNextStep: ({ meetingId, text }: MethodInput<'jotNextStep'>) =>
      live((doc) => {
        const meeting = findLive(doc, meetingId);
        meeting.nextStepJot = text;
        if (text && !meeting.promptAnswers.some((a) => a.prompt === 'ask-next-meeting' && a.answer === 'done')) {
          meeting.promptAnswers.push({ prompt: 'ask-next-meeting', answer: 'done', at: ctx.nowIso() });
        }
        return meeting;
      }),

    async endCall({ meetingId }) {
      const meeting = await live((doc) => {
        const target = findMeeting(doc, meetingId);
        endInside(doc, target);
        return target;
      });
      announceEnded(meeting);
      return meeting;
    },
  } satisfies Pick<
    Handlers,
    'getLive' | 'startMeeting' | 'startNextMeeting' | 'startAdHocCall' | 'confirmPurpose' | 'setAgendaItemDone' | 'nextAgendaItem' | 'answerPrompt' | 'jotNextStep' | 'endCall'
  >;
}
