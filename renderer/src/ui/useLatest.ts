// Runs in the renderer. A ref that always holds the value of the last render, for callbacks that must stay stable
// (an action, a fetcher) yet read the newest props. Updated in a layout effect, not a passive one: Preact runs passive
// effects after the next paint, so a key press landing between a render and that paint (a busy machine, a fast
// typist) would otherwise call the previous render's closure — "Add calendar" sending the path minus its last letter.
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
