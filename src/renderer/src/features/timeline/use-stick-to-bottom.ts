/**
 * Keeps a growing list scrolled to its end while the user is reading the end, and leaves it alone
 * once they scroll up to read something earlier.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';

/** Slack, in px, within which the list counts as "at the end". */
const SLACK = 32;

/** A ref for the scroller and its scroll handler; scrolls down whenever `size` grows. */
export function useStickToBottom<T extends HTMLElement>(
  size: number,
): { ref: RefObject<T | null>; onScroll(): void } {
  const ref = useRef<T | null>(null);
  const stick = useRef(true);
  const onScroll = useCallback(() => {
    const el = ref.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < SLACK;
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [size]);
  return { ref, onScroll };
}
