/**
 * `matches` runs on a linear-time engine: `^(a+)+$` against a CRM reply of 32 `a` and a `!`
 * once blocked a call for minutes. Also: the JavaScript spellings users write still work, the
 * validator names what the engine cannot run at its JSON Pointer, a pattern that slipped past
 * validation ends the call with a clear error, and deeply nested `all`/`any` lists evaluate.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Condition, Flow } from '../../src/shared/flow/flow-schema.ts';
import { checkMatchPattern } from '../../src/shared/flow/match-pattern.ts';
import { validateFlow } from '../../src/shared/flow/validate-flow.ts';
import { evaluateCondition } from '../../src/main/engine/conditions.ts';
import { makeFlow, runScripted } from '../helpers/engine-harness.ts';
import type { LoopbackServer } from '../helpers/loopback-server.ts';
import { replyJson, startLoopbackServer } from '../helpers/loopback-server.ts';

const HOSTILE = `${'a'.repeat(32)}!`;

/** A flow that fetches `x` from the CRM, then branches on `x matches pattern`. */
function crmBranch(pattern: string): Flow {
  return makeFlow(
    {
      fetch: { type: 'http', method: 'GET', url: '${crm_base}/x', next: 'route' },
      route: {
        type: 'branch',
        cases: [{ if: { var: 'x', op: 'matches', value: pattern }, next: 'yes' }],
        default: 'no',
      },
      yes: { type: 'hangup', say: 'yes' },
      no: { type: 'hangup', say: 'no' },
    },
    { variables: { crm_base: '' } },
  );
}

/** A flow that branches on a preset `x`. */
function localBranch(pattern: string): Flow {
  return makeFlow(
    {
      route: {
        type: 'branch',
        cases: [{ if: { var: 'x', op: 'matches', value: pattern }, next: 'yes' }],
        default: 'no',
      },
      yes: { type: 'hangup', say: 'yes' },
      no: { type: 'hangup', say: 'no' },
    },
    { variables: { x: '' } },
  );
}

async function said(flow: Flow, x: string): Promise<string | undefined> {
  const { result } = await runScripted(flow, '', { variables: { x } });
  return result.spoken[0];
}

