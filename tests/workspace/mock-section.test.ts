/**
 * An environment's `mock` section (../shared/spec/WORKSPACE.md, "Mock replies"): a good one read into plain
 * rules, and each kind of mistake reported with its line, column and field.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EnvironmentProblem } from '../../src/main/workspace/environment-types.ts';
import { loadEnvironmentFile } from '../../src/main/workspace/load-environment.ts';
import type { TempFolder } from './fixtures.ts';
import { makeTempFolder } from './fixtures.ts';

let folder: TempFolder;
before(async () => {
  folder = await makeTempFolder();
});
after(async () => {
  await folder.remove();
});

function brief(problems: EnvironmentProblem[]): string[] {
  return problems.map((p) => `${p.line ?? '-'}:${p.column ?? '-'} ${p.field ?? '-'}: ${p.message}`);
}

async function problemsOf(name: string, text: string): Promise<string[]> {
  const loaded = await loadEnvironmentFile(await folder.write(name, text));
  assert.equal(loaded.environment, null, 'an environment with problems is not usable');
  return brief(loaded.problems);
}

describe('mock section: valid', () => {
  test('every rule field is read into plain data', async () => {
    const file = await folder.write(
      'good.yaml',
      `name: Mocked
mock:
  auth:
    - when: { body.pin: "1111", method: POST, path: /ivr/auth, query.x: "", header.X-Key: "\${customer_id}" }
      status: 201
      json: { authenticated: true, n: 1.5, list: [1, "two", null], nested: { a: "\${body.id}" } }
      headers: { X-Echo: "\${header.x-trace}" }
      delayMs: [20, 400]
    - ini: "a=1"
      delayMs: 30
  fetch_balance:
    - fault: timeout
  other:
    - when: { body.user.id: "7" }
      text: "42"
    - fault: dribble
      body: "{}"
`,
    );
    const loaded = await loadEnvironmentFile(file);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.environment?.mock, {
      auth: [
        {
          when: {
            'body.pin': '1111',
            method: 'POST',
            path: '/ivr/auth',
            'query.x': '',
            'header.X-Key': '${customer_id}',
          },
          status: 201,
          headers: [['X-Echo', '${header.x-trace}']],
          body: {
            kind: 'json',
            value: {
              authenticated: true,
              n: 1.5,
              list: [1, 'two', null],
              nested: { a: '${body.id}' },
            },
          },
          delayMs: [20, 400],
          fault: null,
        },
        {
          when: {},
          status: 200,
          headers: [],
          body: { kind: 'ini', text: 'a=1' },
          delayMs: 30,
          fault: null,
        },
      ],
      fetch_balance: [
        { when: {}, status: 200, headers: [], body: null, delayMs: null, fault: 'timeout' },
      ],
      other: [
        {
          when: { 'body.user.id': '7' },
          status: 200,
          headers: [],
          body: { kind: 'text', text: '42' },
          delayMs: null,
          fault: null,
        },
        {
          when: {},
          status: 200,
          headers: [],
          body: { kind: 'body', text: '{}' },
          delayMs: null,
          fault: 'dribble',
        },
      ],
    });
  });

  test('no mock section, or an empty one, mocks nothing', async () => {
    for (const text of ['name: x\n', 'name: x\nmock:\n']) {
      const loaded = await loadEnvironmentFile(await folder.write('none.yaml', text));
      assert.deepEqual(loaded.problems, []);
      assert.equal(loaded.environment?.mock, undefined);
    }
  });

  test('the example workspace mocks both webhooks of balance.json', async () => {
    const loaded = await loadEnvironmentFile('resources/workspace-example/environments/mock.yaml');
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(Object.keys(loaded.environment?.mock ?? {}), ['auth', 'fetch_balance']);
  });
});

describe('mock section: mistakes, each with its place', () => {
  test('the section and node ids', async () => {
    assert.deepEqual(await problemsOf('a.yaml', 'name: x\nmock: [auth]\n'), [
      '2:7 mock: must be a mapping of http node ids to their rules, e.g. auth: [ { json: { ok: true } } ]',
    ]);
    assert.deepEqual(
      await problemsOf(
        'b.yaml',
        'name: x\nmock:\n  "bad id": [ { text: a } ]\n  auth: []\n  x: { text: a }\n',
      ),
      [
        '3:3 mock: "bad id" is not a node id (letters, digits, _ and -)',
        '4:9 mock.auth: must list at least one rule, e.g. - json: { authenticated: true }',
        '5:6 mock.x: must list at least one rule, e.g. - json: { authenticated: true }',
      ],
    );
  });

  test('unknown rule fields and wrong types', async () => {
    const text = `name: x
mock:
  auth:
    - when: { body.pin: "1" }
      stauts: 200
      status: ok
      delayMs: fast
      fault: crash
    - when: [body.pin]
      json: { a: 1 }
    - when: { bodypin: "1", method: FETCH, path: ivr, header.bad name: "x" }
      text: { a: 1 }
`;
    assert.deepEqual(await problemsOf('c.yaml', text), [
      '5:7 mock.auth[0].stauts: unknown key (did you mean "status"?); allowed here: when, status, json, ini, text, body, headers, delayMs, fault',
      '6:15 mock.auth[0].status: must be a whole number from 200 to 599, got the text "ok"',
      '7:16 mock.auth[0].delayMs: must be a whole number of ms or a range [min, max], e.g. 30 or [20, 400]',
      '8:14 mock.auth[0].fault: must be one of timeout, reset, refuse, dribble, got "crash"',
      '9:13 mock.auth[1].when: must be a mapping of method, path, query.<name>, body.<field> (dotted for nested JSON), header.<name>',
      '11:15 mock.auth[2].when.bodypin: unknown condition; allowed: method, path, query.<name>, body.<field> (dotted for nested JSON), header.<name>',
      '11:37 mock.auth[2].when.method: must be one of GET, POST, PUT, DELETE, got "FETCH"',
      '11:50 mock.auth[2].when.path: a path starts with "/", e.g. /ivr/auth',
      '11:55 mock.auth[2].when.header.bad name: unknown condition; allowed: method, path, query.<name>, body.<field> (dotted for nested JSON), header.<name>',
      '12:13 mock.auth[2].text: must be text, got a mapping',
    ]);
  });

  test('delays: a range upside down, a range of three, a delay out of bounds', async () => {
    const text = `name: x
mock:
  auth:
    - when: { query.a: "1" }
      delayMs: [400, 20]
    - when: { query.a: "2" }
      delayMs: [1, 2, 3]
    - delayMs: 600001
`;
    assert.deepEqual(await problemsOf('d.yaml', text), [
      '5:16 mock.auth[0].delayMs: the range is upside down (400 > 20); write [20, 400]',
      '7:16 mock.auth[1].delayMs: a random delay is a range of two numbers [min, max], got 3',
      '8:16 mock.auth[2].delayMs: must be a whole number from 0 to 600000, got 600001',
    ]);
  });

  test('more than one body, a reply on a fault that sends none, a rule never used', async () => {
    const text = `name: x
mock:
  auth:
    - when: { query.a: "1" }
      json: { a: 1 }
      text: "2"
    - when: { query.a: "2" }
      fault: refuse
      status: 500
    - json: { a: 3 }
    - json: { a: 4 }
`;
    assert.deepEqual(await problemsOf('e.yaml', text), [
      '6:7 mock.auth[0].text: a rule has one body: json is given on line 5 (one of json, ini, text, body)',
      '9:7 mock.auth[1].status: fault refuse sends no reply (the connection is refused); remove status',
      '11:7 mock.auth[3]: never used: rule 3 has no "when" and answers every request; put this rule before it',
    ]);
  });

  test('templates: a reply naming no request value, a condition with a broken reference', async () => {
    const text = `name: x
mock:
  auth:
    - when: { body.id: "\${Customer Id}" }
      json: { a: 1 }
    - json: { greeting: "hello \${pin}" }
      headers: { Content-Length: "3", X-A: "\${secret.x}" }
`;
    assert.deepEqual(await problemsOf('f.yaml', text), [
      '4:24 mock.auth[0].when.body.id: "${Customer Id}" is not a valid reference (e.g. ${customer_id})',
      '6:25 mock.auth[1].json.greeting: "${pin}" is not a request value; a reply may use ${body.<field>}, ${query.<name>}, ${header.<name>}, ${method} or ${path}',
      '7:18 mock.auth[1].headers.Content-Length: set by the mock server itself from the reply',
      '7:44 mock.auth[1].headers.X-A: "${secret.x}" is not a request value; a reply may use ${body.<field>}, ${query.<name>}, ${header.<name>}, ${method} or ${path}',
    ]);
  });

  test('bounds: nodes, rules, conditions and json entries', async () => {
    const nodes = Array.from({ length: 101 }, (_, i) => `  n${i}: [ { text: a } ]`).join('\n');
    assert.deepEqual(await problemsOf('g.yaml', `name: x\nmock:\n${nodes}\n`), [
      '3:3 mock: more than 100 nodes',
    ]);
    const rules = Array.from({ length: 51 }, (_, i) => `    - { when: { query.a: "${i}" } }`).join(
      '\n',
    );
    assert.deepEqual(await problemsOf('h.yaml', `name: x\nmock:\n  auth:\n${rules}\n`), [
      '4:5 mock.auth: more than 50 rules',
    ]);
    const conditions = Array.from({ length: 21 }, (_, i) => `query.a${i}: "1"`).join(', ');
    assert.deepEqual(
      await problemsOf('i.yaml', `name: x\nmock:\n  auth:\n    - when: { ${conditions} }\n`),
      ['4:13 mock.auth[0].when: more than 20 conditions'],
    );
    const list = Array.from({ length: 10_001 }, () => '1').join(',');
    assert.deepEqual(
      await problemsOf('j.yaml', `name: x\nmock:\n  auth:\n    - json: [${list}]\n`),
      ['4:20012 mock.auth[0].json: more than 10000 entries'],
    );
  });
});
