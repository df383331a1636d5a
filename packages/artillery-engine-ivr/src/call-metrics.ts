/**
 * One finished call as Artillery metrics, named as `ivr-console load` reports its figures
 * (../shared/spec/CLI.md, "`load`"):
 *
 * - `ivr.<node>.latency` (histogram, ms): each webhook exchange's total time;
 * - `ivr.<node>.ok`, `ivr.<node>.errors.<code>` (counters): exchanges that passed every rule of
 *   WEBHOOK.md, and those that failed, by their first violation's code;
 * - `ivr.<node>.over_limit` (counter): exchanges past the platform's connect or response timeout;
 * - `ivr.calls.<outcome>` (counter): calls by how they ended (`hangup`, `transfer`, `error`).
 */
import type { CallResult } from '../../../src/main/engine/call-types.ts';
import { isOverLimit } from '../../../src/main/load/over-limit.ts';

/** The part of Artillery's event emitter an engine reports through. */
export interface MetricEvents {
  emit(event: 'counter' | 'histogram', name: string, value: number): unknown;
}

/** Emits the metrics of `result`. */
export function emitCallMetrics(events: MetricEvents, result: CallResult): void {
  for (const exchange of result.webhooks) {
    const node = `ivr.${exchange.node}`;
    events.emit('histogram', `${node}.latency`, exchange.timings.totalMs);
    if (exchange.ok) {
      events.emit('counter', `${node}.ok`, 1);
      continue;
    }
    // An exchange is never failed without a code; `network_error` if one ever were, as load's.
    const code = exchange.error ?? 'network_error';
    events.emit('counter', `${node}.errors.${code}`, 1);
    if (isOverLimit(code)) events.emit('counter', `${node}.over_limit`, 1);
  }
  events.emit('counter', `ivr.calls.${result.outcome}`, 1);
}
