// Over 300 lines: the benchmark runner and its loopback scenarios, which share one server set-up and one report table.
/**
 * `npm run bench`: measures, in one run on loopback, what the console adds to a webhook's round
 * trip (its client against bare `undici.request` for the same request, interleaved so machine
 * noise hits both alike), the same over HTTPS and through a forward proxy, and how many
 * session-log events per second it writes with each event committed on its own. Prints figures
 * and ratios; asserts nothing (see docs/benchmarks.md).
 *
 * `npm run bench -- --only tls-proxy` runs one section (webhook, tls-proxy, store, sessions,
 * validation, first-window: scripts/bench-first-window.ts, load: scripts/bench-load.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProxy } from 'proxy';
import { Agent, ProxyAgent, request } from 'undici';
import type { Dispatcher } from 'undici';
import type { CallEvent } from '../src/shared/call-events.ts';
import type { HttpNode } from '../src/shared/flow/flow-schema.ts';
import { loadFlowFile, MAX_FLOW_FILE_BYTES } from '../src/main/flows/load-flow-file.ts';
import { FlowSchema } from '../src/shared/flow/flow-schema.ts';
import { validateFlowText } from '../src/shared/flow/validate-flow.ts';
import { COUNT_PAST_PAGE } from '../src/main/services/session-library.ts';
import { openSessionStore } from '../src/main/store/session-store.ts';
import type { WebhookNetwork } from '../src/main/webhook/network-options.ts';
import { createWebhookClient } from '../src/main/webhook/webhook-client.ts';
import { denseMenuFlow, manyHangups, setVariableCycle } from '../tests/flow/dense-flows.ts';
import { referenceDefinedOnEntry } from '../tests/flow/reference-dataflow.ts';
import { createTestCertificates } from '../tests/helpers/test-certificates.ts';
import { benchFirstWindow } from './bench-first-window.ts';
import { benchLoad } from './bench-load.ts';
import { seedBulkSessions } from './seed-sessions.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3000);
const WARMUP = 300;
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 3000);
const NET_ROUNDS = Number(process.env['BENCH_NET_ROUNDS'] ?? 1000);
const SECTIONS = [
  'webhook',
  'tls-proxy',
  'store',
  'sessions',
  'validation',
  'first-window',
  'load',
] as const;
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt === -1 ? null : (process.argv[onlyAt + 1] ?? '');
if (only !== null && !(SECTIONS as readonly string[]).includes(only)) {
  throw new Error(`--only takes one of ${SECTIONS.join(', ')}`);
}
const runs = (section: (typeof SECTIONS)[number]): boolean => only === null || only === section;

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

/** The bench reply, and a handler that sends it once the request body is read. */
const BENCH_REPLY = JSON.stringify({
  authenticated: true,
  customer_name: 'Anna',
  tier: 'gold',
  account: { balance: 1250.75, currency: 'EUR' },
});

function answerBench(req: IncomingMessage, res: ServerResponse): void {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(BENCH_REPLY),
    });
    res.end(BENCH_REPLY);
  });
}

/** Runs `ours` and `bare` alternately (warm-up first); per-request times in ms. */
async function interleaved(
  ours: () => Promise<number>,
  bare: () => Promise<number>,
  rounds: number,
): Promise<{ ours: number[]; bare: number[] }> {
  for (let i = 0; i < Math.min(WARMUP, rounds); i++) {
    await ours();
    await bare();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      a.push(await ours());
      b.push(await bare());
    } else {
      b.push(await bare());
      a.push(await ours());
    }
  }
  return { ours: a, bare: b };
}

/**
 * Our client over HTTPS (the environment's CA trusted) and through a forward proxy (the `proxy`
 * package: an http target in absolute form, an https target through CONNECT), each against bare
 * undici with the same settings (an `Agent` with the CA, a `ProxyAgent`) on the same servers,
 * keep-alive on both sides.
 */
