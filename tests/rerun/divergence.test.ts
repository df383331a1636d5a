/**
 * Re-runs that differ: against a changed flow (a prompt, a branch, a request) and against a CRM
 * that now answers differently. The first divergence must be the cause, in call order, not one of
 * its consequences.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { replyJson, startLoopbackServer } from '../helpers/loopback-server.ts';
import { BALANCE, copyFlow, record, replay, replayJson } from './rerun-helpers.ts';

/** The parts of a flow file these tests edit. */
interface EditableFlow {
  nodes: Record<string, { say?: string; url?: string; body?: string; cases?: { next: string }[] }>;
}

/** Rewrites a flow file through `change`. */
function editFlow(path: string, change: (flow: EditableFlow) => void): void {
  const flow = JSON.parse(readFileSync(path, 'utf8'));
  change(flow);
  writeFileSync(path, JSON.stringify(flow, null, 2));
}

describe('replay against a changed flow (--mock-webhooks)', () => {
  test('a changed prompt: first divergence is that prompt, nothing else differs', async () => {
    const flow = copyFlow(BALANCE);
    const recorded = await record(flow, '12345#1111');
    editFlow(flow, (f) => (f.nodes.greet!.say = 'Good to hear from you, ${customer_name}.'));
    const doc = await replayJson(recorded, ['--mock-webhooks'], 1);
    assert.equal(doc.same, false);
    assert.deepEqual(doc.differences.length, 1);
    assert.deepEqual(doc.firstDivergence, {
      kind: 'spoken',
      index: 3,
      rerunIndex: 3,
      original: ['Hello Anna.'],
      rerun: ['Good to hear from you, Anna.'],
      summary: 'prompt 4: the re-run said "Good to hear from you, Anna." instead of "Hello Anna."',
    });
    assert.deepEqual(doc.rerun.path, doc.original.path);
  });

  test('a re-routed branch: first divergence is the path at the step it went elsewhere', async () => {
    const flow = copyFlow(BALANCE);
    const recorded = await record(flow, '12345#1111');
    editFlow(flow, (f) => (f.nodes.check!.cases![0]!.next = 'denied'));
    const doc = await replayJson(recorded, ['--mock-webhooks'], 1);
    const first = doc.firstDivergence;
    assert.ok(first);
    assert.equal(first.kind, 'path');
    assert.equal(first.index, 5);
    assert.deepEqual(first.original, ['greet', 'fetch_balance', 'read_balance', 'options']);
    assert.deepEqual(first.rerun, ['denied']);
    assert.equal(first.summary, 'step 6: the flow went to denied instead of greet');
    // Its consequences follow, in call order: prompts, the balance webhook never sent, the ending.
    const kinds = doc.differences.map((d) => d.kind);
    assert.equal(kinds[0], 'path');
    assert.ok(kinds.includes('spoken') && kinds.includes('webhook') && kinds.includes('outcome'));
    const missing = doc.differences.find((d) => d.kind === 'webhook');
    assert.equal(missing?.node, 'fetch_balance');
    assert.equal(missing?.rerun, null);
    assert.deepEqual(
      doc.differences.filter((d) => d.kind === 'outcome').map((d) => [d.key, d.original, d.rerun]),
      [['endedBy', 'caller', 'flow']],
    );
    assert.equal(doc.rerun.endedBy, 'flow');
  });

  test('a changed request (URL and body) shows on the webhook before anything else', async () => {
    const flow = copyFlow(BALANCE);
    const recorded = await record(flow, '12345#1111');
    editFlow(flow, (f) => {
      f.nodes.auth!.url = '${crm_base}/ivr/v2/auth';
      f.nodes.auth!.body = '{"id": "${customer_id}", "pin": "${pin}"}';
    });
    const doc = await replayJson(recorded, ['--mock-webhooks'], 1);
    assert.deepEqual(
      doc.differences.map((d) => [d.kind, d.index, d.node, d.key]),
      [
        ['webhook', 0, 'auth', 'url'],
        ['webhook', 0, 'auth', 'requestBody'],
      ],
    );
    assert.match(String(doc.firstDivergence?.rerun), /\/ivr\/v2\/auth$/);
    // The recorded reply still answered: the call went on the same way.
    assert.deepEqual(doc.rerun.path, doc.original.path);
  });

  test("--flow compares against another file and leaves the session's own alone", async () => {
    const recorded = await record(BALANCE, '12345#1111');
    const other = copyFlow(BALANCE);
    editFlow(other, (f) => (f.nodes.welcome!.say = 'Welcome to Example Bank, now with more bank.'));
    const doc = await replayJson(recorded, ['--mock-webhooks', '--flow', other], 1);
    assert.equal(doc.flowPath, other);
    assert.equal(doc.firstDivergence?.kind, 'spoken');
    assert.equal(doc.firstDivergence?.index, 0);
    const same = await replayJson(recorded, ['--mock-webhooks'], 0);
    assert.equal(same.same, true);
  });

  test('the human report puts the first divergence on top with - original / + re-run lines', async () => {
    const flow = copyFlow(BALANCE);
    const recorded = await record(flow, '12345#1111');
    editFlow(flow, (f) => (f.nodes.check!.cases![0]!.next = 'denied'));
    const run = await replay(recorded, ['--mock-webhooks']);
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stdout.split('\n');
    const verdict = lines.findIndex((l) => l.startsWith('DIFFERENT: '));
    assert.ok(verdict > 0, run.stdout);
    assert.equal(
      lines[verdict + 2],
      'first divergence: step 6: the flow went to denied instead of greet',
    );
    assert.equal(lines[verdict + 3], '  - greet → fetch_balance → read_balance → options');
    assert.equal(lines[verdict + 4], '  + denied');
    assert.match(run.stdout, /all differences, in call order:\n {2}1\. step 6: /);
  });
});

