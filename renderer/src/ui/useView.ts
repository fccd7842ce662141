// Runs in the renderer. A window's read model: fetch it, fetch it again whenever the core says the store changed,
// and say whether it is loading or failed. The last good data stays on screen while a refetch runs.
// A view the core pushes with its changes (the overlay's `live` event) is taken from the event instead of refetched:
// that round trip was most of the time between a change and its paint.
// A window may hold changes while it is off screen (on-screen.ts): its views then catch up when it is shown. So may a
// part of a window kept in the page while another part is shown (a review tab): its views follow `ViewEvents`.
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { EventName, Events } from '../../../shared/bridge';
import { toApiError, type Api, type ApiError } from '../api';
import { viewEvents } from './on-screen';
import { reuseEqual } from './reuse-equal';
import { useLatest } from './useLatest';

/** The event that carries the whole view with each change, and how to read the view out of it. */
export interface Pushed<T, E extends EventName = EventName> {
  event: E;
  pick(payload: Events[E]): T;
}

export interface View<T> {
  /** `undefined` until the first answer (a view may legitimately be `null`: "no call in progress"). */
  data: T | undefined;
  loading: boolean;
  error: ApiError | null;
  reload(): void;
  /** Puts a fresher value on screen at once (from a mutation's answer), then refetches the whole view. */
  replace(value: T): void;
  /** Like `replace`, from the value on screen (not from one a render captured earlier); nothing while there is none. */
  patch(update: (current: T) => T): void;
}

/** The events the views inside follow instead of the window's (useView's default when no source is passed). */
export const ViewEvents = createContext<Pick<Api, 'on'> | null>(null);

export function useView<T, E extends EventName = EventName>(fetcher: () => Promise<T>, given?: Pick<Api, 'on'>, pushed?: Pushed<T, E>): View<T> {
  const scoped = useContext(ViewEvents);
  const source = given ?? scoped ?? viewEvents();
  const [state, setState] = useState<{ data: T | undefined; loading: boolean; error: ApiError | null }>({
    data: undefined,
    loading: true,
    error: null,
  });
  const fetcherRef = useLatest(fetcher);
  /** Only the newest request may write: answers can arrive out of order. */
  const seq = useRef(0);
  const alive = useRef(true);

  /** A burst of changes (a calendar import saves in many small changes) costs one refetch after the one in flight,
   * not one per change: a change announced while a request runs only marks the view for one more fetch. */
  const inFlight = useRef(false);
  const again = useRef(false);

  const load = useCallback(function fetchView() {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    const mine = ++seq.current;
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    fetcherRef
      .current()
      .then(
        (data) => {
          if (alive.current && mine === seq.current) setState({ data, loading: false, error: null });
        },
        (error: unknown) => {
          if (alive.current && mine === seq.current) setState((s) => ({ ...s, loading: false, error: toApiError(error) }));
        },
      )
      .finally(() => {
        inFlight.current = false;
        if (again.current && alive.current) {
          again.current = false;
          fetchView();
        }
      });
  }, []);

  const pushedRef = useLatest(pushed);
  const pushedEvent = pushed?.event;

  useEffect(() => {
    alive.current = true;
    load();
    const off = pushedEvent
      ? source.on(pushedEvent, (payload) => {
          // The pushed view is the newest: an answer still on its way was computed before it, so it may not write.
          seq.current += 1;
          // Parts equal to what is on screen keep their identity, so memoised components skip them.
          setState((s) => ({ data: reuseEqual(s.data, pushedRef.current!.pick(payload)), loading: false, error: null }));
        })
      : source.on('changed', () => load());
    return () => {
      alive.current = false;
      off();
    };
  }, [load, source, pushedEvent]);

  const replace = useCallback(
    (data: T) => {
      seq.current += 1;
      setState({ data, loading: false, error: null });
      // The rest of the view (a prompt, a count) may have moved with the change: fetch it fresh behind the scenes.
      load();
    },
    [load],
  );

  const patch = useCallback(
    (update: (current: T) => T) => {
      seq.current += 1;
      setState((s) => (s.data === undefined ? s : { data: update(s.data), loading: false, error: null }));
      load();
    },
    [load],
  );

  return { ...state, reload: load, replace, patch };
}
