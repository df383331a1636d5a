/**
 * What a screen loaded on demand shows while its code arrives: a small status line that screen
 * readers announce, instead of an empty area.
 */
import type { ReactElement } from 'react';

/** The Suspense fallback of a screen or panel loaded on demand. */
export function ScreenLoading({ label }: { label: string }): ReactElement {
  return (
    <p className="screen-loading" role="status" aria-live="polite" aria-busy="true">
      Loading {label}…
    </p>
  );
}
