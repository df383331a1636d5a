/** What the coordinator and a load worker say to each other. */
import type { LoadTally } from '../../shared/load/load-types.ts';
import type { MessagePort } from 'node:worker_threads';
import type { LoadPlan } from './load-plan.ts';

/** A caller thread's `workerData`. */
export interface LoadWorkerData {
  role: 'calls';
  plan: LoadPlan;
  part: number;
  parts: number;
  /** One Int32: the next call number of a closed run, shared by every worker. */
  nextCall: SharedArrayBuffer;
  /** Where finished calls go to be logged (`--log`), or null. */
  log: MessagePort | null;
}

/** The session writer thread's `workerData` (load-session-log.ts). */
export interface LogWriterData {
  role: 'log';
  path: string;
  /** One port per caller thread. */
  calls: MessagePort[];
}

/** The coordinator's message: start (once every worker is ready), or stop. */
export type CoordinatorMessage = { type: 'go'; runStart: number } | { type: 'stop' };

/** A worker's message: counts since its last one, its last counts, or why it failed. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'tally'; tally: LoadTally }
  | { type: 'done'; tally: LoadTally }
  | { type: 'failed'; message: string };
