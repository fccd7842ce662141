// Runs everywhere, and is loaded by the sandboxed preload and every page — so it stays free of zod. The names of
// the contract's methods and events, the reply envelope, and the one function that turns a host's transport into
// `window.api`. The schemas and result types of each method live in ./contract.ts, which must define exactly
// these methods (a compile-time check there).
import type { MethodRawInput, MethodResult } from './contract';
import type { LiveView, WindowName } from './views';

export const METHOD_NAMES = [
  'getState',
  'getReview',
  'createMeeting',
  'updateMeeting',
  'startMeeting',
  'startNextMeeting',
  'startAdHocCall',
  'getLive',
  'confirmPurpose',
  'setAgendaItemDone',
  'nextAgendaItem',
  'answerPrompt',
  'jotNextStep',
  'endCall',
  'getWrapUp',
  'saveWrapUpDraft',
  'logNextStep',
  'closeOutThread',
  'exportInvite',
  'getUnheldCalls',
  'reportUnheldCall',
  'getReviewModes',
  'getReviewToday',
  'markFollowUp',
  'rescheduleFollowUp',
  'markReviewed',
  'acknowledgeNotice',
  'getSettings',
  'updateSettings',
  'showWindow',
  'releaseFocus',
  'listCalendars',
  'addCalendar',
  'removeCalendar',
  'syncCalendars',
  'pausePrompts',
  'exportCsv',
  'exportJson',
  'listBackups',
  'previewRestore',
  'restoreData',
  'getDataFolder',
  'revealDataFolder',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];
export const methodNames: readonly MethodName[] = METHOD_NAMES;

/** Events pushed from the core to every window. */
export interface Events {
  /** The store changed: views should refetch. */
  changed: { revision: number };
  /** The live call's view changed (null: no call): sent after `changed`, so the overlay paints it without a refetch. */
  live: { revision: number; view: LiveView | null };
  /** The core's clock jumped (a test clock moved): re-sync the on-screen clock. */
  clock: { now: number };
  /** The core wants a window shown or hidden (the Electron host does it; the preview shows a banner). */
  /** 'release-focus': the rep finished typing in the overlay — hand the keyboard back to the call app. */
  window: { window: WindowName; action: 'show' | 'hide' | 'release-focus' };
  /** A planned call's start time has come: offer "Join & start" (https join links only) or "Start". */
  due: { meetingId: string; title: string; account: string; purpose: string; joinUrl: string | null };
}
export type EventName = keyof Events;
export const eventNames = ['changed', 'live', 'clock', 'window', 'due'] as const satisfies readonly EventName[];
// Compile-time check that `eventNames` lists every event.
export const allEventsListed: Exclude<EventName, (typeof eventNames)[number]> extends never ? true : never = true;

/** The IPC channel of a method or event. */
export const channelOf = (name: MethodName | EventName) => `second-step:${name}`;

/** 'not-saved-yet': the change is kept and shown, but the disk refused it; the core keeps retrying (never "saved"). */
export type ErrorCode = 'invalid' | 'not-found' | 'conflict' | 'read-only' | 'not-saved-yet' | 'internal' | 'forbidden';
export interface ErrorBody {
  code: ErrorCode;
  /** A plain sentence for the rep. */
  message: string;
  /** Per-field messages, keyed by the input field's path ("what", "agenda.0.text"). */
  fields?: Record<string, string>;
}
/** Every call answers with this envelope: errors cross IPC and HTTP as data, never as lost exception props. */
export type Reply<R> = { ok: true; value: R } | { ok: false; error: ErrorBody };

type Args<K extends MethodName> = undefined extends MethodRawInput<K> ? [input?: MethodRawInput<K>] : [input: MethodRawInput<K>];
type Unsubscribe = () => void;

/** What a host exposes to a page as `window.api` (preload over IPC, preview over HTTP + SSE). */
export type Bridge = { [K in MethodName]: (...args: Args<K>) => Promise<Reply<MethodResult<K>>> } & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): Unsubscribe;
};

/** What the renderer codes against: the bridge with replies unwrapped (errors thrown as `ApiError`). */
export type Api = { [K in MethodName]: (...args: Args<K>) => Promise<MethodResult<K>> } & Pick<Bridge, 'on'>;

/** Builds a bridge from a host's transport; shared by the preload and the preview so neither writes it by hand. */
export function buildBridge(
  invoke: (name: MethodName, input: unknown) => Promise<Reply<unknown>>,
  subscribe: (event: EventName, listener: (payload: unknown) => void) => Unsubscribe,
): Bridge {
  const methods = Object.fromEntries(methodNames.map((name) => [name, (input?: unknown) => invoke(name, input)]));
  return { ...methods, on: (event, listener) => subscribe(event, listener as (p: unknown) => void) } as Bridge;
}
