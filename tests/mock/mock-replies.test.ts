/**
 * Mock replies against the real webhook client: each reply kind, matching on every kind of
 * condition, first match wins, delays, replies templated from the request, the unmatched
 * request, the exchange's marker, and an unmocked node of the same client going to its URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { HttpNode } from '../../src/shared/flow/flow-schema.ts';
import type { VarMap } from '../../src/shared/variables.ts';
import type { ExecuteResult, WebhookClient } from '../../src/main/webhook/webhook-client.ts';
import { httpNode, startServer } from '../webhook/helpers.ts';
import type { TestServer } from '../webhook/helpers.ts';
import type { MockRig } from './mock-helpers.ts';
import { sectionFrom, startMockRig } from './mock-helpers.ts';

const SECTION = `
  auth:
    - when: { body.pin: "1111" }
      json: { authenticated: true, customer_name: Anna, echo: "id \${body.id} via \${method} \${path}" }
    - when: { body.pin: "2222", method: POST }
      ini: "authenticated=false\\nreason=pin \${body.pin}"
    - when: { body.pin: "2222" }
      json: { never: true }
    - json: { authenticated: false }
  balance:
    - text: "42.50"
  raw:
    - body: "a=1\\nb=\${query.b}"
      headers: { Content-Type: text/x-ini, X-Echo: "\${header.x-trace}|\${method}|\${path}" }
  down:
    - status: 503
      text: down
  big:
    - text: "${'x'.repeat(70 * 1024)}"
  matcher:
    - when: { method: PUT }
      json: { rule: put }
    - when: { path: /a/b }
      json: { rule: path }
    - when: { query.q: "x y" }
      json: { rule: query }
    - when: { body.user.id: "7" }
      json: { rule: nested }
    - when: { body.field: form value }
      json: { rule: form }
    - when: { header.X-Key: abc }
      json: { rule: header }
    - when: { body.id: "\${customer_id}" }
      json: { rule: variable }
  strict:
    - when: { body.pin: "1111", method: POST }
      json: { ok: true }
    - when: { query.id: "1" }
      json: { ok: true }
  slow:
    - when: { query.fixed: "1" }
      delayMs: 120
      json: { slow: fixed }
    - delayMs: [40, 90]
      json: { slow: random }
`;

const AUTH_BODY = '{"id": "${customer_id}", "pin": "${pin}"}';

describe('mock replies through the real webhook client', () => {
  let rig: MockRig;
  let client: WebhookClient;
  let real: TestServer;

  before(async () => {
    rig = await startMockRig(await sectionFrom(SECTION));
    client = rig.client();
    real = await startServer();
  });

  after(async () => {
    await rig.close();
    await real.close();
  });

  function call(
    nodeId: string,
    node: Partial<HttpNode>,
    variables: VarMap = {},
  ): Promise<ExecuteResult> {
    return client.execute({
      nodeId,
      node: httpNode({ url: 'https://crm.invalid/ivr/x', ...node }),
      variables,
    });
  }

  const auth = (pin: string): Promise<ExecuteResult> =>
    call(
      'auth',
      { url: 'https://crm.invalid/ivr/auth', method: 'POST', contentType: 'json', body: AUTH_BODY },
      { customer_id: '12345', pin },
    );

  test('json reply, templated from the request; the exchange is marked and keeps its real URL', async () => {
    const { exchange } = await auth('1111');
    assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
    assert.deepEqual(exchange.variablesSet, {
      authenticated: true,
      customer_name: 'Anna',
      echo: 'id 12345 via POST /ivr/auth',
    });
    assert.deepEqual(exchange.mock, { rule: 1, server: rig.route.origin });
    assert.equal(exchange.request.url, 'https://crm.invalid/ivr/auth');
    assert.match(exchange.curl, /https:\/\/crm\.invalid\/ivr\/auth/);
    assert.equal(
      exchange.response?.headers.find(([n]) => n === 'content-type')?.[1],
      'application/json',
    );
  });

  test('ini reply; the first matching rule wins', async () => {
    const { exchange } = await auth('2222');
    assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
    assert.deepEqual(exchange.variablesSet, { authenticated: false, reason: 'pin 2222' });
    assert.equal(exchange.mock?.rule, 2);
  });

  test('a rule without conditions answers whatever the others do not', async () => {
    const { exchange } = await auth('9999');
    assert.deepEqual(exchange.variablesSet, { authenticated: false });
    assert.equal(exchange.mock?.rule, 4);
  });

  test('text reply goes to setVariable', async () => {
    const { exchange } = await call('balance', { setVariable: 'balance' });
    assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
    assert.deepEqual(exchange.variablesSet, { balance: 42.5 });
    assert.match(
      exchange.response?.headers.find(([n]) => n === 'content-type')?.[1] ?? '',
      /^text\/plain/,
    );
  });

  test('raw body with its headers, templated from query, header, method and path', async () => {
    const { exchange } = await call('raw', {
      url: 'https://crm.invalid/r/s?b=two',
      headers: { 'X-Trace': 't-1' },
    });
    assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
    assert.deepEqual(exchange.variablesSet, { a: 1, b: 'two' });
    const headers = Object.fromEntries(exchange.response?.headers ?? []);
    assert.equal(headers['content-type'], 'text/x-ini');
    assert.equal(headers['x-echo'], 't-1|GET|/r/s');
  });

  test('a status other than 200 is http_status', async () => {
    const { exchange } = await call('down', {});
    assert.equal(exchange.error, 'http_status');
    assert.equal(exchange.response?.status, 503);
    assert.equal(exchange.response?.body, 'down');
  });

  test('a body over 64 KiB is body_too_large', async () => {
    const { exchange } = await call('big', { setVariable: 'v' });
    assert.equal(exchange.error, 'body_too_large');
  });

  test('conditions on method, path, query, nested JSON, form body, header and a variable', async () => {
    const rule = async (node: Partial<HttpNode>, variables: VarMap = {}): Promise<unknown> => {
      const { exchange } = await call('matcher', node, variables);
      assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
      return exchange.variablesSet.rule;
    };
    assert.equal(await rule({ method: 'PUT', body: 'x=1' }), 'put');
    assert.equal(await rule({ url: 'https://crm.invalid/a/b?z=1' }), 'path');
    assert.equal(await rule({ url: 'https://crm.invalid/q?q=${q}' }, { q: 'x y' }), 'query');
    const json = { method: 'POST' as const, contentType: 'json' as const };
    assert.equal(await rule({ ...json, body: '{"user": {"id": 7}}' }), 'nested');
    assert.equal(await rule({ method: 'POST', body: 'field=${v}' }, { v: 'form value' }), 'form');
    assert.equal(await rule({ headers: { 'x-key': 'abc' } }), 'header');
    assert.equal(
      await rule({ ...json, body: '{"id": "c-${n}"}' }, { n: 5, customer_id: 'c-5' }),
      'variable',
    );
  });

  test('a request no rule matches fails with network_error naming the closest rule', async () => {
    const { exchange } = await call('strict', {
      url: 'https://crm.invalid/s',
      method: 'POST',
      contentType: 'json',
      body: '{"pin": "2222"}',
    });
    assert.equal(exchange.error, 'network_error');
    assert.equal(
      exchange.violations[0]?.detail,
      'no mock rule of strict matches: closest is rule 1 (when body.pin = "1111", method = "POST"), body.pin was "2222"',
    );
    assert.equal(exchange.response, null);
    assert.equal(exchange.mock, undefined);
    const absent = await call('strict', { url: 'https://crm.invalid/s?id=2' });
    assert.equal(
      absent.exchange.violations[0]?.detail,
      'no mock rule of strict matches: closest is rule 2 (when query.id = "1"), query.id was "2"',
    );
  });

  test('fixed and random delays hold the reply for that long', async () => {
    const fixed = await call('slow', { url: 'https://crm.invalid/s?fixed=1' });
    assert.equal(fixed.exchange.variablesSet.slow, 'fixed');
    assert.ok((fixed.exchange.timings.ttfbMs ?? 0) >= 115, `ttfb ${fixed.exchange.timings.ttfbMs}`);
    for (let i = 0; i < 4; i++) {
      const { exchange } = await call('slow', {});
      assert.equal(exchange.variablesSet.slow, 'random');
      const ttfb = exchange.timings.ttfbMs ?? 0;
      assert.ok(ttfb >= 38 && ttfb < 1500, `ttfb ${ttfb} within [40, 90] plus scheduling`);
    }
  });

  test('a node not listed goes to its real URL, from the same client', async () => {
    const before = real.seen.length;
    const { exchange } = await call('elsewhere', { url: `${real.base}/ok` });
    assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
    assert.deepEqual(exchange.variablesSet, { fine: true });
    assert.equal(exchange.mock, undefined);
    assert.equal(real.seen.length, before + 1);
    assert.equal(real.seen.at(-1)?.url, '/ok');
  });
});
