import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Flow } from '../../src/shared/flow/flow-schema.ts';
import { validateFlow } from '../../src/shared/flow/validate-flow.ts';
import { coverageEdges, errorFamilyOf } from '../../src/shared/coverage/coverage-edges.ts';
import { addCallCoverage, emptyCoverage } from '../../src/shared/coverage/call-coverage.ts';
import { coverageReport, percentOf } from '../../src/shared/coverage/coverage-report.ts';
import { runScripted } from '../helpers/engine-harness.ts';
import type { LoopbackServer } from '../helpers/loopback-server.ts';
import { replyJson, startLoopbackServer } from '../helpers/loopback-server.ts';
import { ROOT as projectRoot } from '../helpers/project-root.ts';

/** A sample flow, validated (defaults applied). */
function sample(name: string): Flow {
  const text = readFileSync(join(projectRoot, 'resources', 'flows', `${name}.json`), 'utf8');
  const result = validateFlow(JSON.parse(text));
  assert.ok(result.flow, `${name} is valid`);
  return result.flow;
}

describe('the exits coverage counts', () => {
  // Counted by hand from the files, node by node (see each comment).
  test('balance: 32 exits over 13 nodes', () => {
    const edges = coverageEdges(sample('balance'));
    // welcome 1; ask_id and ask_pin 5 each (digits, retry and last failure by no input and by
    // invalid input); auth and fetch_balance 5 each (ok, 4 error families); check 2 (case,
    // default); greet 1; read_balance 1; options 7 (keys 0, 1, 9 and the 4 failure exits).
    assert.equal(edges.length, 1 + 5 + 5 + 5 + 2 + 1 + 5 + 1 + 7);
    const options = edges.filter((e) => e.from === 'options').map((e) => e.exit);
    assert.deepEqual(options, [
      'key:0',
      'key:1',
      'key:9',
      'retry:timeout',
      'retry:invalid',
      'fail:timeout',
      'fail:invalid',
    ]);
    const auth = edges.filter((e) => e.from === 'auth');
    assert.deepEqual(
      auth.map((e) => [e.exit, e.to]),
      [
        ['next', 'check'],
        ['error:network', 'technical'],
        ['error:timeout', 'technical'],
        ['error:status', 'technical'],
        ['error:reply', 'technical'],
      ],
    );
    assert.deepEqual(
      edges.find((e) => e.id === 'check case:0'),
      {
        id: 'check case:0',
        from: 'check',
        exit: 'case:0',
        to: 'greet',
        label: 'case 1 → greet',
        field: ['cases', 0, 'next'],
      },
    );
  });

  test('meter-reading: 36 exits, a sendOnHangup request counted as registered and as sent', () => {
    const edges = coverageEdges(sample('meter-reading'));
    // welcome 1; register_report 2; ask_meter 5; lookup 5; check_meter 2; unknown_meter 1;
    // last 1; ask_reading 3 (minDigits 1: no input is ever invalid); confirm_reading 1; confirm 6
    // (keys 1, 2 and 4 failure exits);
    // submit 5; check_accepted 2; thanks 1; rejected 1.
    assert.equal(edges.length, 1 + 2 + 5 + 5 + 2 + 1 + 1 + 3 + 1 + 6 + 5 + 2 + 1 + 1);
    assert.deepEqual(
      edges.filter((e) => e.from === 'register_report').map((e) => [e.exit, e.to]),
      [
        ['next', 'ask_meter'],
        ['hangup', null],
      ],
    );
  });

  test('personalised-menu: 27 exits, onNotFound apart from next', () => {
    const edges = coverageEdges(sample('personalised-menu'));
    // lookup 2; greet_known 1; greet_new 1; set_standard 1; offer 5; tell_offer 1; route 2;
    // gold_menu 7; standard_menu 7.
    assert.equal(edges.length, 2 + 1 + 1 + 1 + 5 + 1 + 2 + 7 + 7);
    assert.deepEqual(
      edges.filter((e) => e.from === 'lookup').map((e) => e.exit),
      ['next', 'notFound'],
    );
  });

  test('no retries: no retry exits; no onFail or onError: the exits end the call', () => {
    const result = validateFlow({
      id: 'f',
      name: 'f',
      start: 'm',
      nodes: {
        m: { type: 'menu', say: 'x', options: { '1': 'h' }, retries: 0 },
        h: { type: 'http', method: 'GET', url: 'http://127.0.0.1/x', next: 'e' },
        e: { type: 'hangup' },
        orphan: { type: 'play', say: 'never', next: 'e' },
      },
    });
    assert.ok(result.flow);
    const edges = coverageEdges(result.flow);
    assert.deepEqual(
      edges.map((e) => [e.id, e.to, e.field]),
      [
        ['m key:1', 'h', ['options', '1']],
        ['m fail:timeout', null, null],
        ['m fail:invalid', null, null],
        ['h next', 'e', ['next']],
        ['h error:network', null, null],
        ['h error:timeout', null, null],
        ['h error:status', null, null],
        ['h error:reply', null, null],
      ],
      'the unreachable node has no exits counted',
    );
  });

  test('error families', () => {
    assert.equal(errorFamilyOf('connect_timeout'), 'network');
    assert.equal(errorFamilyOf('tls_error'), 'network');
    assert.equal(errorFamilyOf('response_timeout'), 'timeout');
    assert.equal(errorFamilyOf('http_status'), 'status');
    assert.equal(errorFamilyOf('too_deep'), 'reply');
    assert.equal(percentOf(2, 3), 66.6);
    assert.equal(percentOf(9999, 10000), 99.9);
    assert.equal(percentOf(0, 0), 100);
  });
});

