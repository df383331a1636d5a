/**
 * The environment's headers: rendered like a node's own (secrets real on the wire, `[redacted]`
 * in the record and the cURL line), after ours and before the node's, and replaced by a node
 * header of the same name in any case.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { renderRequest } from '../../src/main/webhook/render-request.ts';
import { createLookups } from '../../src/main/webhook/reference-lookup.ts';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { TestServer } from './helpers.ts';
import { httpNode, startServer } from './helpers.ts';

describe('environment headers', () => {
  let server: TestServer;

  before(async () => {
    server = await startServer();
  });

  after(async () => {
    await server.close();
  });

  test('a secret in an environment header: real on the wire, [redacted] in the record and cURL', async () => {
    const client = createWebhookClient({
      network: {
        headers: { Authorization: 'Bearer ${secret.crm_token}', 'X-Tenant': '${tenant}' },
      },
    });
    const { exchange, missing } = await client.execute({
      nodeId: 'auth',
      node: httpNode({ url: `${server.base}/ok`, method: 'POST', body: 'pin=${pin}' }),
      variables: { pin: '1111', tenant: 'acme' },
      secrets: { crm_token: 's3cr3t-token' },
    });
    await client.close();
    assert.equal(exchange.error, null, JSON.stringify(exchange.violations));
    assert.deepEqual(missing, []);
    const seen = server.seen.at(-1)!;
    assert.equal(seen.headers['authorization'], 'Bearer s3cr3t-token');
    assert.equal(seen.headers['x-tenant'], 'acme');
    assert.deepEqual(exchange.request.headers, [
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['User-Agent', 'IVR-Test-Console/0.1'],
      ['Authorization', 'Bearer [redacted]'],
      ['X-Tenant', 'acme'],
    ]);
    assert.ok(exchange.curl.includes("-H 'Authorization: Bearer [redacted]'"), exchange.curl);
    assert.ok(!JSON.stringify(exchange).includes('s3cr3t-token'), 'the secret is nowhere');
  });

  test("a node header of the same name (any case) wins; the environment's is not sent", async () => {
    const client = createWebhookClient({
      network: { headers: { Authorization: 'Bearer ${secret.crm_token}', 'X-Env': 'yes' } },
    });
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/ok`, headers: { authorization: 'Node ${who}' } }),
      variables: { who: 'node' },
      secrets: { crm_token: 'never-sent' },
    });
    await client.close();
    assert.equal(exchange.error, null, JSON.stringify(exchange.violations));
    const seen = server.seen.at(-1)!;
    assert.equal(seen.headers['authorization'], 'Node node');
    assert.equal(seen.headers['x-env'], 'yes');
    assert.deepEqual(exchange.request.headers, [
      ['User-Agent', 'IVR-Test-Console/0.1'],
      ['X-Env', 'yes'],
      ['authorization', 'Node node'],
    ]);
  });

  test('order and replacement: ours, then the environment, then the node', () => {
    const lookups = createLookups({ v: 'x' }, { s: 'hidden' });
    const rendered = renderRequest(
      httpNode({
        url: 'https://crm.example/a',
        method: 'POST',
        body: 'a=1',
        headers: { 'X-Node': '1' },
      }),
      lookups,
      'ua',
      { 'user-agent': 'Env-Agent/${v}', 'X-Key': '${secret.s}', 'X-Missing': '${nope}' },
    );
    assert.deepEqual(rendered.record.headers, [
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['user-agent', 'Env-Agent/x'],
      ['X-Key', '[redacted]'],
      ['X-Missing', ''],
      ['X-Node', '1'],
    ]);
    assert.deepEqual(rendered.wire?.headers, [
      'Content-Type',
      'application/x-www-form-urlencoded',
      'user-agent',
      'Env-Agent/x',
      'X-Key',
      'hidden',
      'X-Missing',
      '',
      'X-Node',
      '1',
    ]);
    // An undefined reference in an environment header is reported like one in the node.
    assert.deepEqual(rendered.missing, ['nope']);
    assert.equal(rendered.warnings.at(-1)?.code, 'undefined_variable');
  });
});
