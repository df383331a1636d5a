/**
 * An exchange's recorded timings as HAR's phases. HAR requires every phase to be -1 (does not
 * apply) or a non-negative number, and an entry's `time` to be the sum of the non-negative ones,
 * which Chrome and Firefox use to draw the waterfall.
 */
import type { ViolationCode, WebhookTimings } from '../../shared/webhook-types.ts';
import type { HarTimings } from './har-types.ts';

/** Whole microseconds: sums of them are exact, so `time` equals the sum of its phases. */
function micros(ms: number): number {
  return Math.max(0, Math.round(ms * 1000));
}

/** The phases and their total of one exchange. */
export interface HarTimingsResult {
  timings: HarTimings;
  /** Sum of the non-negative phases, in ms. */
  time: number;
}

/**
 * Splits the recorded timings into HAR phases: `connect` is the TCP connect time plus the TLS
 * handshake (-1 when a kept-alive connection was reused), `ssl` the TLS handshake alone (HAR
 * counts it inside `connect`; -1 without one), `wait` runs to the first byte, `receive` to the
 * end. The client does not measure DNS (webhooks mostly target IPs or cached names) or sending
 * apart from waiting, so those are -1 / 0.
 *
 * @param error - the exchange's error code: a connect timeout (or a TLS failure before any
 *   connection was up) spent its whole time connecting
 */
export function harTimings(timings: WebhookTimings, error: ViolationCode | null): HarTimingsResult {
  const total = micros(timings.totalMs);
  const tls = timings.tlsMs === null || timings.tlsMs === undefined ? -1 : micros(timings.tlsMs);
  let connect =
    timings.connectMs === null ? -1 : Math.min(micros(timings.connectMs) + Math.max(tls, 0), total);
  // Within connect, and never more than it (a clamped connect clamps it too).
  const ssl = connect === -1 || tls === -1 ? -1 : Math.min(tls, connect);
  let wait: number;
  let receive: number;
  if (timings.ttfbMs !== null) {
    const ttfb = Math.min(micros(timings.ttfbMs), total);
    wait = Math.max(0, ttfb - Math.max(connect, 0));
    receive = total - Math.max(ttfb, Math.max(connect, 0));
  } else if ((error === 'connect_timeout' || error === 'tls_error') && connect === -1) {
    // No connection was ever made: the time went into trying to make one.
    connect = total;
    wait = 0;
    receive = 0;
  } else {
    // No response arrived: whatever followed the connect was spent waiting for one.
    wait = total - Math.max(connect, 0);
    receive = 0;
  }
  const phases = { connect, send: 0, wait, receive };
  const sum = Object.values(phases).reduce((acc, value) => acc + Math.max(value, 0), 0);
  const toMs = (value: number): number => (value < 0 ? -1 : value / 1000);
  return {
    timings: {
      blocked: -1,
      dns: -1,
      ssl: toMs(ssl),
      connect: toMs(connect),
      send: 0,
      wait: toMs(wait),
      receive: toMs(receive),
    },
    time: sum / 1000,
  };
}
