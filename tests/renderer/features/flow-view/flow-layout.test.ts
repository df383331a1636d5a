// Over 300 lines: one suite of layout cases that share the sample and hand-made flow helpers.
/**
 * The flow view's layout, pure, under Node: the sample flows laid out top to bottom with their
 * edges labelled, problems attached to the node their pointer names (escapes decoded), broken
 * flows (missing targets, a missing start) drawn with placeholders, and the path highlight on a
 * laid-out sample.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Flow } from '../../../../src/shared/flow/flow-schema.ts';
import type { FlowProblem } from '../../../../src/shared/flow/validate-flow.ts';
import { validateFlowText } from '../../../../src/shared/flow/validate-flow.ts';
import type {
  FlowLayout,
  LayoutNode,
} from '../../../../src/renderer/src/features/flow-view/flow-layout-types.ts';
import {
  layoutFlow,
  problemNodeId,
} from '../../../../src/renderer/src/features/flow-view/flow-layout.ts';
import {
  pairKey,
  pathHighlight,
} from '../../../../src/renderer/src/features/flow-view/path-highlight.ts';

const SAMPLES = ['balance', 'meter-reading', 'personalised-menu'];

function sample(name: string): Flow {
  const url = new URL(`../../../../resources/flows/${name}.json`, import.meta.url);
  const result = validateFlowText(readFileSync(url, 'utf8'));
  assert.ok(result.flow, `${name} parses`);
  return result.flow;
}

function byId(layout: FlowLayout): Map<string, LayoutNode> {
  return new Map(layout.nodes.map((n) => [n.id, n]));
}

function node(layout: FlowLayout, id: string): LayoutNode {
  const found = byId(layout).get(id);
  assert.ok(found, `node ${id}`);
  return found;
}

/** A minimal flow for hand-made cases; the nodes need not be valid (the view draws broken files). */
function flowOf(start: string, nodes: Record<string, unknown>): Flow {
  return {
    id: 'hand-made',
    name: 'Hand made',
    locale: 'en-US',
    start,
    variables: {},
    datasets: {},
    nodes: nodes as Flow['nodes'],
  };
}

const problem = (pointer: string, severity: FlowProblem['severity'] = 'error'): FlowProblem => ({
  severity,
  pointer,
  code: 'test',
  message: `problem at ${pointer}`,
});

