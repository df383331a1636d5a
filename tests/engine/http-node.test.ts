import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeFlow, runScripted } from '../helpers/engine-harness.ts';
import type { LoopbackServer } from '../helpers/loopback-server.ts';
import { replyJson, startLoopbackServer } from '../helpers/loopback-server.ts';

let server: LoopbackServer;
before(async () => {
  server = await startLoopbackServer((req, res) => {
    if (req.url === '/good')
      replyJson(res, { authenticated: true, account: { balance: 12.5 }, uuid: 'forged' });
    else if (req.url === '/proto') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"__proto__": {"polluted": "yes"}, "ok_key": 1}');
    } else if (req.url === '/bad') replyJson(res, { fine: 'yes', name: 'x'.repeat(300) });
    else replyJson(res, { error: 'nope' }, 500);
  });
});
after(() => server.close());

const flow = (path: string, onError?: string) =>
  makeFlow(
    {
      hook: {
        type: 'http',
        method: 'POST',
        contentType: 'json',
        url: '${crm_base}' + path,
        body: '{"caller": "${source}"}',
        setVariable: 'reply',
        next: 'ok',
        ...(onError ? { onError } : {}),
      },
      ok: { type: 'hangup', say: 'Balance ${account.balance}.' },
      sorry: { type: 'hangup', say: 'Sorry.' },
    },
    { variables: { crm_base: '' } },
  );

describe('the http node in a call', () => {
  test('a good reply applies its variables atomically, nested ones by dotted path, system ones ignored', async () => {
    const { result, of } = await runScripted(flow('/good'), '', {
      variables: { crm_base: server.url },
    });
    assert.equal(result.outcome, 'hangup');
    assert.deepEqual(result.spoken, ['Balance 12.5.']);
    assert.equal(result.variables['authenticated'], true);
    assert.deepEqual(result.variables['account'], { balance: 12.5 });
    assert.notEqual(result.variables['uuid'], 'forged');
    const changes = of('variables_changed');
    assert.equal(changes.length, 1, 'one atomic change event');
    assert.equal(changes[0]?.source, 'webhook');
    assert.equal(
      result.webhooks[0]?.warnings.some((w) => w.code === 'system_variable_ignored'),
      true,
    );
    assert.equal(JSON.parse(server.received.at(-1)!.body).caller, '+3612345678');
  });

  test('a violation applies nothing and takes onError', async () => {
    const { result } = await runScripted(flow('/bad', 'sorry'), '', {
      variables: { crm_base: server.url },
    });
    assert.deepEqual(result.path, ['hook', 'sorry']);
    assert.equal(result.variables['fine'], undefined);
    assert.equal(result.webhooks[0]?.error, 'value_too_long');
    assert.equal(result.outcome, 'hangup');
  });

  test('a failure without onError ends the call with outcome error and the violation', async () => {
    const { result, of } = await runScripted(flow('/fail'), '', {
      variables: { crm_base: server.url },
    });
    assert.equal(result.outcome, 'error');
    assert.equal(result.endedBy, 'flow');
    assert.equal(result.error?.code, 'http_status');
    assert.equal(result.error?.node, 'hook');
    assert.equal(of('call_ended')[0]?.error?.code, 'http_status');
  });

  test('a reply key __proto__ (valid on the platform) is stored as a variable, never as a prototype', async () => {
    const { result } = await runScripted(flow('/proto', 'sorry'), '', {
      variables: { crm_base: server.url },
    });
    assert.equal(result.webhooks[0]?.ok, true, JSON.stringify(result.webhooks[0]?.violations));
    assert.equal(Object.getPrototypeOf(result.variables), Object.prototype);
    assert.equal(Object.hasOwn(result.variables, '__proto__'), true);
    assert.deepEqual(result.variables['__proto__'], { polluted: 'yes' });
    assert.equal(result.variables['ok_key'], 1);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});
