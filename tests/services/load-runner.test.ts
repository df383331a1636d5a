/**
 * The Load screen's service through the same channel handlers the desktop app and browser mode
 * use: a run against a real loopback CRM (a workspace flow with one webhook, a workspace
 * environment pointing at the CRM) counted exactly, its progress and result on the event
 * channel, its calls logged; Stop mid-run; a second Start refused while one runs; callers taking
 * turns through a test file's cases; and every bad input refused with a message naming it.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ConsoleEvent, Envelope, LoadStatus } from '../../src/shared/contract.ts';
import { dispatchRequest } from '../../src/main/ipc/dispatch-request.ts';
import { startTestConsole } from '../helpers/console-services.ts';
import type { TestConsole } from '../helpers/console-services.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { writeLoadWorkspace } from './load-workspace.ts';

/** How long the CRM takes per request: 40 calls, 4 at once, then take about 1.5 s. */
const DELAY_MS = 150;

let app: TestConsole;
let workspace: string;
let flowPath: string;
let server: Server;
let inFlight = 0;
let maxInFlight = 0;
const bodies: string[] = [];
const statuses: LoadStatus[] = [];

async function ask(channel: string, input: unknown = {}): Promise<Envelope<unknown>> {
  return dispatchRequest(app.handlers, channel, input);
}
async function value<T>(channel: string, input: unknown = {}): Promise<T> {
  const answer = await ask(channel, input);
  if (!answer.ok) assert.fail(`${channel}: ${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}
async function refusal(
  channel: string,
  input: unknown,
): Promise<{ code: string; message: string }> {
  const answer = await ask(channel, input);
  if (answer.ok) assert.fail(`${channel} accepted ${JSON.stringify(input)}`);
  return answer.error;
}
/** The run's end, as the event channel says it. */
async function ended(ms = 30_000): Promise<LoadStatus> {
  const end = Date.now() + ms;
  for (;;) {
    const last = statuses.at(-1);
    if (last && (last.phase === 'finished' || last.phase === 'failed')) return last;
    if (Date.now() > end) assert.fail('timed out waiting for the load run to end');
    await new Promise((r) => setTimeout(r, 25));
  }
}
function resetCounts(): void {
  statuses.length = 0;
  bodies.length = 0;
  maxInFlight = 0;
}

const base = { environmentId: 'workspace:local', realtime: false } as const;

before(async () => {
  server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ authenticated: true }));
      }, DELAY_MS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  ({ workspace, flowPath } = writeLoadWorkspace(port));
  app = await startTestConsole({ workspace });
  app.services.hub.subscribe((event: ConsoleEvent) => {
    if (event.kind === 'load') statuses.push(event.status);
  });
});
after(async () => {
  await app?.services.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(workspace, { recursive: true, force: true });
  rmSync(app.dataDir, { recursive: true, force: true });
});

describe('the console load runner', () => {
  test('before any run: idle, and no report to export', async () => {
    const status = await value<LoadStatus>('load.status');
    assert.equal(status.phase, 'idle');
    const error = await refusal('load.report', {});
    assert.equal(error.code, 'not_found');
    assert.match(error.message, /no load run has ended yet/);
  });

  test('40 calls, 4 at once: progress once a second, exact counts, every call logged', async () => {
    resetCounts();
    const started = await value<LoadStatus>('load.start', {
      ...base,
      flowPath,
      calls: 40,
      concurrency: 4,
      keys: '12345#',
      log: true,
    });
    assert.equal(started.phase, 'running');
    assert.equal(started.run?.environmentName, 'Local CRM');
    assert.deepEqual(started.run?.model, { kind: 'closed', concurrency: 4 });
    assert.deepEqual(started.run?.callers, ['--dtmf 12345#']);
    assert.equal(started.run?.responseLimitMs, 5000);

    const final = await ended();
    assert.equal(final.phase, 'finished', final.error ?? '');
    const progress = statuses.filter((s) => s.phase === 'running' && s.tally !== null);
    assert.ok(progress.length >= 1, `progress events: ${progress.length}`);
    assert.ok(progress.every((s) => (s.tally?.completed ?? 0) <= 40));
    assert.equal(final.stopped, false);
    assert.deepEqual(final.result?.calls, {
      total: 40,
      completed: 40,
      outcomes: { hangup: 40, transfer: 0, error: 0 },
    });
    assert.equal(final.result?.concurrency, 4);
    assert.deepEqual(Object.keys(final.result?.webhooks ?? {}), ['auth']);
    const auth = final.result?.webhooks.auth;
    assert.equal(auth?.count, 40);
    assert.equal(auth?.ok, 40);
    assert.deepEqual(auth?.errors, {});
    assert.equal(auth?.overLimit, 0);
    assert.ok((auth?.latencyMs.p50 ?? 0) >= DELAY_MS, `p50 ${auth?.latencyMs.p50}`);
    // The server's own account: every request, the keys pressed, never more than 4 at once.
    assert.equal(bodies.length, 40);
    assert.ok(bodies.every((b) => JSON.parse(b).id === '12345'));
    assert.equal(maxInFlight, 4);
    assert.equal(final.tally?.maxInFlight, 4);
    // Logged in the console's own session log.
    const page = await value<{ total: number }>('sessions.list', { flowId: 'login' });
    assert.equal(page.total, 40);
    assert.deepEqual(await value<LoadStatus>('load.status'), final);
  });

  test('a second Start is refused while a run goes; Stop ends it early', async () => {
    resetCounts();
    await value('load.start', { ...base, flowPath, calls: 400, concurrency: 2, keys: '7#' });
    const second = await refusal('load.start', { ...base, flowPath, calls: 5, concurrency: 1 });
    assert.equal(second.code, 'conflict');
    assert.match(second.message, /a load run is (in progress|starting)/);
    assert.match(second.message, /stop it/);
    while (bodies.length < 6) await new Promise((r) => setTimeout(r, 20));
    await value('load.stop');
    const final = await ended();
    assert.equal(final.phase, 'finished');
    assert.equal(final.stopped, true);
    const completed = final.result?.calls.completed ?? 0;
    assert.ok(completed >= 4 && completed < 400, `completed ${completed}`);
    // Stopped means stopped: no request reaches the CRM afterwards.
    const seen = bodies.length;
    await new Promise((r) => setTimeout(r, 3 * DELAY_MS));
    assert.equal(bodies.length, seen);
    // And the next run may start.
    resetCounts();
    await value('load.start', { ...base, flowPath, calls: 2, rate: 20, keys: '5#' });
    const next = await ended();
    assert.equal(next.result?.calls.completed, 2);
    assert.equal(next.result?.rate, 20);
  });

  test("callers take turns through a test file's cases", async () => {
    resetCounts();
    const started = await value<LoadStatus>('load.start', {
      ...base,
      flowPath,
      calls: 10,
      concurrency: 2,
      testFile: join(workspace, 'tests', 'login.yaml'),
    });
    assert.deepEqual(started.run?.callers, ['first customer', 'second customer']);
    const final = await ended();
    assert.equal(final.result?.webhooks.auth?.ok, 10);
    const ids = bodies.map((b) => JSON.parse(b).id as string).sort();
    assert.deepEqual(ids, [...Array(5).fill('111'), ...Array(5).fill('222')]);
  });

  test('bad input is refused, each with a message naming it', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ calls: 0, concurrency: 1 }, /calls: at least 1/],
      [{ calls: 2.5, concurrency: 1 }, /calls: a whole number/],
      [{ calls: 5, rate: -1 }, /rate: above 0/],
      [{ calls: 5, rate: 0 }, /rate: above 0/],
      [{ calls: 5, concurrency: 0 }, /concurrency: at least 1/],
      [{ calls: 5, concurrency: 2, rate: 3 }, /rate: .*not both/],
      [{ calls: 5 }, /concurrency: give callers at once/],
      [{ calls: 5, concurrency: 1, keys: '1#', testFile: '/x.yaml' }, /testFile: .*not both/],
      [{ calls: 5, concurrency: 1, testFile: '' }, /testFile: pick a test file/],
    ];
    for (const [input, message] of cases) {
      const error = await refusal('load.start', { ...base, flowPath, ...input });
      assert.equal(error.code, 'invalid_input', JSON.stringify(input));
      assert.match(error.message, message);
    }
    const keys = await refusal('load.start', {
      ...base,
      flowPath,
      calls: 1,
      concurrency: 1,
      keys: '12x',
    });
    assert.equal(keys.code, 'invalid_input');
    assert.match(keys.message, /keys: "x" at position 3 is not a key/);
    const environment = await refusal('load.start', {
      ...base,
      environmentId: 'workspace:nope',
      flowPath,
      calls: 1,
      concurrency: 1,
    });
    assert.notEqual(environment.code, 'invalid_input');
    assert.match(environment.message, /nope/);
    const outside = tempDir('ivr-load-outside-');
    writeFileSync(join(outside, 't.yaml'), 'flow: x.json\ncases: []\n');
    const testFile = await refusal('load.start', {
      ...base,
      flowPath,
      calls: 1,
      concurrency: 1,
      testFile: join(outside, 't.yaml'),
    });
    rmSync(outside, { recursive: true, force: true });
    assert.equal(testFile.code, 'forbidden');
    assert.match(
      testFile.message,
      /neither a test file the console lists nor in the open workspace/,
    );
    const missing = await refusal('load.start', {
      ...base,
      flowPath: join(workspace, 'flows', 'none.json'),
      calls: 1,
      concurrency: 1,
    });
    assert.equal(missing.code, 'not_found');
    // None of them started a run.
    assert.notEqual((await value<LoadStatus>('load.status')).phase, 'running');
  });

  test('the last run exports as one self-contained HTML report', async () => {
    const file = await value<{ fileName: string; mimeType: string; content: string }>(
      'load.report',
    );
    assert.match(file.fileName, /^load-login-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.html$/);
    assert.equal(file.mimeType, 'text/html');
    assert.match(file.content, /^<!doctype html>/i);
    assert.match(file.content, /login/);
  });
});
