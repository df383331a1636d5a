import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { request } from 'undici';
import type { DemoCrm } from '../../src/main/demo-crm/demo-crm-server.ts';
import { startDemoCrm } from '../../src/main/demo-crm/demo-crm-server.ts';
import type { HttpNode } from '../../src/shared/flow/flow-schema.ts';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';

let crm: DemoCrm;
before(async () => {
  crm = await startDemoCrm({ port: 0 });
});
after(() => crm.close());

const get = (path: string): HttpNode => ({
  type: 'http',
  method: 'GET',
  url: '${crm_base}' + path,
  contentType: 'form',
  sendOnHangup: false,
  setVariable: 'reply',
  next: 'x',
});

describe('demo CRM', () => {
  test('listens on loopback only, on a free port', () => {
    assert.match(crm.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(crm.port > 0);
  });

  test('authenticates demo customers by number and PIN (JSON), refuses a wrong PIN, 400 on a bad body', async () => {
    const auth = async (body: string) => {
      const res = await request(`${crm.url}/ivr/auth`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return { status: res.statusCode, body: await res.body.text() };
    };
    const ok = await auth('{"id":"12345","pin":"1111"}');
    assert.deepEqual(JSON.parse(ok.body), {
      authenticated: true,
      customer_name: 'Anna',
      tier: 'gold',
      account: { balance: 1250.75, currency: 'EUR' },
    });
    assert.equal(JSON.parse((await auth('{"id":"12345","pin":"0000"}')).body).authenticated, false);
    const bad = await auth('{not json');
    assert.equal(bad.status, 400);
    assert.match(bad.body, /invalid JSON body/);
    assert.equal(crm.requests.at(-1)?.status, 400);
  });

  test('each reply format parses cleanly through the real webhook client', async () => {
    const client = createWebhookClient();
    try {
      const vars = { crm_base: crm.url };
      const plain = await client.execute({
        nodeId: 'b',
        node: get('/ivr/balance?id=67890'),
        variables: vars,
      });
      assert.deepEqual(plain.exchange.variablesSet, { reply: -42.1 });
      const iniReply = await client.execute({
        nodeId: 'm',
        node: get('/ivr/meter?id=100200'),
        variables: vars,
      });
      assert.equal(iniReply.exchange.ok, true, JSON.stringify(iniReply.exchange.violations));
      assert.equal(iniReply.exchange.variablesSet['last_reading'], 4821);
      assert.equal(iniReply.exchange.variablesSet['meter_found'], true);
      const caller = await client.execute({
        nodeId: 'c',
        node: get('/ivr/caller?phone=%2B3619876543'),
        variables: vars,
      });
      assert.equal(caller.exchange.variablesSet['customer_name'], 'Bela');
    } finally {
      await client.close();
    }
  });

  test('the misbehaving endpoints show each violation', async () => {
    // `slow` answers after 6 s: a 1 s limit shows the timeout without waiting the platform's 5 s.
    // The others get all the time a busy machine may need, so only their own fault shows.
    const quick = createWebhookClient({ limits: { responseTimeoutMs: 1000 } });
    const client = createWebhookClient({ limits: { responseTimeoutMs: 30_000 } });
    try {
      const expected: Record<string, string> = {
        slow: 'response_timeout',
        huge: 'body_too_large',
        'too-many-keys': 'too_many_keys',
        'long-value': 'value_too_long',
        deep: 'too_deep',
        array: 'invalid_value_type',
        'bad-key': 'invalid_key',
        redirect: 'http_status',
        error: 'http_status',
        latin1: 'invalid_encoding',
      };
      const results = await Promise.all(
        Object.keys(expected).map(async (name) => {
          const { exchange } = await (name === 'slow' ? quick : client).execute({
            nodeId: name,
            node: get(`/ivr/misbehave/${name}`),
            variables: { crm_base: crm.url },
          });
          return [name, exchange.error, exchange.variablesSet] as const;
        }),
      );
      for (const [name, error, set] of results) {
        assert.equal(error, expected[name], name);
        assert.deepEqual(set, {}, name);
      }
      const uuid = await client.execute({
        nodeId: 'u',
        node: get('/ivr/misbehave/uuid'),
        variables: { crm_base: crm.url },
      });
      assert.equal(uuid.exchange.ok, true);
      assert.ok(
        uuid.exchange.warnings.some(
          (w) => w.code === 'system_variable_ignored' && w.key === 'uuid',
        ),
      );
    } finally {
      await client.close();
      await quick.close();
    }
  });

  test('keeps a log of what it received; unknown routes are 404', async () => {
    const res = await request(`${crm.url}/nope`);
    assert.equal(res.statusCode, 404);
    await res.body.text();
    const last = crm.requests.at(-1);
    assert.equal(last?.path, '/nope');
    assert.equal(last?.status, 404);
  });
});
