// Runs in the renderer. Whether this window is on screen, by the Page Visibility API: a hidden or minimised window
// reads 'hidden', and so does the review window Electron builds hidden ahead of time (its `paintWhenInitiallyHidden`
// is off: electron/main/platform/windows/options.ts). A window off screen need not follow every change of the store
// — the review recomputes a year of data per change, all day while the rep is on calls — so a window may hold the
// `changed` events it gets while hidden and pass on one, the newest, when it is shown (`holdChangesWhileHidden`),
// having laid its page out while hidden, so the show costs a paint (`layOutWhileHidden`).
import { api, type Api } from '../api';

export type Events = Pick<Api, 'on'>;
export type VisibilityDocument = Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;

const theDocument = (): VisibilityDocument | undefined => (typeof document === 'undefined' ? undefined : document);

/** True unless the window says it is hidden (no document, as in Node: on screen). */
export const onScreen = (doc: VisibilityDocument | undefined = theDocument()): boolean => doc?.visibilityState !== 'hidden';

/** Calls `listener` each time the window comes on screen; returns the unsubscribe. */
export function whenShown(listener: () => void, doc: VisibilityDocument | undefined = theDocument()): () => void {
  if (!doc) return () => {};
  const onChange = () => {
    if (onScreen(doc)) listener();
  };
  doc.addEventListener('visibilitychange', onChange);
  return () => doc.removeEventListener('visibilitychange', onChange);
}

/**
 * The events of `source`, with `changed` held while the window is off screen: every listener gets the newest change
 * once, when the window is shown, after `catchUp` has run (one call per showing, however many views listen). The
 * other events pass straight through.
 */
export function heldWhileHidden(source: Events, catchUp: () => void = () => {}, doc: VisibilityDocument | undefined = theDocument()): Events {
  type Changed = Parameters<Parameters<Api['on']>[1]>[0];
  const listeners = new Set<(payload: Changed) => void>();
  let owed: Changed | undefined;
  let stop: (() => void) | undefined;
  const deliver = (payload: Changed) => {
    for (const listener of [...listeners]) listener(payload);
  };
  const start = () => {
    const offChanged = source.on('changed', (payload) => {
      if (onScreen(doc)) deliver(payload);
      else owed = payload;
    });
    const offShown = whenShown(() => {
      if (owed === undefined) return;
      const payload = owed;
      owed = undefined;
      catchUp();
      deliver(payload);
    }, doc);
    stop = () => {
      offChanged();
      offShown();
    };
  };
  const on = ((event, listener) => {
    if (event !== 'changed') return source.on(event, listener);
    listeners.add(listener as (payload: Changed) => void);
    if (listeners.size === 1) start();
    return () => {
      listeners.delete(listener as (payload: Changed) => void);
      if (listeners.size === 0) {
        stop?.();
        stop = undefined;
        owed = undefined;
      }
    };
  }) as Events['on'];
  return { on };
}

/** Whether one part of a window is on screen — a tab kept in the page while another tab is shown — in the shape of
 * the document's visibility, so `heldWhileHidden(source, undefined, part)` holds that part's changes while it is
 * away and hands it the newest when it is shown again. */
export class PartOnScreen extends EventTarget {
  visibilityState: DocumentVisibilityState;
  constructor(shown: boolean) {
    super();
    this.visibilityState = shown ? 'visible' : 'hidden';
  }
  set(shown: boolean): void {
    const next = shown ? 'visible' : 'hidden';
    if (next === this.visibilityState) return;
    this.visibilityState = next;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

let layoutQueued = false;
/** A hidden window paints nothing, and lays nothing out unless a script asks: asked once a render has settled (one
 * layout per moment, however many renders), its first frame on screen only has to paint, not lay out a whole page. */
export function layOutWhileHidden(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): void {
  if (!doc || onScreen(doc) || layoutQueued) return;
  layoutQueued = true;
  setTimeout(() => {
    layoutQueued = false;
    if (!onScreen(doc)) void doc.documentElement.getBoundingClientRect(); // a forced layout, kept until changed
  }, 0);
}

let windowEvents: Events = api;

/** The events a window's views follow (useView's default): the bridge itself unless the window holds changes. */
export const viewEvents = (): Events => windowEvents;

/** Called by a window's entry, before it mounts: its views stop following changes while it is off screen. */
export function holdChangesWhileHidden(catchUp?: () => void): void {
  windowEvents = heldWhileHidden(api, catchUp);
}
