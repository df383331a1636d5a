/**
 * The figures of the Load screen's status line, from the counts so far: the same as the CLI's
 * progress line (calls done of the total, calls per second, webhook errors, p99 so far, calls in
 * progress), and milliseconds and durations written for people.
 */
import { mergeHistograms, percentileMs } from '../../../../shared/load/latency-histogram.ts';
import type { LoadTally } from '../../../../shared/load/load-types.ts';

/** The progress figures of a run. */
export interface LoadProgress {
  completed: number;
  total: number;
  callsPerSecond: number;
  webhookErrors: number;
  /** Null before the first webhook has answered. */
  p99Ms: number | null;
  inFlight: number;
}

/** Webhook exchanges that failed so far, every node and code. */
export function webhookErrors(tally: LoadTally): number {
  let errors = 0;
  for (const node of Object.values(tally.nodes)) {
    for (const n of Object.values(node.errors)) errors += n;
  }
  return errors;
}

/** The figures of `tally` after `elapsedMs`, of a run of `total` calls. */
export function loadProgress(
  tally: LoadTally | null,
  total: number,
  elapsedMs: number,
): LoadProgress {
  if (tally === null) {
    return { completed: 0, total, callsPerSecond: 0, webhookErrors: 0, p99Ms: null, inFlight: 0 };
  }
  const all = mergeHistograms(Object.values(tally.nodes).map((n) => n.latency));
  return {
    completed: tally.completed,
    total,
    callsPerSecond: elapsedMs > 0 ? (tally.completed / elapsedMs) * 1000 : 0,
    webhookErrors: webhookErrors(tally),
    p99Ms: all.total > 0 ? percentileMs(all, 99) : null,
    inFlight: tally.inFlight,
  };
}

/** `12.3 ms` below 10 s, `12345 ms` above (as the CLI prints them). */
export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}

/** `4.2 s` under a minute, then `1:07`, `12:03`: how long a run has taken. */
export function formatElapsed(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
