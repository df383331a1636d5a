/**
 * How the run is going, in the status region screen readers follow: calls done of the total,
 * calls per second, webhook errors, p99 so far, calls in progress and the time taken; then how
 * it ended (done, stopped, failed).
 */
import type { ReactElement } from 'react';
import type { LoadStatus } from '../../../../shared/contract.ts';
import { formatElapsed, formatMs, loadProgress } from './load-figures.ts';

function headline(status: LoadStatus): string {
  if (status.phase === 'running') return status.tally === null ? 'Starting…' : 'Running';
  if (status.phase === 'failed') return 'Failed';
  if (status.phase === 'finished') return status.stopped ? 'Stopped' : 'Finished';
  return 'Not started';
}

/** The figures of `status`'s run. */
export function LoadProgress({ status }: { status: LoadStatus }): ReactElement {
  const run = status.run;
  const figures = loadProgress(status.tally, run?.calls ?? 0, status.elapsedMs);
  const share = figures.total > 0 ? figures.completed / figures.total : 0;
  return (
    <div className={`load-progress load-progress--${status.phase}`}>
      <div
        role="status"
        aria-live="polite"
        data-testid="load-status"
        className="load-progress__line"
      >
        <strong>{headline(status)}</strong>
        {run && (
          <>
            {' · '}
            <span data-testid="load-done">
              {figures.completed.toLocaleString()} / {figures.total.toLocaleString()} calls
            </span>
            {' · '}
            {figures.callsPerSecond.toFixed(1)} calls/s
            {' · '}
            <span className={figures.webhookErrors > 0 ? 'load-progress__bad' : undefined}>
              {figures.webhookErrors.toLocaleString()} webhook error
              {figures.webhookErrors === 1 ? '' : 's'}
            </span>
            {' · '}
            {figures.p99Ms === null ? 'no webhook yet' : `p99 ${formatMs(figures.p99Ms)}`}
            {status.phase === 'running' && ` · ${figures.inFlight.toLocaleString()} in progress`}
            {' · '}
            {formatElapsed(status.elapsedMs)}
          </>
        )}
      </div>
      {run && (
        <progress className="load-progress__bar" max={1} value={share} aria-label="Calls done" />
      )}
      {status.error && (
        <p className="load-progress__error" role="alert">
          {status.error}
        </p>
      )}
    </div>
  );
}
