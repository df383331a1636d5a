/**
 * Real timeouts against real loopback peers. The slow cases (default 5 s limits) run
 * concurrently so the file takes about six seconds in all.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ServerResponse } from 'node:http';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { BlackHole, TestServer } from './helpers.ts';
import { assertHealthy, httpNode, sendJson, startBlackHole, startServer } from './helpers.ts';

describe('timeouts', { concurrency: true }, () => {
  let server: TestServer;
  let hole: BlackHole;
  const pending = new Set<ServerResponse>();
  const closedEarly: string[] = [];

  before(async () => {
    server = await startServer();
    hole = await startBlackHole();
    server.route('/slow', (req, res) => {
      pending.add(res);
      const ms = Number(new URL(req.url ?? '', server.base).searchParams.get('ms'));
      const timer = setTimeout(() => sendJson(res, { late: true }), ms);
      res.on('close', () => {
        clearTimeout(timer);
        pending.delete(res);
        if (!res.writableFinished) closedEarly.push(req.url ?? '');
      });
    });
    // One byte every 100 ms: never idle for long, but never done within a short deadline.
    server.route('/trickle', (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('x'), 100);
      res.on('close', () => {
        clearInterval(timer);
        if (!res.writableFinished) closedEarly.push(req.url ?? '');
      });
    });
  });

  after(async () => {
    hole.close();
    await server.close();
  });

  test('connect_timeout at the default 5 s against a peer that never accepts', async () => {
    const client = createWebhookClient();
    const started = performance.now();
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `http://127.0.0.1:${hole.port}/x` }),
      variables: {},
    });
    const elapsed = performance.now() - started;
    assert.equal(exchange.error, 'connect_timeout', JSON.stringify(exchange.violations));
    assert.equal(exchange.violations.length, 1);
    assert.deepEqual(exchange.variablesSet, {});
    assert.equal(exchange.ok, false);
    assert.equal(exchange.response, null);
    // Not early; and the limit it names is the default (an upper bound on the time would only
    // measure how busy the machine is).
    assert.ok(elapsed >= 4900, `took ${elapsed} ms`);
    assert.match(exchange.violations[0]?.detail ?? '', /5000 ms/);
    await assertHealthy(client, server);
    await client.close();
  });

  test('node.timeouts.connectMs overrides the connect limit', async () => {
    const client = createWebhookClient();
    const started = performance.now();
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `http://127.0.0.1:${hole.port}/x`, timeouts: { connectMs: 300 } }),
      variables: {},
    });
    const elapsed = performance.now() - started;
    assert.equal(exchange.error, 'connect_timeout');
    assert.match(exchange.violations[0]?.detail ?? '', /300 ms/);
    assert.deepEqual(exchange.variablesSet, {});
    assert.ok(elapsed >= 250, `took ${elapsed} ms`);
    await assertHealthy(client, server);
    await client.close();
  });

  test('response_timeout at the default 5 s against a server answering after 6 s', async () => {
    const client = createWebhookClient();
    const started = performance.now();
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/slow?ms=6000` }),
      variables: {},
    });
    const elapsed = performance.now() - started;
    assert.equal(exchange.error, 'response_timeout', JSON.stringify(exchange.violations));
    assert.deepEqual(exchange.variablesSet, {});
    assert.ok(elapsed >= 4900, `took ${elapsed} ms`);
    assert.match(exchange.violations[0]?.detail ?? '', /5000 ms/);
    await assertHealthy(client, server);
    // The socket was destroyed: the server saw the connection go before it answered.
    assert.ok(closedEarly.includes('/slow?ms=6000'));
    await client.close();
  });

  test('node.timeouts.responseMs overrides client limits, which override the defaults', async () => {
    const client = createWebhookClient({ limits: { responseTimeoutMs: 200 } });
    const clientLimit = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/slow?ms=1000` }),
      variables: {},
    });
    assert.equal(clientLimit.exchange.error, 'response_timeout');
    assert.match(clientLimit.exchange.violations[0]?.detail ?? '', /200 ms/);

    // The node allows 2 s: the 1 s answer arrives in time.
    const nodeLimit = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/slow?ms=1000`, timeouts: { responseMs: 2000 } }),
      variables: {},
    });
    assert.equal(nodeLimit.exchange.error, null, JSON.stringify(nodeLimit.exchange.violations));
    assert.deepEqual(nodeLimit.exchange.variablesSet, { late: true });
    await client.close();
  });

  test('the response deadline is total, not an idle timer', async () => {
    const client = createWebhookClient();
    const { exchange } = await client.execute({
      nodeId: 'n',
      // Long enough for the headers to come on the busiest machine, short against a trickle that
      // never ends.
      node: httpNode({ url: `${server.base}/trickle`, timeouts: { responseMs: 2000 } }),
      variables: {},
    });
    assert.equal(exchange.error, 'response_timeout');
    assert.deepEqual(exchange.variablesSet, {});
    // Headers and some bytes arrived before the deadline: they are recorded, not parsed.
    assert.equal(exchange.response?.status, 200);
    assert.match(exchange.response?.body ?? '', /^x+$/);
    // A byte every 100 ms for 2 s: an idle timer would have let it run on (a busy machine only
    // makes the count smaller).
    assert.ok((exchange.response?.body.length ?? 0) <= 21, exchange.response?.body);
    await assertHealthy(client, server);
    await client.close();
    assert.ok(closedEarly.includes('/trickle'));
  });
});
