import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkExpectations } from '../../src/main/call-tests/check-expectations.ts';
import { describeFailure } from '../../src/main/call-tests/expectation-failure.ts';
import { parseTestFile } from '../../src/main/call-tests/parse-test-file.ts';
import type { RunJson, RunJsonWebhook } from '../../src/main/calls/run-json.ts';

function exchange(node: string, extra: Partial<RunJsonWebhook> = {}): RunJsonWebhook {
  return {
    node,
    method: 'POST',
    url: 'http://127.0.0.1:1/x',
    requestBody: null,
    onHangup: false,
    status: 200,
    ok: true,
    error: null,
    violations: [],
    warnings: [],
    variablesSet: {},
    durationMs: 1,
    ...extra,
  };
}

const RUN: RunJson = {
  flow: 'f',
  sessionId: null,
  outcome: 'hangup',
  endedBy: 'caller',
  transferTarget: null,
  path: ['a', 'b', 'c', 'b', 'd'],
  variables: {
    id: '12345',
    n: 81,
    ok: true,
    account: { balance: 1.5, currency: 'EUR', deep: { x: 1 } },
  },
  spoken: ['Welcome to Example Bank.', 'Your balance is 1.50 euros'],
  webhooks: [
    exchange('auth', { requestBody: 'id=1&pin=2', variablesSet: { ok: true } }),
    exchange('fetch', { method: 'GET', status: 500, ok: false, error: 'http_status' }),
    exchange('report', { onHangup: true }),
  ],
  warnings: [],
  error: null,
  durationMs: 10,
};

/** The failures of one case whose `expect:` block is `expect` (YAML flow mapping). */
function check(expect: string, run: RunJson = RUN): string[] {
  const parsed = parseTestFile(
    't.yaml',
    `flow: f.json\ncases:\n  - name: x\n    expect: ${expect}\n`,
  );
  assert.deepEqual(parsed.problems, []);
  return checkExpectations(parsed.file!.cases[0]!.expect, run).map(describeFailure);
}

describe('test expectations', () => {
  test('scalar fields compare exactly', () => {
    assert.deepEqual(check('{ outcome: hangup, endedBy: caller, transferTarget: null }'), []);
    assert.deepEqual(check('{ outcome: transfer, endedBy: flow, transferTarget: q }'), [
      'outcome: expected "transfer", got "hangup"',
      'endedBy: expected "flow", got "caller"',
      'transferTarget: expected "q", got null',
    ]);
  });

  test('path is exact; path_includes is in order with gaps allowed; path_excludes', () => {
    assert.deepEqual(check('{ path: [a, b, c, b, d] }'), []);
    assert.deepEqual(check('{ path: [a, b, d] }'), [
      'path: expected a → b → d, got a → b → c → b → d (first difference at step 3: expected "d", got "c")',
    ]);
    assert.deepEqual(check('{ path_includes: [a, c, b, d] }'), []);
    assert.deepEqual(
      check('{ path_includes: [b, b] }'),
      [],
      'a node listed twice must occur twice',
    );
    assert.deepEqual(check('{ path_includes: [c, a] }'), [
      'path_includes: expected "a" after "c", got a → b → c → b → d ("a" is in the path, but not after "c")',
    ]);
    assert.deepEqual(check('{ path_includes: [d, b, b, b] }').length, 3);
    assert.deepEqual(check('{ path_includes: [z] }'), [
      'path_includes: expected "z", got a → b → c → b → d',
    ]);
    assert.deepEqual(check('{ path_excludes: [z, c] }'), [
      'path_excludes: expected no "c", got a → b → c → b → d',
    ]);
  });

  test('variables: subset at every depth, strict JSON types, null for "not set", dotted paths', () => {
    assert.deepEqual(
      check(
        '{ variables: { id: "12345", n: 81, ok: true, account: { balance: 1.5 }, gone: null } }',
      ),
      [],
    );
    assert.deepEqual(check('{ variables: { account.deep.x: 1, account: { deep: {} } } }'), []);
    assert.deepEqual(check('{ variables: { id: 12345, n: "81", ok: "true" } }'), [
      'variables.id: expected 12345, got "12345" (a number was expected but the value is text; quote the expected value in the YAML to expect text)',
      'variables.n: expected "81", got 81 (text was expected but the value is a number)',
      'variables.ok: expected "true", got true (text was expected but the value is true/false)',
    ]);
    assert.deepEqual(
      check(
        '{ variables: { account: { balance: 2, other: 1 }, id: null, missing: 1, n: { a: 1 } } }',
      ),
      [
        'variables.account.balance: expected 2, got 1.5',
        'variables.account.other: expected 1, got (not set)',
        'variables.id: expected (not set), got "12345"',
        'variables.missing: expected 1, got (not set)',
        'variables.n: expected an object with {"a":1}, got 81',
      ],
    );
  });

  test('spoken_includes / spoken_excludes are substrings of some prompt', () => {
    assert.deepEqual(
      check('{ spoken_includes: ["Your balance", "Example Bank."], spoken_excludes: [Goodbye] }'),
      [],
    );
    assert.deepEqual(check('{ spoken_includes: [Goodbye], spoken_excludes: [balance] }'), [
      'spoken_includes: expected a prompt containing "Goodbye", got ["Welcome to Example Bank.","Your balance is 1.50 euros"]',
      'spoken_excludes: expected no prompt containing "balance", got ["Your balance is 1.50 euros"]',
    ]);
  });

  test('webhooks: partial matches, in order, gaps allowed; [] means none', () => {
    assert.deepEqual(
      check(
        '{ webhooks: [{ node: auth, variablesSet: { ok: true }, requestBody_includes: "pin=2" }, { onHangup: true }] }',
      ),
      [],
    );
    assert.deepEqual(
      check(
        '{ webhooks: [{ node: fetch, status: 500, ok: false, error: http_status, method: GET }] }',
      ),
      [],
    );
    assert.deepEqual(check('{ webhooks: [{ node: fetch, status: 200 }] }'), [
      'webhooks[0]: expected {node: fetch, status: 200}, got #2 fetch GET 500: status 500 instead of 200',
    ]);
    assert.deepEqual(check('{ webhooks: [{ node: report }, { node: auth }] }'), [
      'webhooks[1]: expected {node: auth} after exchange #3, got requests from "auth" only before that (exchanges: #1 auth POST 200, #2 fetch GET 500, #3 report POST 200 (on hang-up))',
    ]);
    assert.deepEqual(check('{ webhooks: [{ node: nope }] }'), [
      'webhooks[0]: expected {node: nope}, got no request from node "nope" (exchanges: #1 auth POST 200, #2 fetch GET 500, #3 report POST 200 (on hang-up))',
    ]);
    assert.deepEqual(check('{ webhooks: [] }', { ...RUN, webhooks: [] }), []);
    assert.deepEqual(check('{ webhooks: [] }').length, 1);
  });

  test('warnings: none and violations: none', () => {
    assert.deepEqual(check('{ warnings: none, violations: none }'), []);
    const noisy: RunJson = {
      ...RUN,
      warnings: ['/nodes/x: undefined variable ${y}'],
      webhooks: [
        exchange('auth', {
          violations: [{ code: 'value_too_long', key: 'name', detail: '300 > 256' }],
        }),
      ],
    };
    assert.deepEqual(check('{ warnings: none, violations: none }', noisy), [
      'warnings: expected none, got ["/nodes/x: undefined variable ${y}"]',
      'violations: expected none, got ["auth: value_too_long at name (300 > 256)"]',
    ]);
  });
});