describe('branch `matches`', () => {
  let server: LoopbackServer;
  let reply = '';

  before(async () => {
    server = await startLoopbackServer((_req, res) => replyJson(res, { x: reply }));
  });
  after(() => server.close());

  test('^(a+)+$ against a hostile CRM reply completes with the right verdict', async () => {
    const flow = crmBranch('^(a+)+$');
    reply = HOSTILE;
    const hostile = await runScripted(flow, '', { variables: { crm_base: server.url } });
    assert.equal(hostile.result.outcome, 'hangup');
    assert.deepEqual(hostile.result.spoken, ['no']);
    reply = 'a'.repeat(32);
    const fine = await runScripted(flow, '', { variables: { crm_base: server.url } });
    assert.deepEqual(fine.result.spoken, ['yes']);
  });

  test('a 1 MB tested text completes too', async () => {
    const flow = localBranch('^(a+)+$');
    assert.equal(await said(flow, `${'a'.repeat(1 << 20)}!`), 'no');
    assert.equal(await said(flow, 'a'.repeat(1 << 20)), 'yes');
    assert.equal(await said(localBranch('(x+x+)+y'), 'x'.repeat(1 << 20)), 'no');
  });

  test('ordinary JavaScript patterns keep their meaning: an unanchored search', async () => {
    const cases: [string, string, boolean][] = [
      ['nn', 'Anna', true],
      ['^nn', 'Anna', false],
      ['^\\d{4}$', '1234', true],
      ['^\\d{4}$', '12345', false],
      ['^(?<area>\\d{2})-\\d+$', '06-1234', true],
      ['\\u0041nna', 'Anna', true],
      ['^[^]*$', 'two\nlines', true],
      ['^.$', 'two\nlines', false],
      ['yes|ja', 'Ja', false],
      ['(?i)yes|ja', 'Ja', true],
      ['\\bno\\b', 'say no more', true],
      ['\\/', 'a/b', true],
      ['', 'anything', true],
    ];
    for (const [pattern, text, expected] of cases) {
      const verdict = await said(localBranch(pattern), text);
      assert.equal(verdict, expected ? 'yes' : 'no', `${pattern} on ${JSON.stringify(text)}`);
    }
  });

  test('the validator names backreferences, lookarounds and syntax errors at their pointer', () => {
    const flow = {
      id: 'f',
      name: 'F',
      start: 'route',
      variables: { x: '' },
      nodes: {
        route: {
          type: 'branch',
          cases: [
            { if: { var: 'x', op: 'matches', value: '(a)\\1' }, next: 'bye' },
            { if: { any: [{ var: 'x', op: 'matches', value: '(?=x)' }] }, next: 'bye' },
            { if: { var: 'x', op: 'matches', value: '(?<!x)y' }, next: 'bye' },
            { if: { var: 'x', op: 'matches', value: '[' }, next: 'bye' },
            { if: { var: 'x', op: 'matches', value: 'a'.repeat(100_000) }, next: 'bye' },
            { if: { var: 'x', op: 'matches', value: '[(?=]\\(?=' }, next: 'bye' },
          ],
          default: 'bye',
        },
        bye: { type: 'hangup' },
      },
    };
    const result = validateFlow(flow);
    assert.equal(result.ok, false);
    const found = result.problems
      .filter((p) => p.code === 'invalid-regex')
      .map((p) => [p.pointer, p.message]);
    assert.deepEqual(found, [
      [
        '/nodes/route/cases/0/if/value',
        'not a usable regular expression: backreference "\\1" at character 4 is not supported (linear-time matching)',
      ],
      [
        '/nodes/route/cases/1/if/any/0/value',
        'not a usable regular expression: lookahead "(?=" at character 1 is not supported (linear-time matching)',
      ],
      [
        '/nodes/route/cases/2/if/value',
        'not a usable regular expression: negative lookbehind "(?<!" at character 1 is not supported (linear-time matching)',
      ],
      ['/nodes/route/cases/3/if/value', 'not a usable regular expression: missing closing ]: `[`'],
      [
        '/nodes/route/cases/4/if/value',
        'not a usable regular expression: the pattern is 100000 characters long, more than 2000',
      ],
    ]);
  });

  test('patterns too costly to compile are refused with the reason', () => {
    assert.match(checkMatchPattern('a[ab]{999}c') ?? '', /compiles to \d+ instructions/);
    assert.match(checkMatchPattern('((a{100}){100}){100}') ?? '', /invalid repeat count/);
    assert.match(checkMatchPattern('('.repeat(1999)) ?? '', /missing closing \)/);
    assert.equal(checkMatchPattern('^\\d{3,6}#?$'), null);
  });

  test('a pattern that slipped past validation ends the call with a clear error', async () => {
    const flow = localBranch('placeholder');
    const route = flow.nodes['route'];
    assert.ok(route?.type === 'branch');
    (route.cases[0]?.if as { value: string }).value = '(a)\\1';
    const { result } = await runScripted(flow, '', { variables: { x: 'aa' } });
    assert.equal(result.outcome, 'error');
    assert.equal(result.error?.code, 'engine_error');
    assert.match(result.error?.message ?? '', /"matches" pattern not usable: backreference/);
  });
});

describe('all / any', () => {
  test('lists nested 100,000 deep are evaluated without overflowing the stack', () => {
    const leaf: Condition = { var: 'x', op: 'eq', value: 1 };
    let all: Condition = leaf;
    let any: Condition = { var: 'x', op: 'eq', value: 2 };
    for (let i = 0; i < 100_000; i++) {
      all = { all: [{ var: 'x', op: 'exists' }, all] };
      any = { any: [{ var: 'missing', op: 'exists' }, any] };
    }
    assert.equal(evaluateCondition(all, { x: 1 }), true);
    assert.equal(evaluateCondition(all, { x: 2 }), false);
    assert.equal(evaluateCondition(any, { x: 2 }), true);
    assert.equal(evaluateCondition(any, { x: 1 }), false);
  });

  test('short-circuit order and the last item decide as before', () => {
    const vars = { a: 1, b: 2 };
    const yes: Condition = { var: 'a', op: 'eq', value: 1 };
    const no: Condition = { var: 'a', op: 'eq', value: 9 };
    assert.equal(evaluateCondition({ all: [yes, yes, no] }, vars), false);
    assert.equal(evaluateCondition({ all: [yes, { any: [no, yes] }] }, vars), true);
    assert.equal(evaluateCondition({ any: [no, { all: [yes, no] }] }, vars), false);
    assert.equal(evaluateCondition({ any: [no, { all: [yes, yes] }, no] }, vars), true);
    // Matching stops at the first holding item: a broken pattern after it is never compiled.
    const broken: Condition = { var: 'a', op: 'matches', value: '(?=x)' };
    assert.equal(evaluateCondition({ any: [yes, broken] }, vars), true);
    assert.throws(() => evaluateCondition({ all: [yes, broken] }, vars), /lookahead/);
  });
});
