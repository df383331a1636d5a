/**
 * `npm run bench -- --only load`: is the load generator the bottleneck? Against one loopback
 * endpoint that answers at once (a server in a child process of its own, as a CRM would be),
 * `autocannon` with 50 connections, then `load` at concurrency 50 with a flow of one `http` node,
 * in the same run: calls per second against requests per second (issue bar: at least half). Then
 * the memory that 1,000 calls in progress at once take (each held by a webhook that answers after
 * 3 s): the process's resident memory at the peak, less before the run.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import type { Flow } from '../src/shared/flow/flow-schema.ts';
import { runLoad } from '../src/main/load/run-load.ts';
import type { LoadPlan } from '../src/main/load/load-plan.ts';

/** Seconds each side runs for, per round. */
const SECONDS = Number(process.env['BENCH_LOAD_SECONDS'] ?? 6);
/**
 * The seconds of a load run left out of its steady rate: its worker threads are new, and V8
 * takes about two seconds to optimise the call path (about 10,000 calls a second in the first,
 * twice that from the third on).
 */
const WARM_UP_SECONDS = 2;
/**
 * Rounds, each side in turn: this machine's speed drifts by as much as two to one from one minute
 * to the next (a shared VM), so short rounds side by side and their median ratio say more than
 * one long run of each.
 */
const ROUNDS = Number(process.env['BENCH_LOAD_ROUNDS'] ?? 4);

const SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  req.resume();
  const delay = Number(new URL(req.url, 'http://x').searchParams.get('delay') ?? 0);
  const answer = () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"tier":"gold"}');
  };
  if (delay > 0) setTimeout(answer, delay); else answer();
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

/** Starts the endpoint in a child process; resolves to its URL and the child. */
async function startEndpoint(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.stdout?.setEncoding('utf8').once('data', (line: string) => resolve(line.trim()));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** A flow of one `http` node to `url`. */
function oneWebhookFlow(url: string): Flow {
  return {
    id: 'one-webhook',
    name: 'One webhook',
    start: 'hook',
    nodes: {
      hook: { type: 'http', method: 'GET', url, setVariable: 'tier', next: 'bye' },
      bye: { type: 'hangup' },
    },
  } as unknown as Flow;
}

/** A closed-model plan of `calls` calls, `concurrency` at once. */
function planOf(flow: Flow, calls: number, concurrency: number): LoadPlan {
  return {
    flow,
    flowPath: '/bench/one-webhook.json',
    recordings: [],
    callers: [{ name: 'silent', steps: [], variables: {} }],
    calls,
    model: { kind: 'closed', concurrency },
    realtime: false,
    variables: {},
    secrets: {},
    network: { proxyEnv: {} },
    logPath: null,
  };
}

/** `autocannon` at 50 connections for {@link SECONDS}: requests per second. */
async function autocannonRate(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 50, duration: SECONDS });
  return result.requests.total / (result.duration || SECONDS);
}

/** The median of `values`. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * `load` at concurrency 50, sized to run about {@link SECONDS}: calls per second over the whole
 * run, and steady (the median of its whole seconds after {@link WARM_UP_SECONDS}).
 */
async function loadRate(
  url: string,
  estimate: number,
): Promise<{ rate: number; steady: number; errors: number }> {
  const calls = Math.max(1000, Math.round(estimate * SECONDS));
  const run = runLoad({ plan: planOf(oneWebhookFlow(url), calls, 50) });
  const { tally, durationMs } = await run.done;
  // Whole seconds only: the last one is cut short by the run's end.
  const seconds = tally.timeline.slice(WARM_UP_SECONDS, -1).map((s) => s.completed);
  return {
    rate: (tally.completed / durationMs) * 1000,
    steady: seconds.length > 0 ? median(seconds) : Number.NaN,
    errors: tally.outcomes.error,
  };
}

/** The process's resident memory at its peak while `calls` calls are all in progress at once. */
async function peakWith(url: string, calls: number): Promise<number> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  // Each call waits 3 s for its webhook's answer, so all of them are in progress together.
  await runLoad({ plan: planOf(oneWebhookFlow(`${url}/?delay=3000`), calls, calls) }).done;
  clearInterval(sampler);
  return peak;
}

/**
 * Memory, in a process that has run nothing else yet: with 1,000 calls in progress (worker
 * threads included), then with 5,000; the difference over 4 is what each further 1,000 cost.
 */
async function memory(url: string): Promise<void> {
  const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  const before = process.memoryUsage().rss;
  const one = await peakWith(url, 1000);
  const five = await peakWith(url, 5000);
  console.log(
    `memory: ${mib(before)} before; ${mib(one - before)} more with 1,000 calls in progress (worker threads included); ${mib((five - one) / 4)} per further 1,000 (5,000 at once)`,
  );
}

/** Prints the figures. */
export async function benchLoad(): Promise<void> {
  const { url, child } = await startEndpoint();
  try {
    await memory(url);
    // A short warm-up of each, then the measured runs, alternated.
    await autocannon({ url, connections: 50, duration: 1 });
    await runLoad({ plan: planOf(oneWebhookFlow(url), 2000, 50) }).done;
    const whole: number[] = [];
    const steady: number[] = [];
    console.log(
      `load generator against autocannon, ${ROUNDS} rounds of about ${SECONDS} s each, one loopback endpoint:`,
    );
    for (let round = 0; round < ROUNDS; round++) {
      const cannon = await autocannonRate(url);
      const load = await loadRate(url, cannon / 2);
      whole.push(load.rate / cannon);
      steady.push(load.steady / cannon);
      console.log(
        `  autocannon 50 connections ${cannon.toFixed(0)} req/s · load --concurrency 50 ${load.rate.toFixed(0)} calls/s over the run, ${load.steady.toFixed(0)} steady (${load.errors} errors) · ratios ${(load.rate / cannon).toFixed(2)}, ${(load.steady / cannon).toFixed(2)}`,
      );
    }
    console.log(
      `  median ratio ${median(whole).toFixed(2)} over the run, ${median(steady).toFixed(2)} steady (bar: 0.50)`,
    );
  } finally {
    child.kill();
  }
}
