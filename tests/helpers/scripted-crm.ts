/**
 * A loopback CRM for load tests whose every answer is scripted by the request's number (1, 2, …
 * in order of arrival): how long it waits, the status, the body. It logs each request's arrival
 * and end (the response sent, or the client gone) and counts the requests in flight, so a test
 * checks the load generator against the server's own account: how many at once, how fast, how
 * long each took.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the CRM does with request number `n`. */
export interface ScriptedReply {
  delayMs: number;
  status: number;
  body: string;
}

/** One request as the server saw it (times from `performance.now()`). */
export interface ServedRequest {
  n: number;
  url: string;
  arrivedAt: number;
  /** When the response was fully sent or the client went away; null while in flight. */
  endedAt: number | null;
  /** True when the client closed the connection before the answer was sent (its timeout). */
  abandoned: boolean;
}

/** A running scripted CRM. */
export interface ScriptedCrm {
  url: string;
  log: ServedRequest[];
  /** The most requests in flight at once. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

/** Starts the CRM on 127.0.0.1, a free port. */
export async function startScriptedCrm(
  script: (n: number, url: string) => ScriptedReply,
): Promise<ScriptedCrm> {
  const log: ServedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    const entry: ServedRequest = {
      n: log.length + 1,
      url: req.url ?? '',
      arrivedAt: performance.now(),
      endedAt: null,
      abandoned: false,
    };
    log.push(entry);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const end = (abandoned: boolean): void => {
      if (entry.endedAt !== null) return;
      entry.endedAt = performance.now();
      entry.abandoned = abandoned;
      inFlight--;
    };
    const reply = script(entry.n, entry.url);
    const timer = setTimeout(() => {
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body, () => end(false));
    }, reply.delayMs);
    res.on('close', () => {
      clearTimeout(timer);
      end(!res.writableFinished);
    });
    req.resume();
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The exact percentile `p` of `values` (the ⌈p % × n⌉-th smallest), as histograms define it. */
export function exactPercentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? 0;
}