describe('layoutFlow on the sample flows', () => {
  for (const name of SAMPLES) {
    test(`${name}: every node once, inside the picture, no two boxes overlapping`, () => {
      const flow = sample(name);
      const layout = layoutFlow(flow, []);
      assert.deepEqual(layout.nodes.map((n) => n.id).sort(), Object.keys(flow.nodes).sort());
      assert.equal(layout.nodes.filter((n) => n.start).length, 1);
      assert.equal(layout.nodes.find((n) => n.start)?.id, flow.start);
      for (const n of layout.nodes) {
        assert.ok(n.x >= 0 && n.y >= 0, `${n.id} at ${n.x},${n.y}`);
        assert.ok(n.x + n.width <= layout.width + 0.1 && n.y + n.height <= layout.height + 0.1);
        assert.equal(n.missing, false);
        assert.deepEqual(n.problems, []);
      }
      for (const a of layout.nodes) {
        for (const b of layout.nodes) {
          if (a === b) continue;
          const apart =
            a.x + a.width <= b.x ||
            b.x + b.width <= a.x ||
            a.y + a.height <= b.y ||
            b.y + b.height <= a.y;
          assert.ok(apart, `${a.id} and ${b.id} overlap`);
        }
      }
      assert.deepEqual(layout.flowProblems, []);
    });

    test(`${name}: forward edges go down, back edges close a loop and go up`, () => {
      const layout = layoutFlow(sample(name), []);
      for (const edge of layout.edges) {
        const from = node(layout, edge.source);
        const to = node(layout, edge.target);
        if (edge.back) assert.ok(to.y < from.y, `${edge.id} goes up`);
        else assert.ok(to.y > from.y, `${edge.id} goes down`);
        assert.match(edge.path, /^M [\d.]+ [\d.]+ .*L [\d.]+ [\d.]+$/);
        assert.equal(edge.dangling, false);
      }
    });

    test(`${name}: the same input gives the same layout`, () => {
      assert.deepEqual(layoutFlow(sample(name), []), layoutFlow(sample(name), []));
    });
  }

  test('balance: the happy path runs straight down from the start', () => {
    const layout = layoutFlow(sample('balance'), []);
    const chain = ['welcome', 'ask_id', 'ask_pin', 'auth', 'check', 'greet', 'fetch_balance'];
    const ys = chain.map((id) => node(layout, id).y);
    for (let i = 1; i < ys.length; i++)
      assert.ok(ys[i]! > ys[i - 1]!, `${chain[i]} below ${chain[i - 1]}`);
    assert.equal(node(layout, 'welcome').y, Math.min(...layout.nodes.map((n) => n.y)));
  });

  test('balance: edge labels and kinds, one edge per field', () => {
    const layout = layoutFlow(sample('balance'), []);
    const described = layout.edges.map((e) => `${e.source} -${e.label}/${e.kind}-> ${e.target}`);
    assert.deepEqual(described, [
      'welcome -next/next-> ask_id',
      'ask_id -next/next-> ask_pin',
      'ask_id -onFail/failure-> goodbye',
      'ask_pin -next/next-> auth',
      'ask_pin -onFail/failure-> goodbye',
      'auth -next/next-> check',
      'auth -onError/failure-> technical',
      'check -case 1/case-> greet',
      'check -default/default-> denied',
      'greet -next/next-> fetch_balance',
      'fetch_balance -next/next-> read_balance',
      'fetch_balance -onError/failure-> technical',
      'read_balance -next/next-> options',
      'options -0/option-> agent',
      'options -1/option-> read_balance',
      'options -9/option-> goodbye',
      'options -onFail/failure-> goodbye',
    ]);
    assert.equal(new Set(layout.edges.map((e) => e.id)).size, layout.edges.length);
    assert.ok(layout.edges.some((e) => e.id === '/nodes/options/options/9'));
    // The only loop: "press 1 to hear your balance again".
    assert.deepEqual(
      layout.edges.filter((e) => e.back).map((e) => e.id),
      ['/nodes/options/options/1'],
    );
  });

  test('meter-reading: the retry loops are the back edges', () => {
    const layout = layoutFlow(sample('meter-reading'), []);
    assert.deepEqual(
      layout.edges.filter((e) => e.back).map((e) => `${e.source}->${e.target}`),
      ['unknown_meter->ask_meter', 'confirm->ask_reading', 'rejected->ask_reading'],
    );
  });

  test('balance: summaries say what each node does', () => {
    const layout = layoutFlow(sample('balance'), []);
    assert.equal(node(layout, 'welcome').summary, 'Welcome to Example Bank.');
    assert.equal(node(layout, 'auth').summary, 'POST ${crm_base}/ivr/auth');
    assert.equal(node(layout, 'check').summary, 'if authenticated eq true');
    assert.equal(node(layout, 'read_balance').summary, '${balance} as currency');
    assert.equal(node(layout, 'agent').summary, 'to support-queue');
    const options = node(layout, 'options');
    assert.equal(options.type, 'menu');
    assert.ok(options.summary.length <= 60 && options.summary.endsWith('…'));
    assert.ok(options.fullSummary.startsWith('To hear your balance again, press 1.'));
    assert.ok(options.fullSummary.endsWith('press 9.'));
  });

  test('personalised-menu: starts at queryData, setVariable and queryData summaries', () => {
    const layout = layoutFlow(sample('personalised-menu'), []);
    const lookup = node(layout, 'lookup');
    assert.equal(lookup.start, true);
    assert.equal(lookup.summary, 'customers by phone');
    assert.equal(node(layout, 'set_standard').summary, 'tier = standard');
    assert.equal(
      layout.edges.find((e) => e.id === '/nodes/lookup/onNotFound')?.label,
      'onNotFound',
    );
  });

  test('boxes grow with the type size', () => {
    const small = layoutFlow(sample('balance'), []);
    const large = layoutFlow(sample('balance'), [], { em: 28 });
    assert.equal(node(small, 'welcome').width, 16 * 14);
    assert.equal(node(large, 'welcome').width, 16 * 28);
    assert.equal(node(large, 'welcome').height, 2 * node(small, 'welcome').height);
    assert.ok(large.height > 1.9 * small.height);
  });
});

