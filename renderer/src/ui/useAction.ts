// Runs in the renderer. A button's call to the core: one at a time, with its pending state and its plain error.
import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api';
import { useLatest } from './useLatest';

export interface Action<A extends unknown[], R> {
  /** Resolves to the result, or `undefined` when the call failed (the error is in `error`) or one was running. */
  run(...args: A): Promise<R | undefined>;
  pending: boolean;
  error: ApiError | null;
  clearError(): void;
}

export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): Action<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const fnRef = useLatest(fn);
  const busy = useRef(false);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setPending(true);
    setError(null);
    try {
      return await fnRef.current(...args);
    } catch (e) {
      if (alive.current) setError(toApiError(e));
      return undefined;
    } finally {
      busy.current = false;
      if (alive.current) setPending(false);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, clearError };
}