describe('what calls took, from their events', () => {
  let crm: LoopbackServer;
  before(async () => {
    crm = await startLoopbackServer((req, res) => {
      if (req.url.startsWith('/ivr/auth')) {
        const pin = (JSON.parse(req.body) as { pin: string }).pin;
        if (pin === '4444') replyJson(res, { error: 'down' }, 500);
        else replyJson(res, { authenticated: pin === '1111', customer_name: 'Anna' });
      } else replyJson(res, { balance: 12.5 });
    });
  });
  after(() => crm.close());

  test('balance: three calls, each exit they took counted, the rest not', async () => {
    const flow = sample('balance');
    const coverage = emptyCoverage();
    const scripts = [
      // silence, then too short, then a good number; PIN ok; the balance twice, then 9.
      '~12#12345#1111' + '19',
      // a wrong PIN: denied.
      '12345#2222',
      // the CRM fails: technical; nothing else.
      '12345#4444',
    ];
    for (const dtmf of scripts) {
      const { events } = await runScripted(flow, dtmf, { variables: { crm_base: crm.url } });
      addCallCoverage(flow, events, coverage);
    }
    const report = coverageReport(flow, null, coverage, scripts.length);
    const taken = report.edges.list.filter((e) => e.count > 0).map((e) => `${e.id}=${e.count}`);
    assert.deepEqual(taken, [
      'welcome next=3',
      'ask_id next=3',
      'ask_id retry:timeout=1',
      'ask_id retry:invalid=1',
      'ask_pin next=3',
      'auth next=2',
      'auth error:status=1',
      'check case:0=1',
      'check default=1',
      'greet next=1',
      'fetch_balance next=1',
      'read_balance next=2',
      'options key:1=1',
      'options key:9=1',
    ]);
    assert.equal(report.edges.total, 32);
    assert.equal(report.edges.taken, 14);
    assert.equal(report.edges.percent, 43.7);
    assert.equal(report.nodes.total, 13);
    // Every node but agent (goodbye is reached by key 9).
    assert.deepEqual(
      report.nodes.list.filter((n) => n.count === 0).map((n) => n.id),
      ['agent'],
    );
    assert.equal(report.calls, 3);
  });

  test('menu failures: retried, then the last by kind', async () => {
    const flow = sample('balance');
    // options has retries 1: an invalid key is retried, then silence is the last failure.
    const { events } = await runScripted(flow, '12345#11115~', {
      variables: { crm_base: crm.url },
    });
    const coverage = addCallCoverage(flow, events);
    assert.equal(coverage.edges.get('options retry:invalid'), 1);
    assert.equal(coverage.edges.get('options fail:timeout'), 1);
    assert.equal(coverage.edges.get('options retry:timeout'), undefined);
  });
});
