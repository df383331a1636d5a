/**
 * "Mock from this call" end to end, with real processes: a call logged against a real loopback
 * CRM, exported as a mock environment (`sessions export --format mock`), then placed again with
 * that environment: every webhook gets the same verdict and sets the same variables, answered by
 * the console's mock server instead of the CRM.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { runCliProcess, tempDir } from '../helpers/cli-process.ts';
import type { LoopbackServer } from '../helpers/loopback-server.ts';
import { replyJson, startLoopbackServer } from '../helpers/loopback-server.ts';

/** Asks for one key, sends it to the CRM, and asks again (the caller hangs up when out of keys). */
const FLOW = {
  id: 'ask-and-send',
  name: 'Ask and send',
  start: 'ask',
  nodes: {
    ask: {
      type: 'getDigits',
      say: 'A key.',
      variable: 'n',
      minDigits: 1,
      maxDigits: 1,
      retries: 0,
      next: 'send',
    },
    send: {
      type: 'http',
      method: 'POST',
      contentType: 'json',
      url: '${crm_base}/ivr/send',
      body: '{"n": "${n}"}',
      next: 'ask',
      onError: 'ask',
    },
  },
};

interface RunWebhook {
  node: string;
  status: number | null;
  error: string | null;
  variablesSet: Record<string, unknown>;
  mock?: { rule: number };
}

describe('mock from this call', () => {
  let crm: LoopbackServer;
  const dir = tempDir('ivr-mock-from-call-');
  const flowPath = join(dir, 'flow.json');
  const db = join(dir, 'sessions.db');
  before(async () => {
    crm = await startLoopbackServer((req, res) => {
      const n = (JSON.parse(req.body) as { n: string }).n;
      if (n === '1') replyJson(res, { ok: true, greeting: 'hello' });
      else if (n === '2') replyJson(res, { error: 'down' }, 500);
      else if (n === '3') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok": tru');
      } else if (n === '5') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('42');
      } else if (n === '6') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(70_000));
      }
      // 4: no answer at all; the response timeout (2 s) ends it.
    });
    writeFileSync(flowPath, JSON.stringify(FLOW));
    writeFileSync(
      join(dir, 'crm.yaml'),
      `name: The CRM\nvariables:\n  crm_base: ${crm.url}\nlimits:\n  responseTimeoutMs: 2000\n`,
    );
  });
  after(() => crm.close());

  test('the mock gives every reply back: the same verdicts, the same variables', async () => {
    const dtmf = '1234561';
    const first = await runCliProcess([
      'run',
      flowPath,
      '--env',
      join(dir, 'crm.yaml'),
      '--dtmf',
      dtmf,
      '--db',
      db,
      '--json',
    ]);
    assert.equal(first.code, 0, first.stderr);
    const original = JSON.parse(first.stdout) as { sessionId: string; webhooks: RunWebhook[] };
    assert.deepEqual(
      original.webhooks.map((w) => w.error),
      [null, 'http_status', 'invalid_json', 'response_timeout', null, 'body_too_large', null],
    );

    const exported = await runCliProcess([
      'sessions',
      'export',
      original.sessionId,
      '--format',
      'mock',
      '--db',
      db,
    ]);
    assert.equal(exported.code, 0, exported.stderr);
    const environment = parse(exported.stdout) as {
      name: string;
      variables: Record<string, string>;
      limits: Record<string, number>;
      mock: Record<string, Record<string, unknown>[]>;
    };
    assert.match(environment.name, /^Mock of Ask and send \(call \d{4}-\d\d-\d\d \d\d:\d\d\)$/);
    assert.deepEqual(environment.variables, { crm_base: crm.url });
    // One rule per different request, pinned by the field that differs; key 1 twice is one rule.
    const rules = environment.mock['send'] ?? [];
    assert.deepEqual(
      rules.map((r) => r['when']),
      [
        { 'body.n': '1' },
        { 'body.n': '2' },
        { 'body.n': '3' },
        { 'body.n': '4' },
        { 'body.n': '5' },
        { 'body.n': '6' },
      ],
    );
    assert.deepEqual(rules[0]?.['json'], { ok: true, greeting: 'hello' });
    assert.equal(rules[1]?.['status'], 500);
    assert.equal(rules[2]?.['body'], '{"ok": tru');
    assert.equal(rules[3]?.['fault'], 'timeout');
    assert.equal(rules[4]?.['text'], '42');
    // Only 64 KiB of the 70,000 bytes were kept: filled up past the cap, so it breaks it again.
    const over = String(rules[5]?.['text']);
    assert.ok(over.startsWith('x'.repeat(65_536)) && over.length > 65_536, `${over.length}`);

    // The call's response timeout comes along: the timeout fault ends as quickly again.
    assert.deepEqual(environment.limits, { responseTimeoutMs: 2000 });
    const mockFile = join(dir, 'mock.yaml');
    writeFileSync(mockFile, exported.stdout);
    const received = crm.received.length;
    const second = await runCliProcess([
      'run',
      flowPath,
      '--env',
      mockFile,
      '--dtmf',
      dtmf,
      '--no-log',
      '--json',
    ]);
    assert.equal(second.code, 0, second.stderr);
    const again = JSON.parse(second.stdout) as { webhooks: RunWebhook[] };
    const verdicts = (run: { webhooks: RunWebhook[] }) =>
      run.webhooks.map((w) => [w.status, w.error, w.variablesSet]);
    assert.deepEqual(verdicts(again), verdicts(original));
    assert.deepEqual(
      again.webhooks.map((w) => w.mock?.rule),
      [1, 2, 3, 4, 5, 6, 1],
      'each exchange answered by the mock, by the rule of its request',
    );
    assert.equal(crm.received.length, received, 'the CRM itself heard nothing');
  });

  test('a call that sent no webhook has nothing to mock: a clear error', async () => {
    const quiet = join(dir, 'quiet.json');
    writeFileSync(
      quiet,
      JSON.stringify({ id: 'q', name: 'Quiet', start: 'bye', nodes: { bye: { type: 'hangup' } } }),
    );
    const run = await runCliProcess(['run', quiet, '--db', db, '--json']);
    const { sessionId } = JSON.parse(run.stdout) as { sessionId: string };
    const exported = await runCliProcess([
      'sessions',
      'export',
      sessionId,
      '--format',
      'mock',
      '--db',
      db,
    ]);
    assert.equal(exported.code, 1);
    assert.match(exported.stderr, /sent no webhook: nothing to mock/);
    assert.equal(exported.stdout, '');
  });
});
