/**
 * JSON replies: every rule of ../shared/spec/WEBHOOK.md provoked by a real server, each violation
 * with its code, key path and detail, and the atomic "nothing applies" outcome.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { ExecuteResult, WebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { TestServer } from './helpers.ts';
import { assertHealthy, httpNode, sendJson, startServer } from './helpers.ts';

describe('JSON replies', () => {
  let server: TestServer;
  let client: WebhookClient;
  let reply: { body: string; type: string } = { body: '{}', type: 'application/json' };

  before(async () => {
    server = await startServer();
    client = createWebhookClient();
    server.route('/reply', (_req, res) => sendJson(res, reply.body, reply.type));
  });

  after(async () => {
    await client.close();
    await server.close();
  });

  async function answer(
    body: unknown,
    options: { type?: string; setVariable?: string } = {},
  ): Promise<ExecuteResult> {
    reply = {
      body: typeof body === 'string' ? body : JSON.stringify(body),
      type: options.type ?? 'application/json',
    };
    const node = httpNode({ url: `${server.base}/reply` });
    if (options.setVariable !== undefined) node.setVariable = options.setVariable;
    return client.execute({ nodeId: 'n', node, variables: {} });
  }

  async function assertRejected(result: ExecuteResult, code: string): Promise<void> {
    const exchange = result.exchange;
    assert.equal(exchange.error, code, JSON.stringify(exchange.violations));
    assert.equal(exchange.ok, false);
    assert.deepEqual(exchange.variablesSet, {});
    await assertHealthy(client, server);
  }

  test('nested values are applied and stay nested', async () => {
    const body = {
      authenticated: true,
      name: 'Anna',
      balance: 12.5,
      count: 3,
      account: { balance: 12.5, owner: { tier: 'gold' } },
    };
    const { exchange } = await answer(body);
    assert.equal(exchange.ok, true);
    assert.deepEqual(exchange.violations, []);
    assert.deepEqual(exchange.variablesSet, body);
    assert.deepEqual(exchange.parsed, body);
  });

  test('text/json with parameters and odd case is JSON too; setVariable gets the whole object', async () => {
    const { exchange } = await answer(
      { a: 1, b: { c: 'x' } },
      {
        type: 'Text/JSON; charset=UTF-8',
        setVariable: 'crm',
      },
    );
    assert.equal(exchange.ok, true);
    assert.deepEqual(exchange.variablesSet, { a: 1, b: { c: 'x' }, crm: { a: 1, b: { c: 'x' } } });
  });

  test('100 leaf pairs pass; 101 are too_many_keys (nested ones counted)', async () => {
    const hundred = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]));
    assert.equal((await answer(hundred)).exchange.ok, true);

    const flat = await answer({ ...hundred, k100: 100 });
    await assertRejected(flat, 'too_many_keys');
    assert.deepEqual(flat.exchange.violations, [{ code: 'too_many_keys', detail: '101 > 100' }]);

    const nested = Object.fromEntries(Array.from({ length: 99 }, (_, i) => [`k${i}`, i]));
    const deep = await answer({ ...nested, group: { a: 1, b: 2 } });
    await assertRejected(deep, 'too_many_keys');
    assert.equal(deep.exchange.violations[0]?.detail, '101 > 100');
  });

  test('a 257-character value is value_too_long; 256 emoji (code points) are fine', async () => {
    const long = await answer({ ok: 'fine', note: 'x'.repeat(257) });
    await assertRejected(long, 'value_too_long');
    assert.deepEqual(long.exchange.violations, [
      { code: 'value_too_long', key: 'note', detail: '257 > 256' },
    ]);
    const emoji = await answer({ note: '😀'.repeat(256) });
    assert.equal(emoji.exchange.ok, true, JSON.stringify(emoji.exchange.violations));
    const nested = await answer({ a: { b: 'y'.repeat(300) } });
    assert.deepEqual(nested.exchange.violations, [
      { code: 'value_too_long', key: 'a.b', detail: '300 > 256' },
    ]);
  });

  test('three levels of objects pass; four are too_deep', async () => {
    assert.equal((await answer({ a: { b: { c: 1 } } })).exchange.ok, true);
    const deep = await answer({ a: { b: { c: { d: 1 } } } });
    await assertRejected(deep, 'too_deep');
    assert.deepEqual(deep.exchange.violations, [
      { code: 'too_deep', key: 'a.b.c', detail: '4 > 3 levels of objects' },
    ]);
  });

  test('arrays and null are invalid_value_type', async () => {
    const arrays = await answer({ ok: 1, list: [1, 2] });
    await assertRejected(arrays, 'invalid_value_type');
    assert.equal(arrays.exchange.violations[0]?.key, 'list');
    const nulls = await answer({ a: { gone: null } });
    await assertRejected(nulls, 'invalid_value_type');
    assert.deepEqual(nulls.exchange.violations, [
      { code: 'invalid_value_type', key: 'a.gone', detail: 'null is not allowed' },
    ]);
  });

  test('invalid key names, top-level and nested, are invalid_key with their path', async () => {
    const top = await answer({ Name: 'x', ok: 1 });
    await assertRejected(top, 'invalid_key');
    assert.equal(top.exchange.violations[0]?.key, 'Name');
    const nested = await answer({ account: { 'first-name': 'x' } });
    await assertRejected(nested, 'invalid_key');
    assert.equal(nested.exchange.violations[0]?.key, 'account.first-name');
    const digit = await answer({ '1st': 'x' });
    await assertRejected(digit, 'invalid_key');
  });

  test('unparsable JSON is invalid_json with the parser message', async () => {
    const result = await answer('{"a": 1,');
    await assertRejected(result, 'invalid_json');
    assert.match(result.exchange.violations[0]?.detail ?? '', /JSON/);
    assert.equal(result.exchange.response?.body, '{"a": 1,');
  });

  test('a top-level non-object is invalid_json_shape', async () => {
    await assertRejected(await answer('[1,2]'), 'invalid_json_shape');
    await assertRejected(await answer('"text"'), 'invalid_json_shape');
    await assertRejected(await answer('42'), 'invalid_json_shape');
    await assertRejected(await answer('null'), 'invalid_json_shape');
  });

  test('every violation is reported together; error is the first', async () => {
    const body = {
      Bad: 1,
      list: [],
      long: 'z'.repeat(300),
      a: { b: { c: { d: 1 } } },
      ...Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i])),
    };
    const { exchange } = await answer(body);
    assert.deepEqual(
      exchange.violations.map((violation) => [violation.code, violation.key]),
      [
        ['invalid_key', 'Bad'],
        ['invalid_value_type', 'list'],
        ['value_too_long', 'long'],
        ['too_deep', 'a.b.c'],
        ['too_many_keys', undefined],
      ],
    );
    assert.equal(exchange.error, 'invalid_key');
    assert.deepEqual(exchange.variablesSet, {});
  });

  test('system variables in a reply are ignored with a warning; the rest applies', async () => {
    const { exchange } = await answer({ uuid: 'forged', source: '+1', name: 'Anna' });
    assert.equal(exchange.ok, true);
    assert.deepEqual(exchange.variablesSet, { name: 'Anna' });
    assert.deepEqual(
      exchange.warnings.filter((w) => w.code === 'system_variable_ignored').map((w) => w.key),
      ['uuid', 'source'],
    );
    assert.equal(exchange.parsed.uuid, 'forged');
  });
});
