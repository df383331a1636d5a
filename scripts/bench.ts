/**
 * `npm run bench`: measures, in one run on loopback, what the console adds to a webhook's round
 * trip (its client against bare `undici.request` for the same request, interleaved so machine
 * noise hits both alike) and how many session-log events per second it writes with each event
 * committed on its own. Prints figures and ratios; asserts nothing (see docs/benchmarks.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import type { CallEvent } from '../src/shared/call-events.ts';
import type { HttpNode } from '../src/shared/flow/flow-schema.ts';
import { openSessionStore } from '../src/main/store/session-store.ts';
import { createWebhookClient } from '../src/main/webhook/webhook-client.ts';
import { seedBulkSessions } from './seed-sessions.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3000);
const WARMUP = 300;
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 3000);

function quantile(sorted: number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] as number;
}

function summary(samples: number[]): { median: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
}

const us = (ms: number): string => `${(ms * 1000).toFixed(0)} µs`;

/**
 * Runs our client and bare undici against one endpoint, interleaved. `workMs` is how long the
 * endpoint takes to answer: 0 is the bare loopback floor, 1 a fast real CRM endpoint.
 */
async function benchWebhook(workMs: number): Promise<void> {
  const reply = JSON.stringify({
    authenticated: true,
    customer_name: 'Anna',
    tier: 'gold',
    account: { balance: 1250.75, currency: 'EUR' },
  });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const answer = (): void => {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(reply),
        });
        res.end(reply);
      };
      if (workMs > 0) setTimeout(answer, workMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const node: HttpNode = {
    type: 'http',
    method: 'POST',
    contentType: 'json',
    url: '${crm_base}/ivr/auth',
    body: '{"id": "${customer_id}", "pin": "${pin}", "caller": "${source}"}',
    setVariable: 'auth_reply',
    sendOnHangup: false,
    next: 'x',
  };
  const variables = { crm_base: base, customer_id: '12345', pin: '1111', source: '+3612345678' };
  const client = createWebhookClient();
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const bareBody = JSON.stringify({ id: '12345', pin: '1111', caller: '+3612345678' });

  const ours = async (): Promise<number> => {
    const t0 = performance.now();
    const { exchange } = await client.execute({ nodeId: 'auth', node, variables });
    const t = performance.now() - t0;
    if (!exchange.ok) throw new Error(`bench request failed: ${exchange.error}`);
    return t;
  };
  const bare = async (): Promise<number> => {
    const t0 = performance.now();
    const res = await request(`${base}/ivr/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bareBody,
      dispatcher: agent,
    });
    JSON.parse(await res.body.text());
    return performance.now() - t0;
  };

  for (let i = 0; i < WARMUP; i++) {
    await ours();
    await bare();
  }
  const a: number[] = [];
  const b: number[] = [];
  const rounds = workMs === 0 ? ROUNDS : Math.min(ROUNDS, 1000);
  for (let i = 0; i < rounds; i++) {
    // Alternate which goes first so neither always follows the other.
    if (i % 2 === 0) {
      a.push(await ours());
      b.push(await bare());
    } else {
      b.push(await bare());
      a.push(await ours());
    }
  }
  await client.close();
  await agent.close();
  await new Promise((resolve) => server.close(resolve));

  const o = summary(a);
  const u = summary(b);
  const what =
    workMs === 0 ? 'an endpoint that answers at once' : `an endpoint that works ${workMs} ms`;
  console.log(
    `webhook round trip on loopback to ${what}, ${rounds} interleaved rounds (POST json):`,
  );
  console.log(`  bare undici.request     median ${us(u.median)}   p99 ${us(u.p99)}`);
  console.log(`  console webhook client  median ${us(o.median)}   p99 ${us(o.p99)}`);
  console.log(
    `  ratio (console / bare)  median ${(o.median / u.median).toFixed(3)}   p99 ${(o.p99 / u.p99).toFixed(3)}   (goal: median < 1.05)`,
  );
  console.log(`  added by the console    median ${us(o.median - u.median)}   (goal: < 1 ms)`);
}

function sampleEvent(seq: number): CallEvent {
  switch (seq % 4) {
    case 0:
      return { type: 'node_entered', node: 'ask_id', nodeType: 'getDigits', seq, t: seq * 10 };
    case 1:
      return {
        type: 'prompt_started',
        node: 'ask_id',
        text: 'Please enter your customer number, then press hash.',
        purpose: 'say',
        seq,
        t: seq * 10,
      };
    case 2:
      return { type: 'key', key: '5', node: 'ask_id', buffered: false, seq, t: seq * 10 };
    default:
      return {
        type: 'variables_changed',
        node: 'ask_id',
        source: 'getDigits',
        changes: [{ name: 'customer_id', to: '12345' }],
        seq,
        t: seq * 10,
      };
  }
}

function benchStore(synchronous: 'NORMAL' | 'FULL'): number {
  const dir = mkdtempSync(join(tmpdir(), 'ivr-bench-'));
  try {
    const store = openSessionStore({ path: join(dir, 'sessions.db'), synchronous });
    const recorder = store.begin({
      id: crypto.randomUUID(),
      flowId: 'bench',
      flowName: 'Bench',
      flowPath: null,
      source: '+3612345678',
      destination: '+3612000000',
      startedAt: Date.now(),
    });
    const t0 = performance.now();
    for (let seq = 0; seq < EVENTS; seq++) recorder.record(sampleEvent(seq));
    const seconds = (performance.now() - t0) / 1000;
    store.close();
    return EVENTS / seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
await benchWebhook(0);
await benchWebhook(1);
console.log(`session log, ${EVENTS} events, each its own committed transaction (WAL):`);
for (const mode of ['NORMAL', 'FULL'] as const) {
  const rate = benchStore(mode);
  const note =
    mode === 'NORMAL' ? 'default: durable across any app crash' : 'also durable across power loss';
  console.log(
    `  synchronous=${mode.padEnd(6)} ${Math.round(rate).toLocaleString('en-US').padStart(8)} events/s   (${note})`,
  );
}

/** Lists and opens sessions in a database of 100,000 (product bar: under 100 ms each). */
function benchSessionList(): void {
  const dir = mkdtempSync(join(tmpdir(), 'ivr-bench-'));
  try {
    const file = join(dir, 'sessions.db');
    seedBulkSessions(file, 100_000);
    const store = openSessionStore({ path: file });
    const recorder = store.begin({
      id: 'the-newest',
      flowId: 'balance',
      flowName: 'Balance read-back',
      flowPath: null,
      source: '+3612345678',
      destination: '+3612000000',
      startedAt: Date.now(),
    });
    for (let seq = 0; seq < 60; seq++) recorder.record(sampleEvent(seq));
    const cases: [string, () => unknown][] = [
      ['first page (50, newest first)', () => store.list()],
      ['page at offset 90,000', () => store.list({ offset: 90_000 })],
      ['page filtered by flow + outcome', () => store.list({ flowId: 'flow-7', status: 'error' })],
      ['page searched by caller', () => store.list({ search: '+362000999' })],
      ['page searched by variable value', () => store.list({ search: 'customer 4242' })],
      ['search with no match', () => store.list({ search: 'no such caller' })],
      ['count all', () => store.count()],
      // What the Sessions screen asks for a searched page: the page and how many match in all.
      [
        'screen: searched page + total',
        () => [store.list({ search: 'customer 4242' }), store.count({ search: 'customer 4242' })],
      ],
      ['open a session (60 events)', () => store.get('the-newest')],
    ];
    console.log(
      'session log with 100,000 sessions, median of 25 runs after one warm-up (bar: < 100 ms):',
    );
    for (const [label, run] of cases) {
      run();
      const samples: number[] = [];
      for (let i = 0; i < 25; i++) {
        const t0 = performance.now();
        run();
        samples.push(performance.now() - t0);
      }
      const { median, p99 } = summary(samples);
      console.log(
        `  ${label.padEnd(34)} median ${median.toFixed(2).padStart(7)} ms   max ${p99.toFixed(2).padStart(7)} ms`,
      );
    }
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

benchSessionList();
