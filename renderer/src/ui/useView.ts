// Runs in the renderer. A window's read model: fetch it, fetch it again whenever the core says the store changed,
// and say whether it is loading or failed. The last good data stays on screen while a refetch runs.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, toApiError, type Api, type ApiError } from '../api';

export interface View<T> {
  /** `undefined` until the first answer (a view may legitimately be `null`: "no call in progress"). */
  data: T | undefined;
  loading: boolean;
  error: ApiError | null;
  reload(): void;
  /** Puts a fresher value on screen at once (from a mutation's answer), then refetches the whole view. */
  replace(value: T): void;
}

export function useView<T>(fetcher: () => Promise<T>, source: Pick<Api, 'on'> = api): View<T> {
  const [state, setState] = useState<{ data: T | undefined; loading: boolean; error: ApiError | null }>({
    data: undefined,
    loading: true,
    error: null,
  });
  const fetcherRef = useRef(fetcher);
  useEffect(() => {
    fetcherRef.current = fetcher;
  });
  /** Only the newest request may write: answers can arrive out of order. */
  const seq = useRef(0);
  const alive = useRef(true);

  const load = useCallback(() => {
    const mine = ++seq.current;
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    fetcherRef.current().then(
      (data) => {
        if (alive.current && mine === seq.current) setState({ data, loading: false, error: null });
      },
      (error: unknown) => {
        if (alive.current && mine === seq.current) setState((s) => ({ ...s, loading: false, error: toApiError(error) }));
      },
    );
  }, []);

  useEffect(() => {
    alive.current = true;
    load();
    const off = source.on('changed', () => load());
    return () => {
      alive.current = false;
      off();
    };
  }, [load, source]);

  const replace = useCallback(
    (data: T) => {
      seq.current += 1;
      setState({ data, loading: false, error: null });
      // The rest of the view (a prompt, a count) may have moved with the change: fetch it fresh behind the scenes.
      load();
    },
    [load],
  );

  return { ...state, reload: load, replace };
}
