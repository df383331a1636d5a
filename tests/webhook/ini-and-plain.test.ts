/**
 * `text/x-ini` and plain-text replies from a real server.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { ExecuteResult, WebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { TestServer } from './helpers.ts';
import { assertHealthy, httpNode, startServer } from './helpers.ts';

describe('x-ini and plain replies', () => {
  let server: TestServer;
  let client: WebhookClient;
  let reply: { body: string; type: string | null } = { body: '', type: null };

  before(async () => {
    server = await startServer();
    client = createWebhookClient();
    server.route('/reply', (_req, res) => {
      // A reply without Content-Type at all when `type` is null.
      res.writeHead(200, reply.type === null ? {} : { 'content-type': reply.type });
      res.end(reply.body);
    });
  });

  after(async () => {
    await client.close();
    await server.close();
  });

  function answer(body: string, type: string | null, setVariable?: string): Promise<ExecuteResult> {
    reply = { body, type };
    const node = httpNode({ url: `${server.base}/reply` });
    if (setVariable !== undefined) node.setVariable = setVariable;
    return client.execute({ nodeId: 'n', node, variables: {} });
  }

  test('ini values are trimmed and typed; comments and blank lines are skipped', async () => {
    const body = [
      '; a comment',
      '# another',
      '',
      '  name = Anna Smith  ',
      'count=42',
      'balance=-12.50',
      'zip=0042',
      'big=12345678901234567890',
      'sci=1e3',
      'active=true',
      'closed=false',
      'empty=',
      'url=http://x/?a=b',
    ].join('\r\n');
    const { exchange } = await answer(body, 'text/x-ini; charset=utf-8');
    assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
    assert.deepEqual(exchange.variablesSet, {
      name: 'Anna Smith',
      count: 42,
      balance: -12.5,
      zip: '0042',
      big: '12345678901234567890',
      sci: '1e3',
      active: true,
      closed: false,
      empty: '',
      url: 'http://x/?a=b',
    });
  });

  test('a repeated key: last wins, warning duplicate_key', async () => {
    const { exchange } = await answer('a=1\nb=2\na=3\n', 'text/x-ini');
    assert.equal(exchange.ok, true);
    assert.deepEqual(exchange.variablesSet, { a: 3, b: 2 });
    assert.deepEqual(exchange.warnings, [
      { code: 'duplicate_key', key: 'a', detail: 'line 3 overrides line 1' },
    ]);
  });

  test('ini with setVariable also stores the whole object', async () => {
    const { exchange } = await answer('a=1\nb=x', 'text/x-ini', 'crm');
    assert.deepEqual(exchange.variablesSet, { a: 1, b: 'x', crm: { a: 1, b: 'x' } });
  });

  test('a [section] line is invalid_ini naming the line', async () => {
    const result = await answer('a=1\n[main]\nb=2', 'text/x-ini');
    assert.equal(result.exchange.error, 'invalid_ini');
    assert.match(result.exchange.violations[0]?.detail ?? '', /line 2/);
    assert.deepEqual(result.exchange.variablesSet, {});
    await assertHealthy(client, server);
  });

  test('a line without = is invalid_ini naming the line', async () => {
    const result = await answer('a=1\n\njust text', 'text/x-ini');
    assert.equal(result.exchange.error, 'invalid_ini');
    assert.match(result.exchange.violations[0]?.detail ?? '', /line 3/);
    assert.deepEqual(result.exchange.variablesSet, {});
    await assertHealthy(client, server);
  });

  test('ini keys, values and counts follow the JSON rules', async () => {
    const bad = await answer('Bad-Key=1\nlong=' + 'v'.repeat(257), 'text/x-ini');
    assert.deepEqual(
      bad.exchange.violations.map((violation) => [violation.code, violation.key]),
      [
        ['invalid_key', 'Bad-Key'],
        ['value_too_long', 'long'],
      ],
    );
    assert.deepEqual(bad.exchange.variablesSet, {});
    const many = Array.from({ length: 101 }, (_, i) => `k${i}=${i}`).join('\n');
    const tooMany = await answer(many, 'text/x-ini');
    assert.equal(tooMany.exchange.error, 'too_many_keys');
    assert.equal(tooMany.exchange.violations[0]?.detail, '101 > 100');
  });

  test('ini: a system key is ignored with a warning', async () => {
    const { exchange } = await answer('uuid=forged\nok=1', 'text/x-ini');
    assert.deepEqual(exchange.variablesSet, { ok: 1 });
    assert.equal(exchange.warnings[0]?.code, 'system_variable_ignored');
  });

  test('plain text goes to setVariable, trimmed and typed', async () => {
    const text = await answer('  Hello there \n', 'text/plain; charset=utf-8', 'greeting');
    assert.equal(text.exchange.ok, true);
    assert.deepEqual(text.exchange.variablesSet, { greeting: 'Hello there' });
    const number = await answer('12.5', 'text/plain', 'balance');
    assert.deepEqual(number.exchange.variablesSet, { balance: 12.5 });
    const zip = await answer('0042', null, 'zip');
    assert.deepEqual(zip.exchange.variablesSet, { zip: '0042' });
    const flag = await answer('true', 'text/html', 'flag');
    assert.deepEqual(flag.exchange.variablesSet, { flag: true });
  });

  test('plain text without setVariable is ignored: warning no_set_variable', async () => {
    const { exchange } = await answer('whatever\nmulti-line even', 'text/plain');
    assert.equal(exchange.ok, true);
    assert.deepEqual(exchange.variablesSet, {});
    assert.deepEqual(
      exchange.warnings.map((w) => w.code),
      ['no_set_variable'],
    );
  });

  test('multi-line plain text is invalid_value_type', async () => {
    const result = await answer('line one\nline two', 'text/plain', 'reply');
    assert.equal(result.exchange.error, 'invalid_value_type');
    assert.equal(result.exchange.violations[0]?.key, 'reply');
    assert.match(result.exchange.violations[0]?.detail ?? '', /single line/);
    assert.deepEqual(result.exchange.variablesSet, {});
    await assertHealthy(client, server);
  });

  test('plain text over 256 characters is value_too_long', async () => {
    const result = await answer('w'.repeat(300), 'text/plain', 'reply');
    assert.deepEqual(result.exchange.violations, [
      { code: 'value_too_long', key: 'reply', detail: '300 > 256' },
    ]);
    assert.deepEqual(result.exchange.variablesSet, {});
  });

  test('plain text cannot set a system variable', async () => {
    const { exchange } = await answer('forged', 'text/plain', 'uuid');
    assert.deepEqual(exchange.variablesSet, {});
    assert.equal(exchange.warnings[0]?.code, 'system_variable_ignored');
  });
});
