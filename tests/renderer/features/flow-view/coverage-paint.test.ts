/**
 * The flow view painted by coverage, pure, under Node: the balance sample's coverage report turned
 * into the paint of its laid-out nodes and edges (ids matching the layout's), exits that share a
 * drawn field gathered on one edge, exits drawn by no edge kept on their node, and the words the
 * labels and tooltips carry.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Flow } from '../../../../src/shared/flow/flow-schema.ts';
import { validateFlowText } from '../../../../src/shared/flow/validate-flow.ts';
import { edgeId } from '../../../../src/shared/coverage/coverage-edges.ts';
import type { ExitName } from '../../../../src/shared/coverage/coverage-edges.ts';
import { coverageReport } from '../../../../src/shared/coverage/coverage-report.ts';
import type { CoverageReport } from '../../../../src/shared/coverage/coverage-report.ts';
import {
  coveragePaint,
  drawnEdgeId,
  exitLines,
  nodeCoverageWords,
  paintedEdgeLabel,
} from '../../../../src/renderer/src/features/flow-view/coverage-paint.ts';
import { layoutFlow } from '../../../../src/renderer/src/features/flow-view/flow-layout.ts';

function balance(): Flow {
  const url = new URL('../../../../resources/flows/balance.json', import.meta.url);
  const result = validateFlowText(readFileSync(url, 'utf8'));
  assert.ok(result.flow, 'balance parses');
  return result.flow;
}

/** The report of two calls: one to the balance and out by key 9, one that timed out at ask_id. */
function report(flow: Flow): CoverageReport {
  const nodes = new Map<string, number>();
  const edges = new Map<string, number>();
  const enter = (...ids: string[]): void => {
    for (const id of ids) nodes.set(id, (nodes.get(id) ?? 0) + 1);
  };
  const take = (from: string, exit: ExitName): void => {
    const id = edgeId(from, exit);
    edges.set(id, (edges.get(id) ?? 0) + 1);
  };
  enter('welcome', 'ask_id', 'ask_pin', 'auth', 'check', 'greet', 'fetch_balance');
  enter('read_balance', 'options', 'goodbye');
  take('welcome', 'next');
  take('ask_id', 'next');
  take('ask_pin', 'next');
  take('auth', 'next');
  take('check', 'case:0');
  take('greet', 'next');
  take('fetch_balance', 'next');
  take('read_balance', 'next');
  take('options', 'key:9');
  enter('welcome', 'ask_id', 'goodbye');
  take('welcome', 'next');
  take('ask_id', 'retry:timeout');
  take('ask_id', 'retry:timeout');
  take('ask_id', 'fail:timeout');
  return coverageReport(flow, '/flows/balance.json', { nodes, edges }, 2);
}

describe('coveragePaint', () => {
  const flow = balance();
  const paint = coveragePaint(report(flow));

  test('every drawn edge of the flow is painted, by the layout edge id', () => {
    const layout = layoutFlow(flow, []);
    const ids = layout.edges.map((e) => e.id);
    assert.deepEqual([...paint.edges.keys()].sort(), [...ids].sort());
    assert.equal(drawnEdgeId('options', ['options', '1']), '/nodes/options/options/1');
  });

  test('the layout keeps room for the painted labels', () => {
    const plain = layoutFlow(flow, []);
    const seen: string[] = [];
    const painted = layoutFlow(flow, [], {
      labelText: (id, label) => {
        seen.push(id);
        const edge = paint.edges.get(id);
        return edge ? paintedEdgeLabel(label, edge) : label;
      },
    });
    assert.deepEqual(seen.sort(), plain.edges.map((e) => e.id).sort());
    // The labels are wider, so the picture is too; the edges keep their own labels.
    assert.ok(painted.width > plain.width, `${painted.width} > ${plain.width}`);
    assert.deepEqual(
      painted.edges.map((e) => e.label),
      plain.edges.map((e) => e.label),
    );
  });

  test('taken and never taken edges, with their counts', () => {
    const welcome = paint.edges.get('/nodes/welcome/next');
    assert.deepEqual([welcome?.state, welcome?.count], ['taken', 2]);
    const agent = paint.edges.get('/nodes/options/options/0');
    assert.deepEqual([agent?.state, agent?.count], ['untaken', 0]);
    assert.equal(paintedEdgeLabel('0', agent!), '0 · never');
    assert.equal(paintedEdgeLabel('next', welcome!), 'next · 2×');
  });

  test('exits sharing a field gather on one edge: taken when any of them was', () => {
    const onFail = paint.edges.get('/nodes/ask_id/onFail');
    assert.ok(onFail);
    assert.deepEqual(
      onFail.exits.map((e) => e.exit),
      ['fail:timeout', 'fail:invalid'],
    );
    assert.deepEqual([onFail.state, onFail.count, onFail.exitsTaken], ['taken', 1, 1]);
    assert.equal(paintedEdgeLabel('onFail', onFail), 'onFail · 1× · 1/2');
    const onError = paint.edges.get('/nodes/auth/onError');
    assert.deepEqual([onError?.state, onError?.exits.length], ['untaken', 4]);
  });

  test('nodes: entered or never, and every exit (retries too) listed on the node', () => {
    const askId = paint.nodes.get('ask_id');
    assert.ok(askId);
    assert.deepEqual([askId.state, askId.count], ['taken', 2]);
    // next, retry by no input and by invalid input, last failure by each.
    assert.equal(askId.exits.length, 5);
    assert.equal(askId.exitsTaken, 3);
    assert.equal(nodeCoverageWords(askId), 'entered 2 times, 3 of 5 exits taken');
    assert.deepEqual(exitLines(askId).slice(0, 3), [
      '✓ digits entered → ask_pin (1×)',
      '✓ no input, retried (2×)',
      '✗ invalid input, retried (never)',
    ]);
    const agent = paint.nodes.get('agent');
    assert.deepEqual([agent?.state, agent?.count], ['untaken', 0]);
    assert.equal(nodeCoverageWords(agent!), 'never entered');
  });
});
