/** The result of a load run as `load --json` prints it (../shared/spec/CLI.md, "`load`"). */
import { percentileMs } from './latency-histogram.ts';
import type { HistogramData } from './latency-histogram.ts';
import type { LatencySummary, LoadJson, LoadModel, LoadTally } from './load-types.ts';

/** Milliseconds to the microsecond, as printed. */
const round3 = (ms: number): number => Math.round(ms * 1000) / 1000;

/** min, p50, p90, p99 and max of a histogram, in milliseconds. */
export function latencySummary(data: HistogramData): LatencySummary {
  return {
    min: round3(data.minMicros / 1000),
    p50: round3(percentileMs(data, 50)),
    p90: round3(percentileMs(data, 90)),
    p99: round3(percentileMs(data, 99)),
    max: round3(data.maxMicros / 1000),
  };
}

/** The JSON document of a finished (or stopped) run. */
export function toLoadJson(input: {
  flowId: string;
  calls: number;
  model: LoadModel;
  durationMs: number;
  tally: LoadTally;
}): LoadJson {
  const { tally, durationMs } = input;
  const webhooks: LoadJson['webhooks'] = {};
  for (const [id, node] of Object.entries(tally.nodes)) {
    webhooks[id] = {
      count: node.count,
      ok: node.ok,
      errors: node.errors,
      latencyMs: latencySummary(node.latency),
      overLimit: node.overLimit,
    };
  }
  return {
    flow: input.flowId,
    calls: { total: input.calls, completed: tally.completed, outcomes: tally.outcomes },
    ...(input.model.kind === 'closed'
      ? { concurrency: input.model.concurrency }
      : { rate: input.model.rate }),
    durationMs: round3(durationMs),
    callsPerSecond: durationMs > 0 ? Math.round((tally.completed / durationMs) * 10_000) / 10 : 0,
    webhooks,
  };
}
