/**
 * `--mock-webhooks`: requests rendered from the current flow and variables, answered by the
 * recorded replies, judged by the client's own rules; nothing recorded is a network_error.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { CallEvent } from '../../src/shared/call-events.ts';
import type { HttpNode } from '../../src/shared/flow/flow-schema.ts';
import type { VarMap } from '../../src/shared/variables.ts';
import type { WebhookExchange, WebhookResponseRecord } from '../../src/shared/webhook-types.ts';
import { loadFlowFile } from '../../src/main/flows/load-flow-file.ts';
import { createRecordedWebhooks } from '../../src/main/rerun/recorded-webhooks.ts';
import { BALANCE, loadSession, record } from './rerun-helpers.ts';

let events: CallEvent[];
let auth: HttpNode;
let balance: HttpNode;
let startVariables: VarMap;

before(async () => {
  const recorded = await record(BALANCE, '12345#1111');
  events = loadSession(recorded.db, recorded.id).events;
  const flow = (await loadFlowFile(BALANCE)).flow;
  assert.ok(flow);
  assert.ok(flow.nodes.auth?.type === 'http' && flow.nodes.fetch_balance?.type === 'http');
  auth = flow.nodes.auth;
  balance = flow.nodes.fetch_balance;
  const started = events[0];
  assert.ok(started?.type === 'call_started');
  startVariables = started.variables;
});

function recordedExchange(node: string): WebhookExchange {
  const event = events.find((e) => e.type === 'webhook' && e.node === node);
  assert.ok(event?.type === 'webhook');
  return event.exchange;
}

/** A webhook event carrying a hand-made reply for `node`. */
function withReply(
  node: string,
  response: WebhookExchange['response'],
  violations: WebhookExchange['violations'] = [],
): CallEvent[] {
  const exchange: WebhookExchange = {
    ...recordedExchange('auth'),
    node,
    response,
    violations,
    ok: violations.length === 0,
    error: violations[0]?.code ?? null,
  };
  return [{ type: 'webhook', node, exchange, seq: 1, t: 0 }];
}

function jsonReply(body: string): WebhookResponseRecord {
  return {
    status: 200,
    statusText: 'OK',
    headers: [['content-type', 'application/json']],
    body,
    bytesRead: Buffer.byteLength(body),
    truncated: false,
  };
}

const pinVariables = (): VarMap => ({ ...startVariables, customer_id: '12345', pin: '1111' });

