import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeFlow, runScripted, settle, startCall } from '../helpers/engine-harness.ts';
import type { LoopbackServer } from '../helpers/loopback-server.ts';
import { replyJson, startLoopbackServer } from '../helpers/loopback-server.ts';

let server: LoopbackServer;
before(async () => {
  server = await startLoopbackServer((req, res) => {
    if (req.url.startsWith('/slow')) setTimeout(() => replyJson(res, { late: 'yes' }), 300);
    else replyJson(res, { account_status: 'open' });
  });
});
after(() => server.close());

const reportFlow = () =>
  makeFlow(
    {
      welcome: { type: 'play', say: 'Welcome.', next: 'report' },
      report: {
        type: 'http',
        method: 'POST',
        contentType: 'form',
        url: '${crm_base}/report',
        body: 'uuid=${uuid}&id=${customer_id}&step=${step}',
        sendOnHangup: true,
        next: 'ask',
      },
      ask: {
        type: 'getDigits',
        say: 'Enter your id.',
        variable: 'customer_id',
        maxDigits: 4,
        next: 'mark',
      },
      mark: { type: 'setVariable', assign: { step: 'menu' }, next: 'again' },
      again: { type: 'play', say: 'Registering again changes nothing.', next: 'report2' },
      report2: { type: 'http', method: 'GET', url: '${crm_base}/check', next: 'menu' },
      menu: { type: 'menu', say: 'Press 1 to finish.', options: { '1': 'bye' } },
      bye: { type: 'hangup', say: 'Bye.' },
    },
    { variables: { crm_base: '' } },
  );

describe('hang-up and send-on-hang-up', () => {
  test('send-on-hang-up fires once at the end, rendered with end-of-call variables, not applied', async () => {
    const before = server.received.length;
    const { result, of } = await runScripted(reportFlow(), '12341', {
      variables: { crm_base: server.url },
    });
    assert.equal(result.outcome, 'hangup');
    const reports = server.received.slice(before).filter((r) => r.url === '/report');
    assert.equal(reports.length, 1);
    const sent = new URLSearchParams(reports[0]!.body);
    assert.equal(
      sent.get('id'),
      '1234',
      'customer_id as at the end of the call, not when registered',
    );
    assert.equal(sent.get('step'), 'menu');
    assert.equal(sent.get('uuid'), result.uuid);
    assert.equal(of('webhook_registered').length, 1);
    const hooks = of('webhook');
    assert.equal(hooks.at(-1)?.exchange.onHangup, true);
    assert.deepEqual(hooks.at(-1)?.exchange.variablesSet, {});
    assert.equal(result.variables['account_status'], 'open', 'the normal webhook applied');
    // The report fires after the flow's own hang-up prompt, before call_ended.
    const types = result.webhooks.map((w) => w.node);
    assert.deepEqual(types, ['report2', 'report']);
    const lastTwo = of('webhook').at(-1)!.seq < of('call_ended')[0]!.seq;
    assert.ok(lastTwo);
  });

  test('the caller hangs up mid-prompt: speech stops at once; nothing registered yet, nothing sent', async () => {
    const before = server.received.length;
    const h = startCall(reportFlow(), { variables: { crm_base: server.url } });
    await settle();
    h.clock.advance(200); // inside "Welcome."
    h.call.hangUp();
    const result = await h.done;
    assert.equal(result.outcome, 'hangup');
    assert.equal(result.endedBy, 'caller');
    assert.deepEqual(result.path, ['welcome']);
    assert.equal(h.of('prompt_ended')[0]?.interrupted, true);
    assert.equal(h.of('call_ended')[0]?.durationMs, 200);
    // Registered nowhere yet: hung up before reaching the report node.
    assert.equal(server.received.slice(before).length, 0);
  });

  test('the caller hangs up while the flow waits for digits: the registered report fires with empty id', async () => {
    const before = server.received.length;
    const h = startCall(reportFlow(), { variables: { crm_base: server.url } });
    await settle();
    h.clock.runNext(); // welcome done
    await settle();
    h.clock.runNext(); // "Enter your id." done, now waiting
    await settle();
    assert.equal(h.of('awaiting_input').length, 1);
    h.call.hangUp();
    const result = await h.done;
    assert.equal(result.endedBy, 'caller');
    const reports = server.received.slice(before).filter((r) => r.url === '/report');
    assert.equal(reports.length, 1);
    assert.equal(new URLSearchParams(reports[0]!.body).get('id'), '');
    assert.ok(result.warnings.some((w) => w.includes('undefined variable ${customer_id}')));
    assert.equal(h.of('hangup')[0]?.by, 'caller');
  });

  test('the caller hangs up while a webhook is in flight: its answer is logged but not applied', async () => {
    const flow = makeFlow(
      {
        slow: { type: 'http', method: 'GET', url: '${crm_base}/slow', next: 'bye' },
        bye: { type: 'hangup', say: 'Bye.' },
      },
      { variables: { crm_base: '' } },
    );
    const h = startCall(flow, { variables: { crm_base: server.url } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    h.call.hangUp();
    const result = await h.done;
    assert.equal(result.endedBy, 'caller');
    assert.equal(result.webhooks.length, 1);
    assert.equal(result.webhooks[0]?.ok, true);
    assert.equal(result.variables['late'], undefined);
    assert.deepEqual(result.path, ['slow']);
  });

  test('hanging up twice, or after the end, is harmless', async () => {
    const h = startCall(makeFlow({ bye: { type: 'hangup', say: 'Bye.' } }));
    await settle();
    h.call.hangUp();
    h.call.hangUp();
    const result = await h.done;
    h.call.hangUp();
    assert.equal(h.of('hangup').length, 1);
    assert.equal(h.of('call_ended').length, 1);
    assert.equal(result.endedBy, 'caller');
  });
});
