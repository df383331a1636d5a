/**
 * `load --log`: the sessions of a load run, written by a thread of their own. A call's events are
 * kept in memory while it runs and sent when it ends; the writer thread logs each finished call
 * as a session. The callers' threads never wait on SQLite (its writes, or its lock when the app
 * or another run writes the same log), which would stall every exchange in flight there and
 * inflate the very latencies being measured.
 */
import { receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { CallEvent } from '../../shared/call-events.ts';
import type { SessionStart } from '../../shared/session-types.ts';
import { sessionSink } from '../calls/run-call.ts';
import { openSessionStore } from '../store/session-store.ts';

/** One finished call to log. */
export interface LoggedCall {
  start: SessionStart;
  events: CallEvent[];
}

/** What the coordinator tells the writer: log until `close`, then say `closed`. */
export type LogWriterMessage = { type: 'close' };

/**
 * The writer thread's work: logs every call that arrives on `calls` (one port per caller
 * thread) into the SQLite file `path`; on `close` from `control`, logs what is still queued,
 * closes the file and answers `closed`.
 */
export function runLogWriter(path: string, control: MessagePort, calls: MessagePort[]): void {
  const store = openSessionStore({ path });
  const log = (call: LoggedCall): void => {
    const sink = sessionSink(store.begin(call.start));
    for (const event of call.events) sink.record(event);
  };
  for (const port of calls) port.on('message', log);
  control.on('message', (message: LogWriterMessage) => {
    if (message.type !== 'close') return;
    // A caller thread posts its last call before it tells the coordinator it is done, and the
    // coordinator says close only after that: every call is already queued on its port, though
    // not yet delivered. Take them all before closing.
    for (const port of calls) {
      for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) {
        log(next.message as LoggedCall);
      }
      port.close();
    }
    store.close();
    control.postMessage({ type: 'closed' });
    control.close();
  });
}