describe('recorded webhooks', () => {
  test('the same request gets the recorded reply, judged to the same verdict and variables', async () => {
    const webhooks = createRecordedWebhooks(events);
    const { exchange } = await webhooks.execute({
      nodeId: 'auth',
      node: auth,
      variables: pinVariables(),
    });
    const original = recordedExchange('auth');
    assert.deepEqual(exchange.request, original.request);
    assert.deepEqual(exchange.response, original.response);
    assert.equal(exchange.ok, true);
    assert.deepEqual(exchange.variablesSet, original.variablesSet);
    assert.deepEqual(exchange.violations, []);
    assert.equal(exchange.curl, original.curl);
  });

  test('the request is rendered from the current variables and flow (the change shows)', async () => {
    const webhooks = createRecordedWebhooks(events);
    const changedNode: HttpNode = { ...auth, url: '${crm_base}/ivr/v2/auth' };
    const { exchange } = await webhooks.execute({
      nodeId: 'auth',
      node: changedNode,
      variables: { ...pinVariables(), customer_id: '67890' },
    });
    assert.match(exchange.request.url, /\/ivr\/v2\/auth$/);
    assert.equal(JSON.parse(exchange.request.body ?? '').id, '67890');
    // Still answered by what the CRM said for the original request.
    assert.equal(exchange.variablesSet.customer_name, 'Anna');
  });

  test('the reply is judged under the current node: a removed setVariable drops the plain-text value', async () => {
    const webhooks = createRecordedWebhooks(events);
    const { setVariable: _dropped, ...withoutSetVariable } = balance;
    const { exchange } = await webhooks.execute({
      nodeId: 'fetch_balance',
      node: withoutSetVariable as HttpNode,
      variables: pinVariables(),
    });
    assert.equal(exchange.ok, true);
    assert.deepEqual(exchange.variablesSet, {});
    assert.ok(exchange.warnings.some((w) => w.code === 'no_set_variable'));
  });

  test('no recorded reply for a node or an occurrence: network_error naming both, nothing applied', async () => {
    const webhooks = createRecordedWebhooks(events);
    const first = await webhooks.execute({ nodeId: 'auth', node: auth, variables: pinVariables() });
    assert.equal(first.exchange.ok, true);
    const second = await webhooks.execute({
      nodeId: 'auth',
      node: auth,
      variables: pinVariables(),
    });
    assert.equal(second.exchange.ok, false);
    assert.equal(second.exchange.error, 'network_error');
    assert.deepEqual(second.exchange.violations, [
      { code: 'network_error', detail: 'no recorded response for node auth (occurrence 2)' },
    ]);
    assert.equal(second.exchange.response, null);
    assert.deepEqual(second.exchange.variablesSet, {});
    const other = await webhooks.execute({
      nodeId: 'lookup',
      node: auth,
      variables: pinVariables(),
    });
    assert.equal(
      other.exchange.violations[0]?.detail,
      'no recorded response for node lookup (occurrence 1)',
    );
  });

  test('the reply rules apply again: a too-long value fails the whole reply (atomic)', async () => {
    const body = JSON.stringify({ authenticated: true, name: 'x'.repeat(300) });
    // Recorded as ok (e.g. under looser limits then); judged now by the platform's.
    const webhooks = createRecordedWebhooks(withReply('auth', jsonReply(body)));
    const { exchange } = await webhooks.execute({
      nodeId: 'auth',
      node: auth,
      variables: pinVariables(),
    });
    assert.equal(exchange.ok, false);
    assert.equal(exchange.error, 'value_too_long');
    assert.equal(exchange.violations[0]?.key, 'name');
    assert.deepEqual(exchange.variablesSet, {});
    assert.equal(exchange.parsed.authenticated, true);
  });

  test('a recorded status, timeout or refused connection replays as itself', async () => {
    const failing = createRecordedWebhooks([
      ...withReply('auth', {
        ...jsonReply('{}'),
        status: 500,
        statusText: 'Internal Server Error',
      }),
      ...withReply('a', null, [
        { code: 'connect_timeout', detail: 'no connection within 5000 ms' },
      ]),
      ...withReply('b', null, [
        { code: 'network_error', detail: 'connect ECONNREFUSED 127.0.0.1:9' },
      ]),
      ...withReply('c', null, [{ code: 'network_error', detail: 'request not sent: bad URL' }]),
    ]);
    const run = (nodeId: string) =>
      failing.execute({ nodeId, node: auth, variables: pinVariables() });
    const status = (await run('auth')).exchange;
    assert.equal(status.error, 'http_status');
    assert.equal(status.response?.status, 500);
    assert.deepEqual((await run('a')).exchange.violations, [
      { code: 'connect_timeout', detail: 'no connection within 5000 ms' },
    ]);
    assert.equal(
      (await run('b')).exchange.violations[0]?.detail,
      'connect ECONNREFUSED 127.0.0.1:9',
    );
    // A request that was never sent left no reply to replay.
    assert.match((await run('c')).exchange.violations[0]?.detail ?? '', /^no recorded response/);
  });

  test('a bad request template fails as the live client fails it, before any reply is looked up', async () => {
    const webhooks = createRecordedWebhooks(events);
    const { exchange } = await webhooks.execute({
      nodeId: 'auth',
      node: { ...auth, url: 'not a url ${customer_id}' },
      variables: pinVariables(),
    });
    assert.equal(exchange.error, 'network_error');
    assert.match(exchange.violations[0]?.detail ?? '', /^request not sent: /);
  });
});

describe('the environment in a mocked re-run', () => {
  test('its headers are rendered into each request as the live client would, secrets redacted', async () => {
    const webhooks = createRecordedWebhooks(events, {
      headers: { Authorization: 'Bearer ${secret.crm_token}', 'X-Tenant': '${customer}' },
    });
    const { exchange } = await webhooks.execute({
      nodeId: 'auth',
      node: auth,
      variables: { ...startVariables, customer_id: '12345', pin: '1111' },
      secrets: { crm_token: 'tok-mocked-42' },
    });
    assert.equal(exchange.ok, true);
    const headers = Object.fromEntries(exchange.request.headers);
    assert.equal(headers['Authorization'], 'Bearer [redacted]');
    assert.equal(headers['X-Tenant'], 'demo');
    assert.equal(JSON.stringify(exchange).includes('tok-mocked-42'), false);
  });
});
