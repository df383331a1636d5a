import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeFlow, runScripted, settle, startCall } from '../helpers/engine-harness.ts';

describe('setVariable, queryData, branch, readBack, transfer', () => {
  test('setVariable renders templates; presets win over flow variables; system variables stay locked', async () => {
    const flow = makeFlow(
      {
        mark: {
          type: 'setVariable',
          assign: { greeting: 'Hi ${name} from ${source}', copy: '${visits}' },
          next: 'bye',
        },
        bye: { type: 'hangup', say: '${greeting}' },
      },
      { variables: { name: 'flow-default', visits: 3 } },
    );
    const { result, of } = await runScripted(flow, '', {
      variables: { name: 'Anna', uuid: 'forged' },
    });
    assert.equal(result.variables['greeting'], 'Hi Anna from +3612345678');
    assert.equal(result.variables['copy'], '3');
    assert.notEqual(result.variables['uuid'], 'forged');
    assert.match(
      String(result.variables['uuid']),
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.match(String(result.variables['vccsys_shortid']), /^[0-9a-z]{8}$/);
    assert.deepEqual(result.spoken, ['Hi Anna from +3612345678']);
    const change = of('variables_changed')[0];
    assert.equal(change?.source, 'setVariable');
    assert.deepEqual(
      change?.changes.map((c) => c.name),
      ['greeting', 'copy'],
    );
    const started = of('call_started')[0];
    assert.equal(started?.variables['customer'], 'demo');
    assert.equal(started?.variables['destination'], '+3612000000');
  });

  test('queryData copies the first matching row; no match takes onNotFound, or next when absent', async () => {
    const datasets = {
      customers: [
        { phone: '+361', name: 'Anna', tier: 'gold' },
        { phone: '+362', name: 'Bela', tier: 'silver' },
        { phone: '+362', name: 'Second', tier: 'x' },
      ],
    };
    const nodes = (onNotFound?: string) => ({
      lookup: {
        type: 'queryData' as const,
        dataset: 'customers',
        match: { phone: '${source}' },
        assign: { customer_name: 'name', tier: 'tier' },
        next: 'known',
        ...(onNotFound ? { onNotFound } : {}),
      },
      known: { type: 'hangup' as const, say: 'Hello ${customer_name}.' },
      unknown: { type: 'hangup' as const, say: 'Hello stranger.' },
    });
    const found = await runScripted(makeFlow(nodes('unknown'), { datasets }), '', {
      source: '+362',
    });
    assert.equal(found.result.variables['customer_name'], 'Bela');
    assert.equal(found.of('data_query')[0]?.rowIndex, 1);
    const missing = await runScripted(makeFlow(nodes('unknown'), { datasets }), '', {
      source: '+369',
    });
    assert.deepEqual(missing.result.path, ['lookup', 'unknown']);
    assert.equal(missing.of('data_query')[0]?.found, false);
    const fallthrough = await runScripted(makeFlow(nodes(), { datasets }), '', { source: '+369' });
    assert.deepEqual(fallthrough.result.path, ['lookup', 'known']);
    assert.ok(fallthrough.result.warnings.some((w) => w.includes('${customer_name}')));
  });

  test('branch: first holding case wins, numeric when both sides are numbers, all/any, default', async () => {
    const flow = makeFlow(
      {
        route: {
          type: 'branch',
          cases: [
            { if: { var: 'missing', op: 'exists' }, next: 'a' },
            {
              if: {
                all: [
                  { var: 'balance', op: 'gt', value: 9 },
                  { var: 'name', op: 'matches', value: '^A' },
                ],
              },
              next: 'b',
            },
            {
              if: {
                any: [
                  { var: 'name', op: 'contains', value: 'zz' },
                  { var: 'empty', op: 'empty' },
                ],
              },
              next: 'c',
            },
          ],
          default: 'd',
        },
        a: { type: 'hangup', say: 'a' },
        b: { type: 'hangup', say: 'b' },
        c: { type: 'hangup', say: 'c' },
        d: { type: 'hangup', say: 'd' },
      },
      { variables: { balance: '10', name: 'Anna', empty: '' } },
    );
    // '10' > 9 numerically (as strings '10' < '9').
    const first = await runScripted(flow, '');
    assert.deepEqual(first.result.spoken, ['b']);
    assert.deepEqual(
      first.of('branch').map((b) => [b.caseIndex, b.next]),
      [[1, 'b']],
    );
    const second = await runScripted(flow, '', { variables: { balance: '8' } });
    assert.deepEqual(second.result.spoken, ['c']);
    const third = await runScripted(flow, '', { variables: { balance: '8', empty: 'x' } });
    assert.deepEqual(third.result.spoken, ['d']);
    assert.equal(third.of('branch')[0]?.caseIndex, null);
  });

  test('readBack speaks say then the value per sayAs; a value it cannot read is read as text with a warning', async () => {
    const flow = makeFlow(
      {
        a: {
          type: 'readBack',
          say: 'Your balance is',
          value: '${balance}',
          sayAs: 'currency',
          currency: 'EUR',
          next: 'b',
        },
        b: { type: 'readBack', say: 'Your number is', value: '${id}', sayAs: 'digits', next: 'c' },
        c: { type: 'readBack', value: '${when}', sayAs: 'date', next: 'd' },
        d: { type: 'readBack', value: '${at}', sayAs: 'time', next: 'e' },
        e: { type: 'readBack', value: '${count}', sayAs: 'number', next: 'f' },
        f: { type: 'readBack', value: 'oops', sayAs: 'number', next: 'bye' },
        bye: { type: 'hangup' },
      },
      {
        variables: {
          balance: 1250.75,
          id: '12#4',
          when: '2026-11-24',
          at: '14:05',
          count: '1234567.5',
        },
      },
    );
    const { result } = await runScripted(flow, '');
    assert.deepEqual(result.spoken, [
      'Your balance is 1,250.75 euros',
      'Your number is 1 2 hash 4',
      'November 24, 2026',
      '2:05 PM',
      '1,234,567.5',
      'oops',
    ]);
    assert.ok(result.warnings.some((w) => w.startsWith('/nodes/f/value: "oops" is not a number')));
  });

  test('transfer ends the call with its rendered target', async () => {
    const flow = makeFlow(
      { xfer: { type: 'transfer', say: 'Connecting.', target: 'queue-${tier}' } },
      { variables: { tier: 'gold' } },
    );
    const { result, of } = await runScripted(flow, '');
    assert.equal(result.outcome, 'transfer');
    assert.equal(result.transferTarget, 'queue-gold');
    assert.equal(result.endedBy, 'flow');
    assert.equal(of('transfer')[0]?.target, 'queue-gold');
    assert.equal(of('call_ended')[0]?.transferTarget, 'queue-gold');
  });

  test('an undefined reference renders empty and warns with the node and field', async () => {
    const flow = makeFlow({ bye: { type: 'hangup', say: 'Hello ${nobody}!' } });
    const { result, of } = await runScripted(flow, '');
    assert.deepEqual(result.spoken, ['Hello !']);
    assert.deepEqual(result.warnings, [
      '/nodes/bye/say: undefined variable ${nobody}, rendered empty',
    ]);
    assert.equal(of('warning')[0]?.code, 'undefined_variable');
  });

  test('a loop that never waits is stopped by the step limit with outcome error', async () => {
    const flow = makeFlow({
      a: { type: 'setVariable', assign: { x: '1' }, next: 'b' },
      b: { type: 'setVariable', assign: { y: '2' }, next: 'a' },
    });
    const { result } = await runScripted(flow, '', { maxSteps: 50 });
    assert.equal(result.outcome, 'error');
    assert.equal(result.error?.code, 'loop_limit');
    assert.equal(result.path.length, 50);
  });

  test('a user variable can be edited mid-call, never a system one', async () => {
    const flow = makeFlow({
      menu: { type: 'menu', say: 'Press 1.', options: { '1': 'bye' } },
      bye: { type: 'hangup', say: 'Tier ${tier}.' },
    });
    const h = startCall(flow);
    await settle();
    h.call.setUserVariable('tier', 'gold');
    assert.throws(() => h.call.setUserVariable('uuid', 'x'), /system variable/);
    assert.throws(() => h.call.setUserVariable('Bad', 'x'), /invalid variable name/);
    h.call.pressKey('1');
    await settle();
    while (h.clock.runNext()) await settle();
    const result = await h.done;
    assert.deepEqual(result.spoken, ['Press 1.', 'Tier gold.']);
    assert.equal(h.of('variables_changed')[0]?.source, 'user');
  });

  test('events are numbered in order with times on the call clock', async () => {
    const { events } = await runScripted(
      makeFlow({
        a: { type: 'play', say: 'One two three.', next: 'b' },
        b: { type: 'hangup', say: 'Bye.' },
      }),
      '',
    );
    assert.deepEqual(
      events.map((e) => e.seq),
      events.map((_, i) => i),
    );
    assert.ok(events.every((e, i) => i === 0 || e.t >= events[i - 1]!.t));
    assert.equal(events[0]?.type, 'call_started');
    assert.equal(events.at(-1)?.type, 'call_ended');
  });
});

describe('hostile variable names', () => {
  test('a flow using __proto__ as a key is refused with its pointer (it could not be kept)', () => {
    const raw = JSON.parse(
      '{"id":"f","name":"F","start":"a","nodes":{"a":{"type":"setVariable","assign":{"__proto__":"x"},"next":"b"},"b":{"type":"hangup"}}}',
    );
    assert.throws(() => makeFlow(raw.nodes), /\/nodes\/a\/assign\/__proto__/);
  });
});
