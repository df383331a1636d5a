/**
 * Hostile replies from a real loopback CRM through the real client: nesting far past the depth
 * limit (which once overflowed the stack and came back as "internal error" with an empty URL),
 * integers beyond 2^53, x-ini and form replies of odd shapes. Each must give its own verdict,
 * apply nothing when wrong, keep the request's URL, and leave the client healthy.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { HttpNode } from '../../src/shared/flow/flow-schema.ts';
import type { VarValue, VarMap } from '../../src/shared/variables.ts';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { ExecuteResult, WebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { TestServer } from './helpers.ts';
import { assertHealthy, httpNode, sendJson, startServer } from './helpers.ts';

/** `{"a":{"a":…1…}}`, `levels` objects deep. */
function nestedObjects(levels: number, key = 'a'): string {
  return `{"${key}":`.repeat(levels - 1) + `{"${key}":1` + '}'.repeat(levels);
}

/** Object depth of a parsed value, counted without recursion. */
function depthOf(value: VarValue | VarMap): number {
  let deepest = 0;
  const stack: [VarValue | VarMap, number][] = [[value, 1]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [item, depth] = entry;
    if (typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

describe('hostile replies', () => {
  let server: TestServer;
  let client: WebhookClient;
  let roomy: WebhookClient;
  let reply = { body: '{}', type: 'application/json' };

  before(async () => {
    server = await startServer();
    client = createWebhookClient();
    // 100,000 levels do not fit in 64 KiB: a client whose body limit lets them through.
    roomy = createWebhookClient({ limits: { maxBodyBytes: 2 * 1024 * 1024 } });
    server.route('/reply', (_req, res) => sendJson(res, reply.body, reply.type));
  });

  after(async () => {
    await client.close();
    await roomy.close();
    await server.close();
  });

  function answer(
    body: string,
    options: { type?: string; node?: Partial<HttpNode>; via?: WebhookClient } = {},
  ): Promise<ExecuteResult> {
    reply = { body, type: options.type ?? 'application/json' };
    const node = httpNode({ url: `${server.base}/reply?q=\${q}`, ...options.node });
    return (options.via ?? client).execute({ nodeId: 'n', node, variables: { q: 'x y' } });
  }

  /** The exchange is fit to log and to send to the page: serialisable and cloneable. */
  function assertLoggable(result: ExecuteResult): void {
    const exchange = result.exchange;
    assert.equal(exchange.request.url, `${server.base}/reply?q=x%20y`);
    assert.doesNotThrow(() => JSON.stringify(exchange));
    assert.doesNotThrow(() => structuredClone(exchange));
  }

  for (const levels of [1000, 5001]) {
    test(`${levels} levels of objects are too_deep, once, with nothing applied`, async () => {
      const body = nestedObjects(levels);
      assert.ok(body.length < 65536, 'within the body limit');
      const result = await answer(body, { node: { setVariable: 'whole' } });
      const exchange = result.exchange;
      assert.equal(exchange.error, 'too_deep', JSON.stringify(exchange.violations.slice(0, 3)));
      assert.deepEqual(exchange.violations, [
        { code: 'too_deep', key: 'a.a.a', detail: '4 > 3 levels of objects' },
      ]);
      assert.deepEqual(exchange.variablesSet, {});
      // What is kept for display stops at the limit.
      assert.deepEqual(exchange.parsed, { a: { a: {} } });
      assertLoggable(result);
      await assertHealthy(client, server);
    });
  }

  test('100,000 levels of objects (a larger body limit) are too_deep too', async () => {
    const result = await answer(nestedObjects(100_000), { via: roomy });
    assert.equal(result.exchange.error, 'too_deep');
    assert.equal(result.exchange.violations.length, 1);
    assert.ok(depthOf(result.exchange.parsed) <= 3);
    assertLoggable(result);
    await assertHealthy(roomy, server);
  });

  test('the walk stops at the limit: bad keys past it cost nothing, within it are named', async () => {
    const result = await answer(nestedObjects(5001, 'B'));
    assert.deepEqual(
      result.exchange.violations.map((v) => [v.code, v.key]),
      [
        ['invalid_key', 'B'],
        ['invalid_key', 'B.B'],
        ['invalid_key', 'B.B.B'],
        ['too_deep', 'B.B.B'],
      ],
    );
    assert.deepEqual(result.exchange.variablesSet, {});
    assertLoggable(result);
  });

  test('deep arrays are invalid_value_type or invalid_json_shape, never a crash', async () => {
    const arrays = (n: number): string => '['.repeat(n) + ']'.repeat(n);
    const inside = await answer(`{"list":${arrays(30_000)}}`);
    assert.deepEqual(inside.exchange.violations, [
      { code: 'invalid_value_type', key: 'list', detail: 'arrays are not allowed (1 items)' },
    ]);
    assertLoggable(inside);
    const top = await answer(arrays(100_000), { via: roomy });
    assert.equal(top.exchange.error, 'invalid_json_shape');
    assertLoggable(top);
    const unclosed = await answer('{"a":'.repeat(12_000));
    assert.equal(unclosed.exchange.error, 'invalid_json');
    assertLoggable(unclosed);
    await assertHealthy(client, server);
  });

  test('integers beyond 2^53 keep their exact digits as text; the rest stay numbers', async () => {
    const body =
      '{"account": 12345678901234567890, "negative": -98765432109876543210,' +
      ' "edge": 9007199254740993, "limit": 9007199254740992, "safe": 9007199254740991,' +
      ' "price": 12.5, "huge_float": 1e25, "nested": {"id": 123456789012345678901234}}';
    const { exchange } = await answer(body, { node: { setVariable: 'whole' } });
    assert.equal(exchange.error, null, JSON.stringify(exchange.violations));
    const expected = {
      account: '12345678901234567890',
      negative: '-98765432109876543210',
      edge: '9007199254740993',
      limit: '9007199254740992',
      safe: 9007199254740991,
      price: 12.5,
      huge_float: 1e25,
      nested: { id: '123456789012345678901234' },
    };
    assert.deepEqual(exchange.variablesSet, { ...expected, whole: expected });
  });

  test('the exact digits are what the next request sends', async () => {
    const first = await answer('{"account": 12345678901234567890}');
    const vars = first.exchange.variablesSet;
    const node = httpNode({ url: `${server.base}/ok?account=\${account}` });
    await client.execute({ nodeId: 'next', node, variables: vars });
    assert.equal(server.seen.at(-1)?.url, '/ok?account=12345678901234567890');
  });

  test('an integer of 300 digits is value_too_long, like the same digits in x-ini', async () => {
    const digits = '9'.repeat(300);
    const json = await answer(`{"n": ${digits}}`);
    const ini = await answer(`n=${digits}`, { type: 'text/x-ini' });
    for (const { exchange } of [json, ini]) {
      assert.deepEqual(exchange.violations, [
        { code: 'value_too_long', key: 'n', detail: '300 > 256' },
      ]);
    }
  });

  test('hostile x-ini: 8,000 duplicate keys, prototype names, sections and stray lines', async () => {
    const duplicates = 'k=1\n'.repeat(8000);
    const dup = await answer(duplicates, { type: 'text/x-ini' });
    assert.equal(dup.exchange.error, null);
    assert.deepEqual(dup.exchange.variablesSet, { k: 1 });
    assert.equal(dup.exchange.warnings.filter((w) => w.code === 'duplicate_key').length, 7999);
    assertLoggable(dup);

    const names = await answer('__proto__=1\nconstructor=2\nhasownproperty=3\n', {
      type: 'text/x-ini',
      node: { setVariable: 'whole' },
    });
    assert.equal(names.exchange.error, null);
    const set = names.exchange.variablesSet;
    assert.equal(Object.getPrototypeOf(set), Object.prototype, 'no prototype was replaced');
    assert.deepEqual(Object.keys(set), ['__proto__', 'constructor', 'hasownproperty', 'whole']);
    assert.equal(set['constructor'], 2);
    assertLoggable(names);

    const stray = await answer('[s]\n'.repeat(5000) + '='.repeat(20_000), { type: 'text/x-ini' });
    const codes = stray.exchange.violations.map((v) => v.code);
    assert.equal(codes.filter((c) => c === 'invalid_ini').length, 5000);
    assert.ok(codes.includes('invalid_key'), 'the empty key before "=" is named');
    assert.deepEqual(stray.exchange.variablesSet, {});
    assertLoggable(stray);
    await assertHealthy(client, server);
  });

  test('hostile form and plain replies: one value for setVariable, judged as such', async () => {
    const form = 'application/x-www-form-urlencoded';
    const pairs = await answer('a=1&b=2&c=%20', { type: form, node: { setVariable: 'reply' } });
    assert.deepEqual(pairs.exchange.variablesSet, { reply: 'a=1&b=2&c=%20' });

    const many = await answer('&'.repeat(60_000), { type: form, node: { setVariable: 'reply' } });
    assert.deepEqual(many.exchange.violations, [
      { code: 'value_too_long', key: 'reply', detail: '60000 > 256' },
    ]);
    const lines = await answer('x\r'.repeat(20_000), { type: form, node: { setVariable: 'r' } });
    assert.deepEqual(
      lines.exchange.violations.map((v) => v.code),
      ['invalid_value_type', 'value_too_long'],
    );
    assert.deepEqual(lines.exchange.variablesSet, {});
    const huge = await answer('9'.repeat(40), { type: 'text/plain', node: { setVariable: 'n' } });
    assert.deepEqual(huge.exchange.variablesSet, { n: '9'.repeat(40) });
    assertLoggable(lines);
    await assertHealthy(client, server);
  });

  test('a JSON body template nested 3,000 levels is refused before sending, not a crash', async () => {
    const before = server.seen.length;
    const body = `${'['.repeat(2999)}{"pin": "\${q}"}${']'.repeat(2999)}`;
    const node = httpNode({
      url: `${server.base}/reply?q=\${q}`,
      method: 'POST',
      contentType: 'json',
      body,
    });
    const { exchange } = await client.execute({ nodeId: 'n', node, variables: { q: 'x y' } });
    assert.deepEqual(exchange.violations, [
      {
        code: 'network_error',
        detail: 'request not sent: the JSON body template nests 3000 levels, more than 64',
      },
    ]);
    assert.equal(exchange.request.url, `${server.base}/reply?q=x%20y`);
    assert.equal(server.seen.length, before, 'nothing was sent');
    await assertHealthy(client, server);
  });

  test('an unexpected failure is logged with the real URL', async () => {
    // A node whose setVariable throws when read: the failure comes after the request was sent.
    const node = httpNode({ url: `${server.base}/reply?q=\${q}` });
    Object.defineProperty(node, 'setVariable', {
      enumerable: true,
      get(): never {
        throw new Error('boom');
      },
    });
    reply = { body: '{"fine": true}', type: 'application/json' };
    const { exchange } = await client.execute({ nodeId: 'n', node, variables: { q: 'x y' } });
    assert.equal(exchange.error, 'network_error');
    assert.equal(exchange.violations[0]?.detail, 'internal error: boom');
    assert.equal(exchange.request.url, `${server.base}/reply?q=x%20y`);
    assert.match(exchange.curl, /reply\?q=x%20y/);
    assert.deepEqual(exchange.variablesSet, {});
    await assertHealthy(client, server);
  });
});
