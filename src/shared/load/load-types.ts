/**
 * What a load run counts (../shared/spec/CLI.md, "`load`"): the figures each worker sends while it
 * runs, their sum, and the result `load --json` prints. Plain data only, so each crosses a worker
 * thread's `postMessage` and an IPC channel as it is; shared with the console's Load screen.
 */
import type { HistogramData } from './latency-histogram.ts';

/** How calls are started: a fixed number in progress (closed model) or a fixed arrival rate (open). */
export type LoadModel = { kind: 'closed'; concurrency: number } | { kind: 'open'; rate: number };

/** One webhook node's figures (the `webhooks` entries of `load --json`). */
export interface NodeFigures {
  count: number;
  ok: number;
  /** Error code → exchanges that failed with it (their first violation). */
  errors: Record<string, number>;
  /** Exchanges that ran past the platform's connect or response timeout. */
  overLimit: number;
  latency: HistogramData;
}

/** What happened in one second of the run, for the charts (seconds from the start). */
export interface LoadSecond {
  second: number;
  /** Calls that ended in this second. */
  completed: number;
  /** Calls that ended in error in this second. */
  failed: number;
  /** Per webhook node: the latencies of the exchanges that ended in this second, and their errors. */
  nodes: Record<string, { latency: HistogramData; errors: Record<string, number> }>;
}

/** Everything counted so far: what a worker sends, and what the coordinator merges. */
export interface LoadTally {
  started: number;
  completed: number;
  outcomes: { hangup: number; transfer: number; error: number };
  /** Calls that threw instead of ending (a bug, never expected): their messages, the first few. */
  crashes: string[];
  nodes: Record<string, NodeFigures>;
  timeline: LoadSecond[];
  /** Calls in progress right now, and the most there ever were at once. */
  inFlight: number;
  maxInFlight: number;
}

/** Percentiles of one histogram, in milliseconds. */
export interface LatencySummary {
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** `load --json` (../shared/spec/CLI.md). */
export interface LoadJson {
  flow: string;
  calls: {
    total: number;
    completed: number;
    outcomes: { hangup: number; transfer: number; error: number };
  };
  /** The closed model's callers at once (absent for `--rate`). */
  concurrency?: number;
  /** The open model's calls per second (absent for `--concurrency`). */
  rate?: number;
  durationMs: number;
  callsPerSecond: number;
  webhooks: Record<
    string,
    {
      count: number;
      ok: number;
      errors: Record<string, number>;
      latencyMs: LatencySummary;
      overLimit: number;
    }
  >;
}
