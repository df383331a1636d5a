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

/** Seconds each side runs for. */
const SECONDS = Number(process.env['BENCH_LOAD_SECONDS'] ?? 8);

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

/** `load` at concurrency 50: calls per second, sized to run about {@link SECONDS}. */
async function loadRate(url: string, estimate: number): Promise<{ rate: number; errors: number }> {
  const calls = Math.max(1000, Math.round(estimate * SECONDS));
  const run = runLoad({ plan: planOf(oneWebhookFlow(url), calls, 50) });
  const { tally, durationMs } = await run.done;
  const errors = tally.outcomes.error;
  return { rate: (tally.completed / durationMs) * 1000, errors };
}

/** Resident memory at the peak of 1,000 calls in progress, less before. */
async function memoryPerThousand(url: string): Promise<{ before: number; peak: number }> {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const run = runLoad({ plan: planOf(oneWebhookFlow(`${url}/?delay=3000`), 1000, 1000) });
  await run.done;
  clearInterval(sampler);
  return { before, peak };
}

/** Prints the figures. */
export async function benchLoad(): Promise<void> {
  const { url, child } = await startEndpoint();
  try {
    // A short warm-up of each, then the measured runs, alternated twice.
    await autocannon({ url, connections: 50, duration: 1 });
    await runLoad({ plan: planOf(oneWebhookFlow(url), 2000, 50) }).done;
    const rows: [number, number, number][] = [];
    for (let round = 0; round < 2; round++) {
      const cannon = await autocannonRate(url);
      const load = await loadRate(url, cannon / 2);
      rows.push([cannon, load.rate, load.errors]);
    }
    console.log(`load generator against autocannon, ${SECONDS} s each, one loopback endpoint:`);
    for (const [cannon, load, errors] of rows) {
      console.log(
        `  autocannon 50 connections ${cannon.toFixed(0)} req/s · load --concurrency 50 ${load.toFixed(0)} calls/s (${errors} errors) · ratio ${(load / cannon).toFixed(2)}`,
      );
    }
    const { before, peak } = await memoryPerThousand(url);
    console.log(
      `memory: ${(before / 2 ** 20).toFixed(0)} MiB before, ${(peak / 2 ** 20).toFixed(0)} MiB with 1,000 calls in progress: ${((peak - before) / 2 ** 20).toFixed(0)} MiB per 1,000 calls`,
    );
  } finally {
    child.kill();
  }
}
