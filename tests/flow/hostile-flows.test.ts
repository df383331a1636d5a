import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { evaluateCondition } from '../../src/main/engine/conditions.ts';
import { definedOnEntry } from '../../src/shared/flow/defined-on-entry.ts';
import { nodeReadRoots } from '../../src/shared/flow/flow-references.ts';
import type { Condition, Flow } from '../../src/shared/flow/flow-schema.ts';
import { FlowSchema } from '../../src/shared/flow/flow-schema.ts';
import { MAX_FLOW_DEPTH } from '../../src/shared/flow/raw-json-checks.ts';
import {
  formatProblem,
  validateFlow,
  validateFlowText,
} from '../../src/shared/flow/validate-flow.ts';
import { SYSTEM_VARIABLES } from '../../src/shared/variables.ts';
import { ROOT } from '../helpers/cli-process.ts';
import {
  denseMenuFlow,
  nestedCondition,
  nestedObjects,
  randomFlow,
  seededRandom,
  setVariableCycle,
} from './dense-flows.ts';
import { referenceDefinedOnEntry } from './reference-dataflow.ts';

/** Compares the validator's dataflow with the reference on every question the validator asks. */
function assertSameDataflow(flow: Flow, label: string): void {
  const fast = definedOnEntry(flow);
  const slow = referenceDefinedOnEntry(flow);
  assert.deepEqual([...fast.keys()].sort(), [...slow.keys()].sort(), `${label}: reachable nodes`);
  for (const [id, expected] of slow) {
    const got = fast.get(id);
    assert.ok(got, `${label}: ${id}`);
    assert.equal(got.afterWebhook, expected.afterWebhook, `${label}: ${id} after a webhook`);
    const asked = [
      ...nodeReadRoots(flow.nodes[id] as Flow['nodes'][string]),
      ...SYSTEM_VARIABLES,
      ...Object.keys(flow.variables),
    ];
    for (const name of asked) {
      assert.equal(got.names.has(name), expected.names.has(name), `${label}: ${name} at ${id}`);
    }
  }
}

const pointerOf = (...path: (string | number)[]): string => path.map((p) => `/${p}`).join('');

describe('dataflow on dense and random flows', () => {
  test('answers exactly as the reference fixed point on 400 small random flows', () => {
    const random = seededRandom(20261128);
    for (let i = 0; i < 400; i++) {
      const flow = FlowSchema.parse(randomFlow(random, 1 + Math.floor(random() * 30)));
      assertSameDataflow(flow, `random flow ${i}`);
    }
  });

  test('answers exactly as the reference on dense menus and a setVariable cycle', () => {
    assertSameDataflow(FlowSchema.parse(denseMenuFlow(60)), 'dense menus');
    assertSameDataflow(FlowSchema.parse(setVariableCycle(200)), 'setVariable cycle');
  });

  test('the shipped sample flows keep their unknown-variable verdicts', () => {
    for (const name of ['balance', 'meter-reading', 'personalised-menu']) {
      const text = readFileSync(join(ROOT, 'resources/flows', `${name}.json`), 'utf8');
      const result = validateFlowText(text);
      assert.ok(result.flow, name);
      assertSameDataflow(result.flow, name);
      assert.deepEqual(
        result.problems.filter((p) => p.code === 'unknown-variable'),
        [],
        name,
      );
    }
  });

  test('a variable read before any path defines it is still unknown, in a dense flow too', () => {
    const flow = setVariableCycle(300);
    // Cut the cycle: s299 no longer leads back to s0.
    (flow.nodes as Record<string, { next?: string }>)['s299']!.next = 'bye';
    const unknown = validateFlow(flow)
      .problems.map(formatProblem)
      .filter((line) => line.includes('unknown variable'));
    // Each node reads the variable the next one defines; only the last reads one defined before.
    assert.equal(unknown.length, 299);
    assert.equal(unknown[0], 'warning /nodes/s0/assign/v0: unknown variable ${v1}');
    assert.equal(unknown[298], 'warning /nodes/s298/assign/v298: unknown variable ${v299}');
  });

  test('a loop of 5,000 nodes is named by its first nodes, not all of them', () => {
    const flow = setVariableCycle(5000);
    const loop = validateFlow(flow).problems.find((p) => p.code === 'loop-without-input');
    assert.equal(
      loop?.message,
      'loop s0 -> s1 -> s2 -> s3 -> s4 -> s5 -> s6 -> s7 -> s8 -> s9 -> … (5000 nodes) never waits for the caller',
    );
  });
});

