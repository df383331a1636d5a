/**
 * A load run's worker thread: runs its part of the calls (load-part.ts) off the main thread, so
 * the coordinator's event loop (the CLI's progress line, the console's window and its own calls)
 * never waits on them, and both cores place calls. Reports what it counted four times a second.
 * With `role: 'log'` the same script is the run's session writer (load-session-log.ts): one
 * script, so a bundled app has one worker file to ship.
 *
 * `run-load.ts` imports this module with `?modulePath` (as `load-flow-file.ts` does its
 * validation worker): bundled by electron-vite, the path of the chunk emitted for it; run from
 * source, Node loads this module and takes its default export, its own path. Imported anywhere
 * but in a worker started with a role, it does nothing.
 */
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { runLoadPart } from './load-part.ts';
import { TallyRecorder } from './load-tally.ts';
import type {
  CoordinatorMessage,
  LoadWorkerData,
  LogWriterData,
  WorkerMessage,
} from './load-worker-messages.ts';
import { runLogWriter } from './load-session-log.ts';
import type { LoggedCall } from './load-session-log.ts';

/** How often the counts so far go to the coordinator. */
const REPORT_MS = 250;

const data = workerData as LoadWorkerData | LogWriterData | null | undefined;
if (!isMainThread && parentPort !== null && data?.role === 'log') {
  runLogWriter(data.path, parentPort, data.calls);
} else if (!isMainThread && parentPort !== null && data?.role === 'calls') {
  startCalls(parentPort, data);
}

/** This module's own file, the worker to start when run from source. */
export default fileURLToPath(import.meta.url);

/** The caller thread: ready, then its part of the calls on `go`. */
function startCalls(port: MessagePort, data: LoadWorkerData): void {
  const stop = new AbortController();
  const post = (message: WorkerMessage): void => port.postMessage(message);

  /** Runs this worker's part from the run's start on; reports until it ends. */
  function go(runStart: number): void {
    const tally = new TallyRecorder(runStart);
    const timer = setInterval(() => post({ type: 'tally', tally: tally.drain() }), REPORT_MS);
    runLoadPart({
      plan: data.plan,
      part: data.part,
      parts: data.parts,
      nextCall: new Int32Array(data.nextCall),
      runStart,
      tally,
      signal: stop.signal,
      ...(data.log ? { logCall: (call: LoggedCall) => data.log?.postMessage(call) } : {}),
    }).then(
      () => {
        clearInterval(timer);
        post({ type: 'done', tally: tally.drain() });
        port.close();
      },
      (error: unknown) => {
        clearInterval(timer);
        post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
        port.close();
      },
    );
  }

  port.on('message', (message: CoordinatorMessage) => {
    if (message.type === 'go') go(message.runStart);
    else stop.abort();
  });
  // Loaded: the run starts when every worker is, so none starts late on a schedule that began
  // while it was still loading its modules.
  post({ type: 'ready' });
}