async function benchTlsAndProxy(): Promise<void> {
  const certs = await createTestCertificates();
  if (certs === null) {
    console.log('TLS and proxy: skipped, openssl not found');
    return;
  }
  const plain = createServer(answerBench);
  const secure = createHttpsServer({ cert: certs.server.cert, key: certs.server.key }, answerBench);
  const proxyServer = createProxy(createServer());
  const listen = (server: { listen(port: number, host: string, cb: () => void): unknown }) =>
    new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await Promise.all([listen(plain), listen(secure), listen(proxyServer)]);
  const portOf = (server: { address(): unknown }): number => (server.address() as AddressInfo).port;
  const httpBase = `http://127.0.0.1:${portOf(plain)}`;
  const httpsBase = `https://127.0.0.1:${portOf(secure)}`;
  const proxyUrl = `http://127.0.0.1:${portOf(proxyServer)}`;

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
  const bareBody = JSON.stringify({ id: '12345', pin: '1111', caller: '+3612345678' });
  const cases: { label: string; base: string; network: WebhookNetwork; bare: Dispatcher }[] = [
    {
      label: 'HTTPS, CA from tls.ca',
      base: httpsBase,
      network: { tls: { ca: [certs.ca] } },
      bare: new Agent({ keepAliveTimeout: 10_000, connect: { ca: [certs.ca] } }),
    },
    {
      label: 'http target through the proxy (absolute form)',
      base: httpBase,
      network: { proxy: proxyUrl },
      bare: new ProxyAgent({ uri: proxyUrl, keepAliveTimeout: 10_000 }),
    },
    {
      label: 'https target through the proxy (CONNECT + TLS)',
      base: httpsBase,
      network: { proxy: proxyUrl, tls: { ca: [certs.ca] } },
      bare: new ProxyAgent({
        uri: proxyUrl,
        keepAliveTimeout: 10_000,
        requestTls: { ca: [certs.ca] },
      }),
    },
  ];

  console.log(
    `TLS and proxy, ${NET_ROUNDS} interleaved rounds per case (POST json, keep-alive on both sides):`,
  );
  // A call makes its own client: its first https exchange opens a connection and does a full
  // handshake; the first client with these TLS settings also builds them (CA added to Node's
  // default trust), later ones share them.
  const firsts: number[] = [];
  for (let i = 0; i < 25; i++) {
    const client = createWebhookClient({ network: { tls: { ca: [certs.ca] } } });
    const t0 = performance.now();
    const { exchange } = await client.execute({
      nodeId: 'auth',
      node,
      variables: { crm_base: httpsBase, customer_id: '1', pin: '1', source: '1' },
    });
    firsts.push(performance.now() - t0);
    if (!exchange.ok) throw new Error(`bench request failed: ${exchange.violations[0]?.detail}`);
    await client.close();
  }
  const reused = summary(firsts.slice(1));
  console.log(
    `  first https exchange of a new client (new connection, full handshake): ${us(firsts[0] as number)} building the TLS settings, median ${us(reused.median)} when they are shared`,
  );

  for (const { label, base, network, bare: dispatcher } of cases) {
    const variables = { crm_base: base, customer_id: '12345', pin: '1111', source: '+3612345678' };
    const client = createWebhookClient({ network });
    const ours = async (): Promise<number> => {
      const t0 = performance.now();
      const { exchange } = await client.execute({ nodeId: 'auth', node, variables });
      const t = performance.now() - t0;
      if (!exchange.ok) throw new Error(`bench request failed: ${exchange.violations[0]?.detail}`);
      return t;
    };
    const bare = async (): Promise<number> => {
      const t0 = performance.now();
      const res = await request(`${base}/ivr/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: bareBody,
        dispatcher,
      });
      JSON.parse(await res.body.text());
      return performance.now() - t0;
    };
    const samples = await interleaved(ours, bare, NET_ROUNDS);
    await client.close();
    await dispatcher.close();
    const o = summary(samples.ours);
    const u = summary(samples.bare);
    console.log(`  ${label}:`);
    console.log(`    bare undici             median ${us(u.median)}   p99 ${us(u.p99)}`);
    console.log(`    console webhook client  median ${us(o.median)}   p99 ${us(o.p99)}`);
    console.log(
      `    ratio (console / bare)  median ${(o.median / u.median).toFixed(3)}   p99 ${(o.p99 / u.p99).toFixed(3)}   added ${us(o.median - u.median)}`,
    );
  }

  for (const server of [plain, secure, proxyServer]) server.closeAllConnections();
  await Promise.all(
    [plain, secure, proxyServer].map(
      (server) => new Promise((resolve) => server.close(() => resolve(undefined))),
    ),
  );
  await certs.remove();
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
if (runs('webhook')) {
  await benchWebhook(0);
  await benchWebhook(1);
}
if (runs('tls-proxy')) await benchTlsAndProxy();
if (runs('store')) {
  console.log(`session log, ${EVENTS} events, each its own committed transaction (WAL):`);
  for (const mode of ['NORMAL', 'FULL'] as const) {
    const rate = benchStore(mode);
    const note =
      mode === 'NORMAL'
        ? 'default: durable across any app crash'
        : 'also durable across power loss';
    console.log(
      `  synchronous=${mode.padEnd(6)} ${Math.round(rate).toLocaleString('en-US').padStart(8)} events/s   (${note})`,
    );
  }
}

/**
 * Lists, searches and opens sessions in logs of 100,000 and 1,000,000 sessions (product bars:
 * under 100 ms each; a searched page and its total, what the Sessions screen asks for, within
 * 10 ms at 1,000,000). Searches: one caller, one customer's name (final variables), no match, and
 * a broad one (the country code of every caller), which reads rows in order as before the index.
 */
function benchSessionList(): void {
  for (const size of [100_000, 1_000_000]) benchSessionLog(size);
}

function benchSessionLog(size: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'ivr-bench-'));
  try {
    const file = join(dir, 'sessions.db');
    const seedStart = performance.now();
    seedBulkSessions(file, size);
    const seedMs = performance.now() - seedStart;
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
    // What the Sessions screen asks for a searched page: the page and how many match, counted
    // no further than 10,000 past it (session-library.ts).
    const screen = (search: string) => (): unknown => [
      store.list({ search }),
      store.count({ search }, COUNT_PAST_PAGE + 1),
    ];
    const deep = Math.round(size * 0.9);
    const cases: [string, () => unknown][] = [
      ['first page (50, newest first)', () => store.list()],
      [`page at offset ${deep.toLocaleString('en-US')}`, () => store.list({ offset: deep })],
      ['page filtered by flow + outcome', () => store.list({ flowId: 'flow-7', status: 'error' })],
      ['page searched by caller', () => store.list({ search: '+362000999' })],
      ['page searched by variable value', () => store.list({ search: 'customer 4242' })],
      ['search with no match', () => store.list({ search: 'no such caller' })],
      ['count all', () => store.count()],
      ['screen: searched page + total', screen('customer 4242')],
      ['  the same, by caller', screen('+362000999')],
      ['  the same, no match', screen('no such caller')],
      ['  the same, broad (+36: every row)', screen('+36')],
      ['open a session (60 events)', () => store.get('the-newest')],
    ];
    const sessions = size.toLocaleString('en-US');
    console.log(
      `session log with ${sessions} sessions (seeded in ${(seedMs / 1000).toFixed(1)} s), ` +
        'median of 25 runs after one warm-up (bars: < 100 ms; searched page + total ≤ 10 ms):',
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

if (runs('sessions')) benchSessionList();

/** Median time of `run` over `rounds` runs after one warm-up, in ms. */
function medianMs(run: () => unknown, rounds: number): number {
  run();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return summary(samples).median;
}

/**
 * Validating dense flows (menus of 12 options whose onFail goes to a setVariable; a cycle of
 * setVariable nodes), each against `JSON.parse` of the same text in the same run, the floor any
 * validator pays; then the biggest such flows the file size limit lets in (and one of bare
 * hangups, the most nodes per byte), loaded the way the app loads them (off the main thread),
 * with the longest time the main thread was held meanwhile.
 */
async function benchValidation(): Promise<void> {
  const cases: [string, FlowMaker, number][] = [
    ['dense menus, 1,000 nodes', denseMenuFlow, 500],
    ['dense menus, 10,000 nodes', denseMenuFlow, 5000],
    ['setVariable cycle, 1,000 nodes', setVariableCycle, 998],
    ['setVariable cycle, 10,000 nodes', setVariableCycle, 9998],
  ];
  console.log('flow validation, median of 10 runs after one warm-up (goal: 10,000 nodes < 1 s):');
  for (const [label, make, size] of cases) {
    const text = JSON.stringify(make(size));
    const parse = medianMs(() => JSON.parse(text), 10);
    const validate = medianMs(() => validateFlowText(text), 10);
    console.log(
      `  ${label.padEnd(32)} ${(text.length / 1024).toFixed(0).padStart(5)} KiB   JSON.parse ${parse.toFixed(1).padStart(6)} ms   validate ${validate.toFixed(1).padStart(7)} ms   ratio ${(validate / parse).toFixed(1)}`,
    );
  }
  for (const [label, make, size] of cases.filter(([, , n]) => n < 1000)) {
    // The fixed point the validator used before (quadratic), on the same flows, for comparison.
    const flow = FlowSchema.parse(make(size));
    const old = medianMs(() => referenceDefinedOnEntry(flow), 3);
    console.log(`  ${label.padEnd(32)} previous dataflow alone: ${old.toFixed(1)} ms`);
  }

  const dir = mkdtempSync(join(tmpdir(), 'ivr-bench-'));
  try {
    for (const [label, make] of [
      ['dense menus', denseMenuFlow],
      ['setVariable cycle', setVariableCycle],
      ['flow of bare hangups', manyHangups],
    ] as const) {
      let size = 1000;
      let text = JSON.stringify(make(size));
      // Grow the flow until the next step would pass the file size limit.
      for (;;) {
        const bigger = JSON.stringify(make(Math.ceil(size * 1.05)));
        if (bigger.length > MAX_FLOW_FILE_BYTES) break;
        size = Math.ceil(size * 1.05);
        text = bigger;
      }
      const file = join(dir, 'flow.json');
      writeFileSync(file, text);
      const inline = medianMs(() => validateFlowText(text), 3);
      const loads: number[] = [];
      const stalls: number[] = [];
      for (let i = 0; i < 3; i++) {
        let last = performance.now();
        let stall = 0;
        const tick = setInterval(() => {
          const now = performance.now();
          stall = Math.max(stall, now - last);
          last = now;
        }, 1);
        const t0 = performance.now();
        await loadFlowFile(file);
        loads.push(performance.now() - t0);
        clearInterval(tick);
        stalls.push(Math.max(stall, performance.now() - last));
      }
      const nodes = Object.keys((JSON.parse(text) as { nodes: object }).nodes).length;
      console.log(
        `  biggest ${label} under the size limit (${(text.length / 1024 / 1024).toFixed(2)} MiB, ${nodes.toLocaleString('en-US')} nodes): validated inline ${inline.toFixed(0)} ms; loaded ${summary(loads).median.toFixed(0)} ms, main thread held at most ${Math.max(...stalls).toFixed(0)} ms`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type FlowMaker = (size: number) => Record<string, unknown>;

if (runs('validation')) await benchValidation();
if (runs('first-window')) await benchFirstWindow(Number(process.env['BENCH_WINDOW_ROUNDS'] ?? 10));
if (runs('load')) await benchLoad();