describe('problems on nodes', () => {
  test('sample problems land on the node their pointer names', () => {
    const problems = [
      problem('/nodes/auth/url'),
      problem('/nodes/auth', 'warning'),
      problem('/nodes/options/options/7', 'warning'),
      problem('/start'),
      problem(''),
      problem('/nodes'),
      problem('/nodes/nope/next'),
      problem('/variables/nodes'),
    ];
    const layout = layoutFlow(sample('balance'), problems);
    assert.deepEqual(
      node(layout, 'auth').problems.map((p) => p.pointer),
      ['/nodes/auth/url', '/nodes/auth'],
    );
    assert.deepEqual(
      node(layout, 'options').problems.map((p) => p.severity),
      ['warning'],
    );
    assert.deepEqual(
      layout.flowProblems.map((p) => p.pointer),
      ['/start', '', '/nodes', '/nodes/nope/next', '/variables/nodes'],
    );
    assert.equal(node(layout, 'welcome').problems.length, 0);
  });

  test('pointer escapes are decoded: ~1 is /, ~0 is ~', () => {
    assert.equal(problemNodeId('/nodes/a~1b/next'), 'a/b');
    assert.equal(problemNodeId('/nodes/a~0b'), 'a~b');
    assert.equal(problemNodeId('/nodes/a~01b'), 'a~1b');
    assert.equal(problemNodeId('/nodes'), null);
    assert.equal(problemNodeId('/start'), null);
    assert.equal(problemNodeId(''), null);
    const flow = flowOf('a/b', {
      'a/b': { type: 'play', say: 'hi', next: 'a~b' },
      'a~b': { type: 'hangup' },
      'a~1b': { type: 'hangup' },
    });
    const layout = layoutFlow(flow, [
      problem('/nodes/a~1b/next'),
      problem('/nodes/a~0b', 'warning'),
      problem('/nodes/a~01b/say'),
    ]);
    assert.deepEqual(
      node(layout, 'a/b').problems.map((p) => p.pointer),
      ['/nodes/a~1b/next'],
    );
    assert.deepEqual(
      node(layout, 'a~b').problems.map((p) => p.pointer),
      ['/nodes/a~0b'],
    );
    assert.deepEqual(
      node(layout, 'a~1b').problems.map((p) => p.pointer),
      ['/nodes/a~01b/say'],
    );
    assert.deepEqual(layout.flowProblems, []);
    assert.equal(layout.edges[0]?.id, '/nodes/a~1b/next');
  });
});

describe('broken flows', () => {
  test('an edge to a missing node goes to a placeholder', () => {
    const flow = flowOf('ask', {
      ask: { type: 'menu', say: 'Press 1', options: { '1': 'ghost', '2': 'bye' }, onFail: 'ghost' },
      bye: { type: 'hangup', say: 'Bye.' },
    });
    const layout = layoutFlow(flow, [
      problem('/nodes/ask/options/1'),
      problem('/nodes/ask/onFail'),
    ]);
    const ghost = node(layout, 'ghost');
    assert.equal(ghost.missing, true);
    assert.equal(ghost.type, 'missing');
    assert.equal(ghost.start, false);
    assert.ok(ghost.y > node(layout, 'ask').y);
    assert.deepEqual(
      layout.edges.map((e) => [e.label, e.target, e.dangling]),
      [
        ['1', 'ghost', true],
        ['2', 'bye', false],
        ['onFail', 'ghost', true],
      ],
    );
    assert.equal(layout.nodes.length, 3);
    // Problems about the dangling edges belong to the node that holds them.
    assert.equal(node(layout, 'ask').problems.length, 2);
  });

  test('a start that names no node draws as a missing start; unreachable nodes still draw', () => {
    const flow = flowOf('begin', {
      orphan: { type: 'play', say: 'x', next: 'end' },
      end: { type: 'hangup' },
    });
    const layout = layoutFlow(flow, [problem('/start')]);
    const begin = node(layout, 'begin');
    assert.equal(begin.missing, true);
    assert.equal(begin.start, true);
    assert.equal(node(layout, 'orphan').start, false);
    assert.ok(node(layout, 'end').y > node(layout, 'orphan').y);
    assert.deepEqual(
      layout.flowProblems.map((p) => p.pointer),
      ['/start'],
    );
  });

  test('an id dagre uses for its own dummies, and a self loop, do not break the layout', () => {
    const flow = flowOf('_d1', {
      _d1: { type: 'play', say: 'x', next: '_root' },
      _root: { type: 'getDigits', variable: 'v', next: '_root', onFail: 'constructor' },
    });
    const layout = layoutFlow(flow, []);
    assert.deepEqual(
      layout.nodes.map((n) => n.id),
      ['_d1', '_root', 'constructor'],
    );
    assert.equal(node(layout, 'constructor').missing, true);
    assert.equal(node(layout, '_root').summary, 'digits into v');
    const self = layout.edges.find((e) => e.source === '_root' && e.target === '_root');
    assert.equal(self?.back, true);
    assert.ok(self?.path.startsWith('M '));
  });

  test('an empty flow lays out to nothing but its missing start', () => {
    const layout = layoutFlow(flowOf('start', {}), []);
    assert.deepEqual(
      layout.nodes.map((n) => [n.id, n.missing, n.start]),
      [['start', true, true]],
    );
    assert.deepEqual(layout.edges, []);
  });
});

describe('pathHighlight on a laid-out sample', () => {
  test('on a laid-out sample, the path marks exactly the edges it took', () => {
    const layout = layoutFlow(sample('balance'), []);
    const h = pathHighlight(['welcome', 'ask_id', 'ask_pin', 'auth', 'technical']);
    assert.deepEqual(
      layout.edges.filter((e) => h.edges.has(pairKey(e.source, e.target))).map((e) => e.id),
      ['/nodes/welcome/next', '/nodes/ask_id/next', '/nodes/ask_pin/next', '/nodes/auth/onError'],
    );
  });
});
