/**
 * Mock faults against the real webhook client, judged by its own rules (../shared/spec/WEBHOOK.md): no answer
 * is `response_timeout`, a connection reset mid-body and a refused connection are
 * `network_error`, and a dribbled body is left to the response timeout.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DRIBBLE_CHUNK_BYTES, DRIBBLE_INTERVAL_MS } from '../../src/main/mock/mock-faults.ts';
import type { ExecuteResult, WebhookClient } from '../../src/main/webhook/webhook-client.ts';
import { httpNode } from '../webhook/helpers.ts';
import type { MockRig } from './mock-helpers.ts';
import { sectionFrom, startMockRig } from './mock-helpers.ts';

const SECTION = `
  hang:
    - fault: timeout
  cut:
    - fault: reset
      json: { a: "${'long value '.repeat(20)}" }
  refused:
    - fault: refuse
  slow_body:
    - fault: dribble
      json: { dribbled: yes }
`;

describe('mock faults through the real webhook client', () => {
  let rig: MockRig;
  let short: WebhookClient;
  let long: WebhookClient;

  before(async () => {
    rig = await startMockRig(await sectionFrom(SECTION));
    short = rig.client({ responseTimeoutMs: 250 });
    long = rig.client({ responseTimeoutMs: 5000 });
  });

  after(async () => {
    await rig.close();
  });

  function call(client: WebhookClient, nodeId: string): Promise<ExecuteResult> {
    return client.execute({
      nodeId,
      node: httpNode({ url: 'https://crm.invalid/ivr/x' }),
      variables: {},
    });
  }

  test('timeout: never answered, the response timeout fires', async () => {
    const { exchange } = await call(short, 'hang');
    assert.equal(exchange.error, 'response_timeout');
    assert.equal(exchange.response, null);
    assert.ok(exchange.timings.totalMs >= 240, `total ${exchange.timings.totalMs}`);
    assert.deepEqual(exchange.mock, { rule: 1, server: rig.route.origin });
  });

  test('reset: the head and part of the body, then the connection is reset', async () => {
    const { exchange } = await call(long, 'cut');
    assert.equal(exchange.error, 'network_error', JSON.stringify(exchange.violations));
    assert.match(exchange.violations[0]?.detail ?? '', /ECONNRESET/);
    // The head and half the body arrived before the reset: the failure is mid-body.
    assert.notEqual(exchange.timings.ttfbMs, null);
    assert.ok((exchange.response?.bytesRead ?? 0) > 0, 'part of the body was read');
    assert.ok(exchange.timings.totalMs < 2000);
  });

  test('refuse: a real refused connection', async () => {
    const { exchange } = await call(long, 'refused');
    assert.equal(exchange.error, 'network_error');
    assert.match(exchange.violations[0]?.detail ?? '', /ECONNREFUSED/);
    assert.equal(exchange.response, null);
    assert.equal(exchange.mock?.rule, 1);
  });

  test('dribble: a response timeout under a short limit, a complete reply under a long one', async () => {
    const timedOut = await call(short, 'slow_body');
    assert.equal(timedOut.exchange.error, 'response_timeout');
    const body = '{"dribbled":"yes"}';
    const { exchange } = await call(long, 'slow_body');
    assert.equal(exchange.ok, true, JSON.stringify(exchange.violations));
    assert.deepEqual(exchange.variablesSet, { dribbled: 'yes' });
    const expected = Math.ceil(body.length / DRIBBLE_CHUNK_BYTES) * DRIBBLE_INTERVAL_MS;
    assert.ok(
      exchange.timings.totalMs >= expected - 20,
      `total ${exchange.timings.totalMs} ms for ${expected} ms of dribble`,
    );
  });

  test('the client is healthy after every fault', async () => {
    const { exchange } = await call(long, 'slow_body');
    assert.equal(exchange.ok, true);
  });
});
