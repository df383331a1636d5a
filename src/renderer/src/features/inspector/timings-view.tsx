/**
 * Connect, TLS handshake (https only), time to first byte and total, with a bar that shows where
 * the time went.
 */
import type { ReactElement } from 'react';
import type { WebhookTimings } from '../../../../shared/webhook-types.ts';
import { formatDuration } from '../../lib/format-time.ts';

function share(part: number | null, total: number): string {
  if (part === null || total <= 0) return '0%';
  return `${Math.min(100, (part / total) * 100).toFixed(1)}%`;
}

/** Shows where an exchange's time went: connect, TLS, first byte and total, with a bar. */
export function TimingsView({ timings }: { timings: WebhookTimings }): ReactElement {
  const { connectMs, ttfbMs, totalMs } = timings;
  // Absent (plain http, older sessions) or null (no handshake on this exchange): no TLS row.
  const tlsMs = timings.tlsMs ?? null;
  const connected = (connectMs ?? 0) + (tlsMs ?? 0);
  const waiting = ttfbMs === null ? null : Math.max(0, ttfbMs - connected);
  const reading = ttfbMs === null ? null : Math.max(0, totalMs - ttfbMs);
  return (
    <div className="timings">
      <dl className="timings__list">
        <div>
          <dt>Connect</dt>
          <dd>{connectMs === null ? 'reused' : formatDuration(connectMs)}</dd>
        </div>
        {tlsMs !== null && (
          <div>
            <dt>TLS</dt>
            <dd>{formatDuration(tlsMs)}</dd>
          </div>
        )}
        <div>
          <dt>Time to first byte</dt>
          <dd>{formatDuration(ttfbMs)}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{formatDuration(totalMs)}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{new Date(timings.startedAt).toLocaleTimeString()}</dd>
        </div>
      </dl>
      <div className="timings__bar" aria-hidden="true">
        <span className="timings__connect" style={{ width: share(connectMs, totalMs) }} />
        {tlsMs !== null && (
          <span className="timings__tls" style={{ width: share(tlsMs, totalMs) }} />
        )}
        <span className="timings__wait" style={{ width: share(waiting, totalMs) }} />
        <span className="timings__read" style={{ width: share(reading, totalMs) }} />
      </div>
    </div>
  );
}
