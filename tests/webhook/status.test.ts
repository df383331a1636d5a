/**
 * Only 200 is success; redirects are never followed; a failed reply is shown but not parsed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { WebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { TestServer } from './helpers.ts';
import { assertHealthy, httpNode, sendJson, startServer } from './helpers.ts';

describe('HTTP status', () => {
  let server: TestServer;
  let client: WebhookClient;
  let targetHits = 0;

  before(async () => {
    server = await startServer();
    client = createWebhookClient();
    server.route('/target', (_req, res) => {
      targetHits++;
      sendJson(res, { redirected: true });
    });
    server.route('/redirect', (_req, res) => {
      res.writeHead(302, { location: `${server.base}/target`, 'content-type': 'text/plain' });
      res.end('moved');
    });
    server.route('/fail', (_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"a": 1}');
    });
    server.route('/created', (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"a": 1}');
    });
  });

  after(async () => {
    await client.close();
    await server.close();
  });

  test('302 is http_status and the redirect target is never requested', async () => {
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/redirect`, method: 'POST', body: 'a=1' }),
      variables: {},
    });
    assert.equal(exchange.error, 'http_status');
    assert.deepEqual(exchange.violations, [
      { code: 'http_status', detail: '302 Found (redirects are not followed)' },
    ]);
    assert.deepEqual(exchange.variablesSet, {});
    assert.equal(exchange.response?.status, 302);
    assert.equal(exchange.response?.body, 'moved');
    assert.ok(exchange.response?.headers.some(([name]) => name === 'location'));
    await assertHealthy(client, server);
    assert.equal(targetHits, 0);
  });

  test('500 is http_status; the body is recorded but not parsed', async () => {
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/fail` }),
      variables: {},
    });
    assert.equal(exchange.error, 'http_status');
    assert.equal(exchange.violations[0]?.detail, '500 Internal Server Error (expected 200)');
    assert.equal(exchange.response?.body, '{"a": 1}');
    assert.deepEqual(exchange.parsed, {});
    assert.deepEqual(exchange.variablesSet, {});
    await assertHealthy(client, server);
  });

  test('201 and 404 are http_status too (exactly 200 is required)', async () => {
    for (const path of ['/created', '/missing']) {
      const { exchange } = await client.execute({
        nodeId: 'n',
        node: httpNode({ url: `${server.base}${path}` }),
        variables: {},
      });
      assert.equal(exchange.error, 'http_status', path);
      assert.deepEqual(exchange.variablesSet, {});
    }
    await assertHealthy(client, server);
  });
});
