// Runs in the renderer. The wrap-up form's typed words, saved to the core as the rep types (debounced, at most
// ~400 ms behind the keyboard) and handed back in `WrapUpView.draft` after a crash or a restart.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftValues } from '../../../shared/domain';
import { api } from '../api';

const DELAY = 400;

type Values = Record<string, string | boolean | number>;

/** The saved values over the defaults: only keys the form still has, with the type it expects. */
export function restoreDraft<T extends Values>(defaults: T, saved: DraftValues | null | undefined): T {
  const merged: Values = { ...defaults };
  for (const [key, value] of Object.entries(saved ?? {})) {
    if (key in defaults && typeof value === typeof defaults[key]) merged[key] = value;
  }
  return merged as T;
}

export interface SavedDraft<T> {
  draft: T;
  update(fn: (draft: T) => T): void;
  /** Stops saving (the wrap-up is being logged: a late save would only be refused). */
  hold(): void;
}

export function useSavedDraft<T extends Values>(meetingId: string, initial: () => T): SavedDraft<T> {
  const [draft, setDraft] = useState<T>(initial);
  const pending = useRef<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const values = pending.current;
    pending.current = null;
    // A failed save leaves the words on screen; the next keystroke tries again.
    if (values) api.saveWrapUpDraft({ meetingId, values }).catch(() => {});
  }, [meetingId]);

  const update = useCallback(
    (fn: (d: T) => T) =>
      setDraft((d) => {
        const next = fn(d);
        pending.current = next;
        clearTimeout(timer.current);
        timer.current = setTimeout(flush, DELAY);
        return next;
      }),
    [flush],
  );

  const hold = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    pending.current = null;
  }, []);

  // Leaving (the window closes, the form is replaced): save what is waiting now.
  useEffect(() => {
    addEventListener('pagehide', flush);
    return () => {
      removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { draft, update, hold };
}