describe('replay against a changed CRM answer (live webhooks)', () => {
  test('auth now says authenticated: false: the webhook diverges first, then the path', async () => {
    const recorded = await record(BALANCE, '12345#1111');
    const crm = await startLoopbackServer((req, res) => {
      if (req.url === '/ivr/auth') replyJson(res, { authenticated: false, reason: 'locked' });
      else replyJson(res, { error: 'not here' }, 404);
    });
    try {
      const doc = await replayJson(recorded, ['--var', `crm_base=${crm.url}`], 1);
      assert.equal(doc.mode, 'live');
      assert.equal(crm.received.length, 1, 'the re-run called the live server');
      assert.equal(JSON.parse(crm.received[0]!.body).id, '12345');
      const first = doc.firstDivergence;
      assert.ok(first);
      assert.equal(first.kind, 'webhook');
      assert.equal(first.node, 'auth');
      assert.equal(first.key, 'variablesSet');
      assert.deepEqual(first.rerun, {
        authenticated: false,
        reason: 'locked',
        auth_reply: { authenticated: false, reason: 'locked' },
      });
      // Only the reply differs: same URL (crm_base is normalised), body, status and verdict.
      assert.deepEqual(
        doc.differences
          .filter((d) => d.kind === 'webhook' && d.key !== undefined)
          .map((d) => d.key),
        ['variablesSet'],
      );
      const path = doc.differences.find((d) => d.kind === 'path');
      assert.ok(path);
      assert.equal(path.index, 5);
      assert.deepEqual(path.rerun, ['denied']);
      assert.ok(doc.differences.indexOf(first) < doc.differences.indexOf(path));
      assert.ok(
        !doc.differences.some((d) => d.kind === 'variables' && d.key === 'crm_base'),
        'crm_base overridden by the re-run is not a difference',
      );
    } finally {
      await crm.close();
    }
  });

  test('--demo-crm answers as it did when recorded: same', async () => {
    const recorded = await record(BALANCE, '67890#22220');
    const doc = await replayJson(recorded, ['--demo-crm'], 0);
    assert.equal(doc.same, true, JSON.stringify(doc.differences, null, 2));
    assert.equal(doc.rerun.outcome, 'transfer');
    assert.equal(doc.rerun.transferTarget, 'support-queue');
  });

  test('live against the recorded crm_base that is gone: the webhook fails first', async () => {
    const recorded = await record(BALANCE, '12345#1111');
    const doc = await replayJson(recorded, [], 1);
    assert.equal(doc.firstDivergence?.kind, 'webhook');
    assert.equal(doc.firstDivergence?.key, 'error');
    assert.equal(doc.firstDivergence?.rerun, 'network_error');
  });
});
