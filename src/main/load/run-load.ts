/**
 * Runs a load plan on worker threads and adds up what they count. The coordinator does no call
 * work itself: its event loop stays free for the CLI's progress line or the console's window (and
 * a call the user places on the phone meanwhile).
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, Worker } from 'node:worker_threads';
import { TallyMerger } from './load-tally.ts';
import workerPath from './load-worker.ts?modulePath';
import type { LoadTally } from '../../shared/load/load-types.ts';
import type { LoadPlan } from './load-plan.ts';
import type { LoadWorkerData, LogWriterData, WorkerMessage } from './load-worker-messages.ts';

/** At most this many workers: past the cores, more threads only take turns. */
const MAX_WORKERS = 8;

/** How a run is started. */
export interface RunLoadOptions {
  plan: LoadPlan;
  /** Worker threads to use; default: one per core, no more than there are callers at once. */
  workers?: number;
  /** The worker script; default: load-worker.ts (bundled: the chunk electron-vite emits for it). */
  workerUrl?: URL | string;
  /** Hears about each worker report (four times a second per worker). */
  onTally?: () => void;
}

/** How a run ended. */
export interface LoadOutcome {
  tally: LoadTally;
  durationMs: number;
  /** True when {@link LoadRun.stop} ended it before every call was placed. */
  stopped: boolean;
}

/** A run in progress. */
export interface LoadRun {
  /** The run's start (epoch ms): when every worker had loaded; 0 until then. */
  readonly runStart: number;
  /** The counts so far, every worker's reports added up. */
  snapshot(): LoadTally;
  /** Milliseconds since the start (0 while the workers load). */
  elapsedMs(): number;
  /** Places no more calls and hangs up those in progress; `done` resolves soon after. */
  stop(): void;
  /** Resolves when every worker has ended; rejects if one failed. */
  done: Promise<LoadOutcome>;
}

/** How many workers a plan gets by default. */
export function defaultWorkers(plan: LoadPlan): number {
  const atOnce = plan.model.kind === 'closed' ? plan.model.concurrency : plan.calls;
  return Math.max(1, Math.min(availableParallelism(), MAX_WORKERS, atOnce, plan.calls));
}

/**
 * Starts the session writer of a `--log` run: the worker script in its `log` role, given the
 * receiving end of each caller thread's channel. `close()` resolves once every call sent is logged
 * and the file is closed.
 */
function startLogWriter(
  url: URL | string,
  path: string,
  channels: MessageChannel[],
): { close(): Promise<void> } {
  const calls = channels.map((channel) => channel.port2);
  const data: LogWriterData = { role: 'log', path, calls };
  const writer = new Worker(url, { workerData: data, transferList: calls });
  const failed = new Promise<never>((_, reject) => {
    writer.once('error', (error) =>
      reject(new Error(`the session writer failed: ${error.message}`)),
    );
  });
  failed.catch(() => {});
  return {
    close: () =>
      Promise.race([
        new Promise<void>((resolve) => {
          writer.once('message', () => resolve());
          writer.postMessage({ type: 'close' });
        }),
        failed,
      ]).finally(() => writer.terminate().then(() => undefined)),
  };
}

/** Starts the run. */
export function runLoad(options: RunLoadOptions): LoadRun {
  const { plan } = options;
  const parts = options.workers ?? defaultWorkers(plan);
  const url = options.workerUrl ?? workerPath;
  const merger = new TallyMerger();
  const nextCall = new SharedArrayBuffer(4);
  // Set when every worker has loaded: the run (its clock, its schedule) starts then.
  let runStart = 0;
  let started: number | null = null;
  let stopped = false;
  let ready = 0;
  const workers: Worker[] = [];
  const begin = (): void => {
    runStart = Date.now();
    started = performance.now();
    for (const worker of workers) worker.postMessage({ type: 'go', runStart });
  };

  const logChannels = plan.logPath ? Array.from({ length: parts }, () => new MessageChannel()) : [];
  const writer = plan.logPath ? startLogWriter(url, plan.logPath, logChannels) : null;

  const endings = Array.from({ length: parts }, (_, part) => {
    const log = logChannels[part]?.port1 ?? null;
    const data: LoadWorkerData = { role: 'calls', plan, part, parts, nextCall, log };
    const worker = new Worker(url, { workerData: data, transferList: log ? [log] : [] });
    workers.push(worker);
    return new Promise<void>((resolve, reject) => {
      let finished = false;
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          if (++ready === parts) {
            if (stopped) for (const w of workers) w.postMessage({ type: 'stop' });
            begin();
          }
          return;
        }
        if (message.type === 'failed') {
          finished = true;
          reject(new Error(`load worker ${part + 1} failed: ${message.message}`));
          return;
        }
        merger.add(part, message.tally);
        options.onTally?.();
        if (message.type === 'done') {
          finished = true;
          resolve();
        }
      });
      worker.on('error', (error) => {
        finished = true;
        reject(new Error(`load worker ${part + 1} failed: ${error.message}`));
      });
      worker.on('exit', (code) => {
        if (!finished) reject(new Error(`load worker ${part + 1} exited with code ${code}`));
      });
    });
  });

  const elapsedMs = (): number => (started === null ? 0 : performance.now() - started);
  const done = Promise.all(endings).then(
    async () => {
      const outcome = { tally: merger.snapshot(), durationMs: elapsedMs(), stopped };
      await writer?.close();
      return outcome;
    },
    async (error: unknown) => {
      await Promise.all(workers.map((worker) => worker.terminate()));
      await writer?.close();
      throw error;
    },
  );

  return {
    get runStart() {
      return runStart;
    },
    snapshot: () => merger.snapshot(),
    elapsedMs,
    stop() {
      stopped = true;
      for (const worker of workers) worker.postMessage({ type: 'stop' });
    },
    done,
  };
}
