/**
 * What `load` prints for people: the progress line on stderr once a second, and the result table
 * on stdout at the end (the same figures as `--json`).
 */
import { mergeHistograms, percentileMs } from '../../../shared/load/latency-histogram.ts';
import type { LoadJson, LoadTally } from '../../../shared/load/load-types.ts';

/** Milliseconds as printed: one decimal below 10 s, whole above. */
function ms(value: number): string {
  return value >= 10_000 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

/** Errors of every node so far. */
function errorCount(tally: LoadTally): number {
  let errors = 0;
  for (const node of Object.values(tally.nodes)) {
    for (const n of Object.values(node.errors)) errors += n;
  }
  return errors;
}

/** `load: 350/1000 calls · 118.2 calls/s · 3 errors · p99 12.1 ms · 50 in progress` */
export function progressLine(tally: LoadTally, total: number, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (tally.completed / elapsedMs) * 1000 : 0;
  const all = mergeHistograms(Object.values(tally.nodes).map((n) => n.latency));
  const errors = errorCount(tally);
  const p99 = all.total > 0 ? `p99 ${ms(percentileMs(all, 99))}` : 'no webhook yet';
  return [
    `load: ${tally.completed}/${total} calls`,
    `${rate.toFixed(1)} calls/s`,
    `${errors} webhook error${errors === 1 ? '' : 's'}`,
    p99,
    `${tally.inFlight} in progress`,
  ].join(' · ');
}

/** Pads each column to its widest cell; numbers right-aligned. */
function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, i) =>
        i === 0 || i === row.length - 1
          ? cell.padEnd(widths[i] ?? 0)
          : cell.padStart(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}

/** The result for people: calls, outcomes, rate, and a row per webhook node. */
export function resultText(json: LoadJson): string[] {
  const { calls } = json;
  const model =
    json.concurrency !== undefined ? `${json.concurrency} at once` : `${json.rate} new per second`;
  const lines = [
    `${json.flow}: ${calls.completed} of ${calls.total} calls completed (${model}) in ${(json.durationMs / 1000).toFixed(1)} s, ${json.callsPerSecond} calls/s`,
    `outcomes: ${calls.outcomes.hangup} hangup, ${calls.outcomes.transfer} transfer, ${calls.outcomes.error} error`,
  ];
  const nodes = Object.entries(json.webhooks);
  if (nodes.length === 0) return [...lines, 'no webhook was fired'];
  const rows = [['node', 'count', 'ok', 'min', 'p50', 'p90', 'p99', 'max', 'over limit', 'errors']];
  for (const [id, node] of nodes) {
    const errors = Object.entries(node.errors)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    const l = node.latencyMs;
    rows.push([
      id,
      String(node.count),
      String(node.ok),
      ms(l.min),
      ms(l.p50),
      ms(l.p90),
      ms(l.p99),
      ms(l.max),
      String(node.overLimit),
      errors === '' ? '-' : errors,
    ]);
  }
  return [...lines, '', ...table(rows)];
}
