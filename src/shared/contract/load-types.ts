/**
 * The contract's Load screen: what a load run started from the console is, how far it got, and
 * how it ended. The figures are the CLI's (`load --json`, the per-second tally), so the screen
 * shows the same numbers as `ivr-console load`.
 */
import type { LoadJson, LoadModel, LoadTally } from '../load/load-types.ts';

/** What a run was started with, as the screen shows it. */
export interface LoadRunInfo {
  /** Absolute path of the flow file. */
  flowPath: string;
  /** The flow's `id`: the result's `flow`. */
  flowId: string;
  environmentName: string;
  calls: number;
  model: LoadModel;
  /** Who calls: `--dtmf <keys>`, or each case's name of the test file. */
  callers: string[];
  realtime: boolean;
  /** The session log the calls are written to; null when they are not logged. */
  logPath: string | null;
  /** When the run was started (epoch ms). */
  startedAt: number;
  /** The platform's timeouts the run was judged by (the environment's own, if it sets them). */
  responseLimitMs: number;
  connectLimitMs: number;
}

/** Where the console's load run is. */
export type LoadPhase = 'idle' | 'running' | 'finished' | 'failed';

/** The console's load run: the one in progress, or the last one. */
export interface LoadStatus {
  phase: LoadPhase;
  /** Null before the first run. */
  run: LoadRunInfo | null;
  /** The counts so far (running) or at the end; null before the first report. */
  tally: LoadTally | null;
  /** Milliseconds since the calls started (0 while the workers load). */
  elapsedMs: number;
  /** The result `load --json` prints, once the run has ended. */
  result: LoadJson | null;
  /** True when Stop ended the run before every call was placed. */
  stopped: boolean;
  /** Why the run failed (phase `failed`). */
  error: string | null;
}
