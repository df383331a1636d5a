/**
 * Tallies of made-up load runs for the chart and report tests, counted by the real
 * `TallyRecorder`s and added up by the real `TallyMerger`, as a run's workers and coordinator do.
 * A recorder files a call under the second `Date.now()` falls in after the run's start, so each
 * second of the made-up run gets a recorder whose run started that many seconds ago (its
 * "worker"); the merger adds their drains into one timeline.
 */
import type { CallResult } from '../../src/main/engine/call-types.ts';
import { TallyMerger, TallyRecorder } from '../../src/main/load/load-tally.ts';
import type { LoadTally } from '../../src/shared/load/load-types.ts';
import type { WebhookExchange } from '../../src/shared/webhook-types.ts';

/** The tally of a run in which nothing has happened yet. */
export const EMPTY_TALLY: LoadTally = {
  started: 0,
  completed: 0,
  outcomes: { hangup: 0, transfer: 0, error: 0 },
  crashes: [],
  nodes: {},
  timeline: [],
  inFlight: 0,
  maxInFlight: 0,
};

/** A node of the made-up flow: the latency and the error (or null) of its n-th exchange. */
export interface FixtureNode {
  id: string;
  latencyMs(n: number): number;
  error(n: number): string | null;
}

/**
 * An exchange with the fields a tally reads (node, ok, error, timings); the rest of a real one
 * (request, response, violations …) is not counted, so it is left out.
 */
function exchange(
  node: string,
  ms: number,
  error: string | null,
  endedAt: number,
): WebhookExchange {
  return {
    node,
    ok: error === null,
    error,
    timings: { startedAt: endedAt - ms, connectMs: null, ttfbMs: null, totalMs: ms },
  } as unknown as WebhookExchange;
}

/** A call that fired one exchange per node; its outcome is `error` when any exchange failed. */
function call(webhooks: WebhookExchange[]): CallResult {
  return {
    outcome: webhooks.some((w) => !w.ok) ? 'error' : 'hangup',
    webhooks,
  } as unknown as CallResult;
}

/**
 * The tally of a run of `seconds` seconds with `perSecond(s)` calls ending in second s, each
 * calling every node in turn. Seconds listed in `silent` have no call (a gap in the timeline).
 */
export function recordRun(options: {
  seconds: number;
  perSecond: (second: number) => number;
  nodes: readonly FixtureNode[];
  silent?: readonly number[];
}): LoadTally {
  const merger = new TallyMerger();
  let n = 0;
  for (let second = 0; second < options.seconds; second++) {
    if (options.silent?.includes(second)) continue;
    const now = Date.now();
    // Half a second into second `second`: far from both of its edges.
    const recorder = new TallyRecorder(now - second * 1000 - 500);
    for (let i = 0; i < options.perSecond(second); i++) {
      n++;
      recorder.callStarted();
      recorder.callEnded(
        call(options.nodes.map((node) => exchange(node.id, node.latencyMs(n), node.error(n), now))),
      );
    }
    merger.add(second, recorder.drain());
  }
  return merger.snapshot();
}

/** A hostile node id: markup, an entity, both quotes. */
export const HOSTILE_NODE = `<img src=x onerror=alert(1)>&amp;"'</svg><script>alert(2)</script>`;

/**
 * A 30-second run of a realistic flow: `auth` fast (2–15 ms) with every 10th exchange past the
 * 5-second limit, `balance` slower (100–300 ms) with every 7th a 500, and a node with a hostile id.
 * Seconds 12 and 13 had no call.
 */
export function realisticTally(): LoadTally {
  return recordRun({
    seconds: 30,
    perSecond: (s) => 20 + ((s * 7) % 15),
    silent: [12, 13],
    nodes: [
      {
        id: 'auth',
        latencyMs: (n) => (n % 10 === 0 ? 5003.2 : 2 + ((n * 37) % 130) / 10),
        error: (n) => (n % 10 === 0 ? 'response_timeout' : null),
      },
      {
        id: 'balance',
        latencyMs: (n) => 100 + ((n * 53) % 200),
        error: (n) => (n % 7 === 0 ? 'http_status' : n === 11 ? HOSTILE_NODE : null),
      },
      { id: HOSTILE_NODE, latencyMs: (n) => 0.4 + (n % 5), error: () => null },
    ],
  });
}
