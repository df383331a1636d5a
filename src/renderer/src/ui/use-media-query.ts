/**
 * Whether a CSS media query matches, kept up to date as the window resizes.
 */
import { useSyncExternalStore } from 'react';

/** True while `query` matches. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
  );
}
