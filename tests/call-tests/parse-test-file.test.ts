import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTestFile } from '../../src/main/call-tests/parse-test-file.ts';
import { formatFileProblem } from '../../src/main/call-tests/yaml-reader.ts';

function problems(text: string): string[] {
  return parseTestFile('t.yaml', text).problems.map(formatFileProblem);
}

describe('test files: parsing', () => {
  test("CLI.md's example parses as written", () => {
    const parsed = parseTestFile(
      't.yaml',
      `flow: ../flows/balance.json
cases:
  - name: gold customer hears balance
    source: "+3612345678"
    dtmf: "12345#1"
    expect:
      outcome: hangup
      path_includes: [auth, balance]
      variables: { authenticated: true }
      spoken_includes: ["Your balance is"]
`,
    );
    assert.deepEqual(parsed.problems, []);
    const file = parsed.file!;
    assert.equal(file.flow.value, '../flows/balance.json');
    const [only] = file.cases;
    assert.equal(only?.name, 'gold customer hears balance');
    assert.equal(only?.source, '+3612345678');
    assert.deepEqual(only?.steps, ['1', '2', '3', '4', '5', '#', '1']);
    assert.equal(only?.expect.outcome?.value, 'hangup');
    assert.equal(only?.expect.outcome?.pos.line, 7);
    assert.deepEqual(only?.expect.pathIncludes?.value, ['auth', 'balance']);
    assert.deepEqual(only?.expect.variables?.['authenticated']?.value, true);
    assert.equal(only?.expect.variables?.['authenticated']?.pos.line, 9);
    assert.deepEqual(
      parsed.nodeRefs.map((r) => r.name),
      ['auth', 'balance'],
    );
  });

  test('a nested key __proto__ (a valid variable name) stays an ordinary key, never a prototype', () => {
    const parsed = parseTestFile(
      't.yaml',
      `flow: ../flows/balance.json
cases:
  - name: odd names
    dtmf: "1"
    expect:
      variables: { reply: { __proto__: { polluted: yes } } }
`,
    );
    assert.deepEqual(parsed.problems, []);
    const reply = parsed.file?.cases[0]?.expect.variables?.['reply']?.value as Record<
      string,
      unknown
    >;
    assert.equal(Object.getPrototypeOf(reply), Object.prototype);
    assert.ok(Object.hasOwn(reply, '__proto__'));
    assert.deepEqual(reply['__proto__'], { polluted: 'yes' });
  });

  test('plain scalars keep their text: +phone numbers, leading zeros; typed values stay typed in variables', () => {
    const parsed = parseTestFile(
      't.yaml',
      `flow: f.json
source: +3612345678
variables: { limit: 10, label: "10", nested: { on: true } }
cases:
  - name: 7
    dtmf: 0012
    destination: +3612000000
    variables: { limit: 20 }
    expect:
      transferTarget: null
      spoken_includes: Hello
      variables: { reading: "4902", consumption: 81, reason: null, account.balance: 1.5, obj: { a: { b: x } } }
`,
    );
    assert.deepEqual(parsed.problems, []);
    const file = parsed.file!;
    assert.equal(file.defaults.source, '+3612345678');
    assert.deepEqual(file.defaults.variables, { limit: 10, label: '10', nested: { on: true } });
    const c = file.cases[0]!;
    assert.equal(c.name, '7');
    assert.equal(c.dtmf, '0012');
    assert.equal(c.destination, '+3612000000');
    assert.deepEqual(c.variables, { limit: 20 });
    assert.equal(c.expect.transferTarget?.value, null);
    assert.deepEqual(c.expect.spokenIncludes?.value, ['Hello']);
    const vars = Object.fromEntries(
      Object.entries(c.expect.variables!).map(([k, v]) => [k, v.value]),
    );
    assert.deepEqual(vars, {
      reading: '4902',
      consumption: 81,
      reason: null,
      'account.balance': 1.5,
      obj: { a: { b: 'x' } },
    });
  });

  test('webhook expectations', () => {
    const parsed = parseTestFile(
      't.yaml',
      `flow: f.json
cases:
  - name: a
    expect:
      webhooks:
        - { node: auth, method: POST, status: 200, ok: true, error: null, onHangup: false, variablesSet: { authenticated: true }, requestBody_includes: pin }
        - { status: null, error: network_error }
`,
    );
    assert.deepEqual(parsed.problems, []);
    const [first, second] = parsed.file!.cases[0]!.expect.webhooks!.value;
    assert.deepEqual(
      { ...first, pos: undefined },
      {
        pos: undefined,
        node: 'auth',
        method: 'POST',
        status: 200,
        ok: true,
        error: null,
        onHangup: false,
        variablesSet: { authenticated: true },
        requestBodyIncludes: ['pin'],
      },
    );
    assert.deepEqual(
      { ...second, pos: undefined },
      { pos: undefined, status: null, error: 'network_error' },
    );
    assert.deepEqual(
      parsed.nodeRefs.map((r) => [r.name, r.httpOnly]),
      [['auth', true]],
    );
  });

  test('every problem, with line, column and field', () => {
    assert.deepEqual(
      problems(`flow: f.json
cases:
  - name: a
    dtmf: [1]
    source: { x: 1 }
    variables: { uuid: x, customer: y }
    expect:
      endedBy: nobody
      transferTarget:
      webhooks: { node: auth }
      violations: none
  - name: b
    expect:
      webhooks:
        - { status: 99, error: nope, method: get }
`),
      [
        't.yaml:4:11: cases[0].dtmf: must be text, got a list',
        't.yaml:5:13: cases[0].source: must be text, got a mapping',
        't.yaml:6:18: cases[0].variables.uuid: a system variable the call sets itself; it cannot be preset',
        't.yaml:6:27: cases[0].variables.customer: a system variable; set it with "customer:" instead',
        't.yaml:8:16: cases[0].expect.endedBy: must be one of flow, caller, got "nobody"',
        't.yaml:9:22: cases[0].expect.transferTarget: must be text, got nothing (an empty value)',
        't.yaml:10:17: cases[0].expect.webhooks: must be a list of mappings, e.g. [{ node: auth, status: 200 }]',
        't.yaml:15:21: cases[1].expect.webhooks[0].status: must be a whole number from 100 to 599 or null, got 99',
        't.yaml:15:32: cases[1].expect.webhooks[0].error: must be one of connect_timeout, response_timeout, http_status, body_too_large, too_many_keys, value_too_long, invalid_key, too_deep, invalid_value_type, invalid_json_shape, invalid_json, invalid_ini, invalid_encoding, tls_error, network_error, got "nope"',
        't.yaml:15:46: cases[1].expect.webhooks[0].method: must be one of GET, POST, PUT, DELETE, got "get" (did you mean "GET"?)',
      ],
    );
  });

  test('structure problems: empty file, not a mapping, no cases, duplicate keys', () => {
    assert.deepEqual(problems(''), [
      't.yaml:1:1: the file is empty; a test file has "flow:" and "cases:"',
    ]);
    assert.deepEqual(problems('- a\n'), [
      't.yaml:1:1: must be a mapping (key: value lines), got a list',
    ]);
    assert.deepEqual(problems('flow: f.json\ncases: []\n'), [
      't.yaml:2:8: cases: must be a non-empty list of cases ("- name: …" lines)',
    ]);
    assert.deepEqual(problems('cases:\n  - name: a\n    expect: { outcome: hangup }\n'), [
      't.yaml:1:1: flow: required: the flow file to call, relative to this file',
    ]);
    const dup = problems('flow: a.json\nflow: b.json\ncases: []\n');
    assert.equal(dup.length, 1);
    assert.match(dup[0]!, /^t\.yaml:2:1: invalid YAML: Map keys must be unique/);
  });
});

describe('test files: YAML pitfalls', () => {
  test('keys after " #" in an unquoted dtmf would be a comment: refused, with the fix', () => {
    assert.deepEqual(
      problems(
        'flow: f.json\ncases:\n  - name: a\n    dtmf: 12345 #1111\n    expect: { outcome: hangup }\n',
      ),
      [
        't.yaml:4:11: cases[0].dtmf: "#1111" after a space starts a YAML comment, so those keys would be lost; quote the script: dtmf: "12345 #1111"',
      ],
    );
    // A real comment, and a # inside the script, are fine.
    assert.deepEqual(
      problems(
        'flow: f.json\ncases:\n  - name: a\n    dtmf: 12345#1111 # Anna\n    expect: { outcome: hangup }\n',
      ),
      [],
    );
  });
});