describe('deep nesting is judged, never a crash', () => {
  test('variables nested 1,500 levels: one too-deep error at the first level past the limit', () => {
    const text = JSON.stringify({
      id: 'deep',
      name: 'Deep',
      start: 'bye',
      variables: { deep: nestedObjects(1500) },
      nodes: { bye: { type: 'hangup' } },
    });
    const result = validateFlowText(text);
    assert.equal(result.ok, false);
    // The flow is level 1, variables 2, deep 3: the container at level 65 sits under 62 "a"s.
    const pointer = pointerOf('variables', 'deep', ...Array<string>(MAX_FLOW_DEPTH - 2).fill('a'));
    assert.deepEqual(result.problems, [
      {
        severity: 'error',
        pointer,
        code: 'too-deep',
        message: 'nested deeper than 64 levels of objects and arrays',
      },
    ]);
  });

  test('every deep place is reported, in document order, with its pointer', () => {
    const result = validateFlow({
      id: 'deep',
      name: 'Deep',
      start: 'call',
      variables: { ok: nestedObjects(20), deep: nestedObjects(100) },
      datasets: { rows: [{ id: 1 }, nestedObjects(3000)] },
      nodes: {
        call: {
          type: 'http',
          method: 'GET',
          url: 'http://127.0.0.1/',
          headers: nestedObjects(200),
          next: 'bye',
        },
        bye: { type: 'hangup' },
      },
    });
    assert.equal(result.ok, false);
    // The pointer of the first object past the limit under a value at `level` (the flow is 1).
    const deep = (prefix: (string | number)[], level: number): string =>
      pointerOf(...prefix, ...Array<string>(MAX_FLOW_DEPTH + 1 - level).fill('a'));
    assert.deepEqual(
      result.problems.map((p) => `${p.code} ${p.pointer}`),
      [
        `too-deep ${deep(['variables', 'deep'], 3)}`,
        `too-deep ${deep(['datasets', 'rows', 1], 4)}`,
        `too-deep ${deep(['nodes', 'call', 'headers'], 4)}`,
      ],
    );
  });

  test('a branch condition nested 29 levels passes and runs; 30 levels is refused', () => {
    const flow = (levels: number): unknown => ({
      id: 'cond',
      name: 'Cond',
      start: 'check',
      nodes: {
        check: {
          type: 'branch',
          cases: [{ if: nestedCondition(levels), next: 'bye' }],
          default: 'bye',
        },
        bye: { type: 'hangup' },
      },
    });
    const fits = validateFlow(flow(29));
    assert.deepEqual(fits.problems, []);
    const check = fits.flow?.nodes['check'];
    assert.ok(check?.type === 'branch');
    const condition = check.cases[0]?.if as Condition;
    assert.equal(evaluateCondition(condition, { source: '+3612345678' }), true);
    assert.equal(evaluateCondition(condition, {}), false);

    const refused = validateFlow(flow(30));
    assert.equal(refused.ok, false);
    assert.equal(refused.flow, null, 'the engine never sees a condition nested that deep');
    assert.deepEqual(
      refused.problems.map((p) => p.code),
      ['too-deep'],
    );
    // 29 lists and their items, then the 30th list: the 65th level.
    assert.match(
      refused.problems[0]!.pointer,
      /^\/nodes\/check\/cases\/0\/if(\/(all|any)\/0){29}\/(all|any)$/,
    );
  });

  test('conditions nested 5,000 levels and arrays nested 100,000 levels never overflow', () => {
    // Built as text: JSON.stringify itself recurses and would overflow first.
    const levels = 5000;
    const conditionText =
      '{"id":"c","name":"C","start":"b","nodes":{"b":{"type":"branch","default":"b","cases":' +
      `[{"next":"b","if":${'{"any":['.repeat(levels)}{"var":"source","op":"exists"}${']}'.repeat(levels)}}]}}}`;
    assert.deepEqual(
      validateFlowText(conditionText).problems.map((p) => p.code),
      ['too-deep'],
    );
    const arrays = `{"id":"x","name":"X","start":"b","nodes":{"b":{"type":"hangup"}},"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    assert.deepEqual(
      validateFlowText(arrays).problems.map((p) => p.code),
      ['too-deep'],
    );
  });

  test('__proto__ keys are still refused wherever they are, in document order', () => {
    const text =
      '{"id":"p","name":"P","start":"bye","variables":{"a":{"__proto__":{"x":1}},"__proto__":1},' +
      '"nodes":{"bye":{"type":"hangup","__proto__":{}}}}';
    const reserved = validateFlowText(text).problems.filter((p) => p.code === 'reserved-key');
    assert.deepEqual(
      reserved.map((p) => p.pointer),
      ['/variables/a/__proto__', '/variables/__proto__', '/nodes/bye/__proto__'],
    );
  });
});
