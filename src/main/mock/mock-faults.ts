/**
 * How the mock server writes a reply: whole, reset mid-body, or dribbled. The pacing is fixed and
 * documented (../shared/spec/WORKSPACE.md, "Mock replies") so a tester can predict it: a dribbled
 * body goes out {@link DRIBBLE_CHUNK_BYTES} bytes every {@link DRIBBLE_INTERVAL_MS} ms, which
 * leaves it to the platform's response timeout to judge the reply.
 */
import type { ServerResponse } from 'node:http';
import type { MockReply } from './mock-reply.ts';

/** Bytes per write of a dribbled body. */
export const DRIBBLE_CHUNK_BYTES = 8;

/** Pause before each write of a dribbled body. */
export const DRIBBLE_INTERVAL_MS = 200;

/**
 * How long a reset reply's first half is given to reach the client before the reset: a reset
 * discards what is still unsent, and the fault is meant to break the body, not the head.
 */
export const RESET_AFTER_MS = 20;

/**
 * Schedules `run` after `ms`, cancelled if the exchange ends first (the client gave up, the
 * server closed): a waiting reply must not keep a socket, or the process, alive.
 */
export function after(res: ServerResponse, ms: number, run: () => void): void {
  const timer = setTimeout(run, ms);
  res.once('close', () => clearTimeout(timer));
}

/** Writes the whole reply. */
export function writeReply(res: ServerResponse, reply: MockReply): void {
  res.writeHead(reply.status, [...reply.headers, ['Content-Length', String(reply.body.length)]]);
  res.end(reply.body);
}

/**
 * Writes the head announcing the whole body and the first half of it, then resets the connection
 * (a TCP RST): the client sees the body cut off mid-way.
 */
export function writeReset(res: ServerResponse, reply: MockReply): void {
  // At least one byte announced beyond what is sent, so the body is always cut short.
  const length = Math.max(reply.body.length, 2);
  res.writeHead(reply.status, [...reply.headers, ['Content-Length', String(length)]]);
  res.write(reply.body.subarray(0, Math.floor(reply.body.length / 2)));
  after(res, RESET_AFTER_MS, () => {
    const socket = res.socket;
    if (socket !== null && !socket.destroyed) socket.resetAndDestroy();
  });
}

/** Writes the head at once, then the body a few bytes at a time. */
export function writeDribble(res: ServerResponse, reply: MockReply): void {
  res.writeHead(reply.status, [...reply.headers, ['Content-Length', String(reply.body.length)]]);
  res.flushHeaders();
  let offset = 0;
  // One timer at a time, and one listener that cancels it (not one per chunk).
  let timer: NodeJS.Timeout | undefined;
  res.once('close', () => clearTimeout(timer));
  const next = (): void => {
    if (res.destroyed) return;
    const end = Math.min(offset + DRIBBLE_CHUNK_BYTES, reply.body.length);
    const chunk = reply.body.subarray(offset, end);
    offset = end;
    if (offset >= reply.body.length) {
      res.end(chunk);
      return;
    }
    res.write(chunk);
    timer = setTimeout(next, DRIBBLE_INTERVAL_MS);
  };
  timer = setTimeout(next, DRIBBLE_INTERVAL_MS);
}
