/**
 * The client over a call: keep-alive reuse, timings, on-hang-up requests, closing, and a process
 * left healthy (no unhandled rejection, no handle keeping it alive).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { WebhookClient } from '../../src/main/webhook/webhook-client.ts';
import { closedPort } from '../helpers/closed-port.ts';
import type { TestServer } from './helpers.ts';
import { httpNode, sendJson, startServer } from './helpers.ts';

const run = promisify(execFile);
const CLIENT_MODULE = fileURLToPath(
  new URL('../../src/main/webhook/webhook-client.ts', import.meta.url),
);

const rejections: unknown[] = [];
process.on('unhandledRejection', (reason) => rejections.push(reason));

describe('client lifecycle', () => {
  let server: TestServer;
  let client: WebhookClient;

  before(async () => {
    server = await startServer();
    client = createWebhookClient();
    server.route('/vars', (_req, res) => sendJson(res, { applied: 'yes', uuid: 'forged' }));
    server.route('/bad', (_req, res) => sendJson(res, { list: [1] }));
    server.route('/slow-never', () => {
      // Never answers; the client's deadline ends it.
    });
  });

  after(async () => {
    await client.close();
    await server.close();
  });

  test('sequential requests reuse one kept-alive socket: connectMs null the second time', async () => {
    const fresh = createWebhookClient();
    const connectionsBefore = server.connections;
    const first = await fresh.execute({
      nodeId: 'a',
      node: httpNode({ url: `${server.base}/ok` }),
      variables: {},
    });
    const second = await fresh.execute({
      nodeId: 'b',
      node: httpNode({ url: `${server.base}/ok`, method: 'POST', body: 'x=1' }),
      variables: {},
    });
    const third = await fresh.execute({
      nodeId: 'c',
      node: httpNode({ url: `${server.base}/ok` }),
      variables: {},
    });
    await fresh.close();
    assert.equal(typeof first.exchange.timings.connectMs, 'number');
    assert.equal(second.exchange.timings.connectMs, null);
    assert.equal(third.exchange.timings.connectMs, null);
    assert.equal(server.connections - connectionsBefore, 1);
  });

  test('concurrent requests (on-hang-up ones may overlap) all complete correctly', async () => {
    const other = await startServer();
    const fresh = createWebhookClient();
    const results = await Promise.all(
      [server, other, server, other].map((target, index) =>
        fresh.execute({
          nodeId: `n${index}`,
          node: httpNode({ url: `${target.base}/ok?i=${index}` }),
          variables: {},
        }),
      ),
    );
    await fresh.close();
    await other.close();
    for (const { exchange } of results) {
      assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
      assert.deepEqual(exchange.variablesSet, { fine: true });
    }
    // Each origin's first request opened its socket; the second reused it.
    const connects = results.map(({ exchange }) => exchange.timings.connectMs !== null);
    assert.deepEqual(connects, [true, true, false, false]);
  });

  test('timings and exchange fields', async () => {
    const before = Date.now();
    const { exchange, missing } = await client.execute({
      nodeId: 'auth',
      node: httpNode({ url: `${server.base}/vars` }),
      variables: {},
    });
    assert.deepEqual(missing, []);
    assert.equal(exchange.node, 'auth');
    assert.equal(exchange.onHangup, false);
    const { startedAt, ttfbMs, totalMs } = exchange.timings;
    assert.ok(startedAt >= before && startedAt <= Date.now());
    assert.ok(ttfbMs !== null && ttfbMs >= 0 && ttfbMs <= totalMs);
    assert.equal(exchange.response?.status, 200);
    assert.equal(exchange.response?.statusText, 'OK');
    assert.deepEqual(exchange.response?.headers[0], ['content-type', 'application/json']);
    assert.ok(exchange.response?.headers.every(([name]) => name === name.toLowerCase()));
    assert.equal(exchange.response?.bytesRead, Buffer.byteLength(exchange.response?.body ?? ''));
    assert.equal(exchange.response?.truncated, false);
    assert.deepEqual(exchange.variablesSet, { applied: 'yes' });
    assert.equal(
      exchange.curl,
      `curl -sS -X GET '${server.base}/vars' -H 'User-Agent: IVR-Test-Console/0.1'`,
    );
  });

  test('an on-hang-up request: response recorded, nothing applied, warning response_ignored', async () => {
    const { exchange } = await client.execute({
      nodeId: 'log_end',
      node: httpNode({
        url: `${server.base}/vars`,
        method: 'POST',
        body: 'uuid=${uuid}',
        sendOnHangup: true,
      }),
      variables: { uuid: 'u-1' },
      onHangup: true,
    });
    assert.equal(exchange.onHangup, true);
    assert.equal(exchange.ok, true);
    assert.equal(exchange.response?.status, 200);
    assert.match(exchange.response?.body ?? '', /applied/);
    assert.deepEqual(exchange.variablesSet, {});
    assert.ok(exchange.warnings.some((warning) => warning.code === 'response_ignored'));
    assert.equal(server.seen.at(-1)?.body, 'uuid=u-1');
  });

  test('an on-hang-up reply is not judged, but delivery failures still are', async () => {
    const ignored = await client.execute({
      nodeId: 'log_end',
      node: httpNode({ url: `${server.base}/bad`, sendOnHangup: true }),
      variables: {},
      onHangup: true,
    });
    assert.equal(ignored.exchange.ok, true);
    assert.deepEqual(ignored.exchange.variablesSet, {});
    const failed = await client.execute({
      nodeId: 'log_end',
      node: httpNode({ url: `${server.base}/missing`, sendOnHangup: true }),
      variables: {},
      onHangup: true,
    });
    assert.equal(failed.exchange.error, 'http_status');
    assert.deepEqual(failed.exchange.variablesSet, {});
  });

  test('options: custom User-Agent and limits', async () => {
    const custom = createWebhookClient({ userAgent: 'crm-test/1', limits: { maxKeys: 1 } });
    const { exchange } = await custom.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/vars` }),
      variables: {},
    });
    await custom.close();
    assert.equal(server.seen.at(-1)?.headers['user-agent'], 'crm-test/1');
    assert.deepEqual(exchange.violations, [{ code: 'too_many_keys', detail: '2 > 1' }]);
  });

  test('execute after close is a failed exchange, not an exception', async () => {
    const closed = createWebhookClient();
    await closed.close();
    await closed.close();
    const { exchange } = await closed.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/ok` }),
      variables: {},
    });
    assert.equal(exchange.error, 'network_error');
    assert.deepEqual(exchange.variablesSet, {});
  });

  test('a process that never calls close() still exits on its own after failures', async () => {
    const refused = await closedPort();
    const script = `
      import { createWebhookClient } from ${JSON.stringify(CLIENT_MODULE)};
      const client = createWebhookClient();
      const node = (url, extra = {}) => ({ type: 'http', method: 'GET', contentType: 'form',
        sendOnHangup: false, next: 'x', url, ...extra });
      const codes = [];
      for (const [url, extra] of [
        ['${server.base}/ok', {}],
        ['http://127.0.0.1:${refused}/x', {}],
        ['${server.base}/slow-never', { timeouts: { responseMs: 200 } }],
        ['${server.base}/bad', {}],
        ['${server.base}/ok', {}],
      ]) {
        const { exchange } = await client.execute({ nodeId: 'n', node: node(url, extra), variables: {} });
        codes.push(exchange.error);
      }
      // What still keeps the event loop alive once the calls are done and the client has had
      // a turn of the loop to put its sockets back in the pool (stdout aside).
      await new Promise((resolve) => setImmediate(resolve));
      const holding = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap' && r !== 'PipeWrap');
      console.log(JSON.stringify({ codes, holding }));
    `;
    // The process ends by itself (the timeout would kill it and fail the run) ...
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      timeout: 30_000,
    });
    const { codes, holding } = JSON.parse(stdout);
    assert.deepEqual(codes, [
      null,
      'network_error',
      'response_timeout',
      'invalid_value_type',
      null,
    ]);
    // ... and at once: idle keep-alive sockets are unref'd and every timer is cleared, so nothing
    // is left holding it (a socket or timer would show here as TCPSocketWrap or Timeout). Checked
    // on the resources rather than on the clock, which a busy machine stretches.
    assert.deepEqual(holding, []);
  });

  test('no unhandled rejection happened in this process', () => {
    assert.deepEqual(rejections, []);
  });
});
