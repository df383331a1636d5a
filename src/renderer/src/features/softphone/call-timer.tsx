/**
 * The call timer: counts while the call is up, then shows the call's own duration.
 */
import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import { formatClock } from '../../lib/format-time.ts';
import type { CallView } from '../../state/call-view.ts';

/** mm:ss of the current or last call, or of a replay's recorded clock (`clockMs`). */
export function CallTimer({ view, clockMs }: { view: CallView; clockMs?: number }): ReactElement {
  const [now, setNow] = useState(() => Date.now());
  const running = clockMs === undefined && view.phase === 'active' && view.startedAtMs !== null;
  useEffect(() => {
    if (!running) return undefined;
    // A quarter second keeps the seconds digit from lagging visibly behind a wall clock.
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [running]);

  let ms = 0;
  if (clockMs !== undefined) ms = view.end ? view.end.durationMs : clockMs;
  else if (view.end) ms = view.end.durationMs;
  else if (running && view.startedAtMs !== null) ms = now - view.startedAtMs;
  return (
    <span className="display__timer" aria-label="Call time">
      {formatClock(ms)}
    </span>
  );
}
