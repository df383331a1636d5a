import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { FLOW_SCHEMA_FILE, flowJsonSchemaText } from '../../src/shared/flow/flow-json-schema.ts';
import type { FlowProblem } from '../../src/shared/flow/validate-flow.ts';
import { formatProblem, validateFlow } from '../../src/shared/flow/validate-flow.ts';
import { ROOT } from '../helpers/cli-process.ts';

const base = (nodes: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'f',
  name: 'F',
  start: Object.keys(nodes)[0],
  nodes,
  ...extra,
});
const bye = { type: 'hangup', say: 'Bye.' };

function problems(flow: unknown): string[] {
  return validateFlow(flow).problems.map(formatProblem);
}
function has(flow: unknown, line: string): FlowProblem[] {
  const result = validateFlow(flow);
  const lines = result.problems.map(formatProblem);
  assert.ok(lines.includes(line), `expected "${line}" in:\n${lines.join('\n')}`);
  return result.problems;
}

describe('flow validation', () => {
  test('a valid flow has no problems and gets its defaults', () => {
    const result = validateFlow(
      base({ ask: { type: 'getDigits', variable: 'n', next: 'bye' }, bye }),
    );
    assert.equal(result.ok, true);
    assert.deepEqual(result.problems, []);
    const ask = result.flow?.nodes['ask'];
    assert.equal(ask?.type === 'getDigits' && ask.timeoutMs, 5000);
    assert.equal(result.flow?.locale, 'en-US');
  });

  test('unknown node type, missing type', () => {
    has(
      base({ a: { type: 'dance' }, bye }),
      'error /nodes/a/type: unknown node type "dance" (one of play, getDigits, menu, http, setVariable, queryData, branch, readBack, transfer, hangup)',
    );
    has(
      base({ a: { say: 'x' }, bye }),
      'error /nodes/a/type: missing node type (one of play, getDigits, menu, http, setVariable, queryData, branch, readBack, transfer, hangup)',
    );
  });

  test('edges to missing nodes, at the field that holds them; a missing start', () => {
    const flow = base({
      m: { type: 'menu', say: 'x', options: { '1': 'nope' }, onFail: 'gone' },
      b: {
        type: 'branch',
        cases: [{ if: { var: 'x', op: 'exists' }, next: 'void' }],
        default: 'bye',
      },
      bye,
    });
    has(flow, 'error /nodes/m/options/1: edge to missing node "nope"');
    has(flow, 'error /nodes/m/onFail: edge to missing node "gone"');
    has(flow, 'error /nodes/b/cases/0/next: edge to missing node "void"');
    has({ ...flow, start: 'nothing' }, 'error /start: start node "nothing" does not exist');
  });

  test('unreachable nodes and nodes with no way to end are warnings', () => {
    const flow = base({
      a: { type: 'play', say: 'x', next: 'b' },
      b: { type: 'play', say: 'y', next: 'a' },
      island: bye,
    });
    const found = has(
      flow,
      'warning /nodes/island: node "island" cannot be reached from start "a"',
    );
    has(
      flow,
      'warning /nodes/a: no way to end the call from "a": possible infinite loop without input',
    );
    has(flow, 'warning /nodes/a: loop a -> b -> a never waits for the caller');
    assert.equal(validateFlow(flow).ok, true, 'warnings only: still valid');
    assert.ok(found.every((p) => p.severity === 'warning'));
  });

  test('invalid variable names and system variable assignments', () => {
    const flow = base(
      {
        a: { type: 'getDigits', variable: 'Customer-ID', next: 'b' },
        b: { type: 'setVariable', assign: { uuid: 'x', '9lives': 'y' }, next: 'c' },
        c: {
          type: 'queryData',
          dataset: 'd',
          match: { k: 'v' },
          assign: { source: 'k' },
          next: 'bye',
        },
        bye,
      },
      { datasets: { d: [{ k: 'v' }] }, variables: { destination: '1' } },
    );
    has(flow, 'error /nodes/a/variable: must match ^[a-z_][a-z0-9_]*$');
    has(flow, 'error /nodes/b/assign/uuid: "uuid" is a system variable and cannot be assigned');
    has(
      flow,
      'error /nodes/b/assign/9lives: invalid variable name "9lives" (must match ^[a-z_][a-z0-9_]*$)',
    );
    has(flow, 'error /nodes/c/assign/source: "source" is a system variable and cannot be assigned');
    has(
      flow,
      'error /variables/destination: "destination" is a system variable and cannot be assigned',
    );
  });

  test('${} references: invalid syntax is an error, a variable no earlier step defines is a warning', () => {
    const flow = base({
      ask: { type: 'getDigits', say: 'Hi ${source} ${Bad Ref}', variable: 'id', next: 'auth' },
      auth: {
        type: 'http',
        method: 'POST',
        url: 'https://crm.example/auth?id=${id}&pin=${pin}',
        next: 'after',
      },
      after: { type: 'play', say: '${anything_from_the_webhook}', next: 'br' },
      br: {
        type: 'branch',
        cases: [{ if: { var: 'later', op: 'eq', value: 1 }, next: 'bye' }],
        default: 'bye',
      },
      bye,
    });
    has(flow, 'error /nodes/ask/say: invalid reference ${Bad Ref}: use ${name} or ${name.field}');
    has(flow, 'warning /nodes/auth/url: unknown variable ${pin}');
    const lines = problems(flow);
    assert.ok(!lines.some((l) => l.includes('${id}')), 'defined by the getDigits before it');
    assert.ok(
      !lines.some((l) => l.includes('anything_from_the_webhook')),
      'a webhook reply may define it',
    );
    assert.ok(!lines.some((l) => l.includes('later')), 'after a webhook');
    assert.ok(!lines.some((l) => l.includes('${source}')), 'system variable');
  });

  test('a send-on-hang-up request may read any variable the flow defines anywhere', () => {
    const flow = base({
      report: {
        type: 'http',
        method: 'POST',
        url: 'https://crm.example/end',
        body: 'id=${id}&x=${never}',
        sendOnHangup: true,
        next: 'ask',
      },
      ask: { type: 'getDigits', variable: 'id', next: 'bye' },
      bye,
    });
    const lines = problems(flow);
    assert.ok(!lines.some((l) => l.includes('${id}')));
    assert.ok(lines.includes('warning /nodes/report/body: unknown variable ${never}'));
  });

  test('body on GET/DELETE; invalid JSON body template; a bad URL', () => {
    const flow = base({
      g: { type: 'http', method: 'GET', url: 'https://x/a', body: 'a=1', next: 'd' },
      d: {
        type: 'http',
        method: 'DELETE',
        url: 'https://x/a',
        body: '{}',
        contentType: 'json',
        next: 'j',
      },
      j: {
        type: 'http',
        method: 'POST',
        url: 'https://x/a',
        contentType: 'json',
        body: '{"id": ${id}}',
        next: 'u',
      },
      u: { type: 'http', method: 'POST', url: 'ftp://x/a', next: 'bye' },
      bye,
    });
    has(flow, 'error /nodes/g/body: a body is only allowed with POST or PUT, not GET');
    has(flow, 'error /nodes/d/body: a body is only allowed with POST or PUT, not DELETE');
    assert.ok(
      problems(flow).some((l) =>
        l.startsWith(
          'error /nodes/j/body: invalid JSON body template (put each ${...} inside a string value)',
        ),
      ),
    );
    has(
      flow,
      'error /nodes/u/url: url must start with http:// or https:// (or a ${variable} holding one)',
    );
  });

  test('minDigits above maxDigits; menu keys outside 0-9*#', () => {
    const flow = base({
      a: { type: 'getDigits', variable: 'n', minDigits: 6, maxDigits: 4, next: 'm' },
      m: { type: 'menu', say: 'x', options: { '1': 'bye', '10': 'bye', A: 'bye' } },
      bye,
    });
    has(flow, 'error /nodes/a/minDigits: minDigits 6 > maxDigits 4');
    has(flow, 'error /nodes/m/options/10: menu key "10" must be one of 0-9, * or #');
    has(flow, 'error /nodes/m/options/A: menu key "A" must be one of 0-9, * or #');
  });

  test('wrong types and values are errors with their pointer; unknown fields are warnings', () => {
    const flow = base({
      a: {
        type: 'getDigits',
        variable: 'n',
        maxDigits: 'ten',
        retries: -1,
        next: 'b',
        onfail: 'b',
      },
      b: { type: 'readBack', value: '${n}', sayAs: 'currency', next: 'c' },
      c: {
        type: 'branch',
        cases: [{ if: { var: 'n', op: 'between' }, next: 'bye' }],
        default: 'bye',
      },
      bye,
    });
    has(flow, 'error /nodes/a/maxDigits: expected number, received string');
    has(flow, 'error /nodes/a/retries: too small: expected number to be >=0');
    has(flow, 'warning /nodes/a/onfail: unknown field "onfail" (ignored)');
    has(flow, 'error /nodes/b/currency: sayAs "currency" needs a currency code such as "EUR"');
    assert.ok(problems(flow).some((l) => l.startsWith('error /nodes/c/cases/0/if/op:')));
  });

  test('a problem in one node does not hide the problems of the others', () => {
    const flow = base({ a: { type: 'play' }, b: { type: 'menu', say: 'x', options: {} }, bye });
    const lines = problems(flow);
    assert.ok(
      lines.includes(
        'error /nodes/a/say: a play node needs `say` or `audio`: it has nothing to play',
      ),
    );
    assert.ok(lines.includes('error /nodes/a/next: missing required field (string)'));
    assert.ok(lines.includes('error /nodes/b/options: a menu needs at least one option'));
  });

  test('pointers escape ~ and / in keys', () => {
    has(
      base({ a: { type: 'setVariable', assign: { 'a/b~c': 'x' }, next: 'bye' }, bye }),
      'error /nodes/a/assign/a~1b~0c: invalid variable name "a/b~c" (must match ^[a-z_][a-z0-9_]*$)',
    );
  });

  test('non-object input and garbage never throw', () => {
    for (const input of [
      null,
      42,
      'flow',
      [],
      { nodes: 'x' },
      { nodes: { a: null } },
      { nodes: { a: [] } },
    ]) {
      const result = validateFlow(input);
      assert.equal(result.ok, false);
      assert.ok(result.problems.length > 0);
    }
  });

  test('the shipped JSON Schema is current (run `npm run schema` after changing the flow format)', () => {
    const shipped = readFileSync(`${ROOT}/${FLOW_SCHEMA_FILE}`, 'utf8');
    assert.equal(shipped, flowJsonSchemaText());
    const schema = JSON.parse(shipped);
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.additionalProperties, false, 'editors flag unknown fields');
  });
});
