/**
 * The flow editor's text edits (src/shared/flow/flow-text-edits.ts): a change rewrites only what
 * it touches, so a saved flow diffs only where the user changed it and keeps its key order.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { renameFlowNode, setFlowValue } from '../../src/shared/flow/flow-text-edits.ts';
import { validateFlowText } from '../../src/shared/flow/validate-flow.ts';
import { ROOT } from '../helpers/project-root.ts';

const SAMPLES = ['balance', 'meter-reading', 'personalised-menu'].map((name) => ({
  name,
  text: readFileSync(join(ROOT, 'resources/flows', `${name}.json`), 'utf8'),
}));

/** The lines of `after` that differ from `before` (same line count assumed). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(b.length, a.length, 'no line added or removed');
  return b.filter((line, i) => line !== a[i]);
}

describe('flow text edits', () => {
  test('renaming every node of every sample and back gives the file byte for byte', () => {
    for (const { name, text } of SAMPLES) {
      const ids = Object.keys((JSON.parse(text) as { nodes: object }).nodes);
      for (const id of ids) {
        const renamed = renameFlowNode(text, id, `${id}_renamed`);
        assert.notEqual(renamed, text);
        assert.equal(renameFlowNode(renamed, `${id}_renamed`, id), text, `${name}: ${id}`);
      }
    }
  });

  test('a rename changes the key and every reference, where each stands, and nothing else', () => {
    const { text } = SAMPLES.find((s) => s.name === 'personalised-menu')!;
    const renamed = renameFlowNode(text, 'goodbye', 'farewell');
    // The key, and the two menus' onFail: three lines.
    assert.deepEqual(changedLines(text, renamed), [
      '      "onFail": "farewell"',
      '      "onFail": "farewell"',
      '    "farewell": {',
    ]);
    const before = JSON.parse(text) as { nodes: Record<string, unknown> };
    const after = JSON.parse(renamed) as { nodes: Record<string, unknown> };
    // Key order kept: the node sits where it was.
    assert.deepEqual(
      Object.keys(after.nodes),
      Object.keys(before.nodes).map((id) => (id === 'goodbye' ? 'farewell' : id)),
    );
    const validation = validateFlowText(renamed);
    assert.equal(validation.problems.filter((p) => p.severity === 'error').length, 0);
  });

  test('the start, menu options, branch cases and defaults follow a rename', () => {
    const flow = {
      id: 'f',
      name: 'F',
      start: 'menu',
      nodes: {
        menu: { type: 'menu', say: 'Pick', options: { '1': 'check', '2': 'menu' }, onFail: 'bye' },
        check: {
          type: 'branch',
          cases: [{ if: { var: 'x', op: 'exists' }, next: 'menu' }],
          default: 'menu',
        },
        bye: { type: 'hangup' },
      },
      layout: { menu: { x: 0, y: 0 }, bye: { x: 0, y: 100 } },
    };
    const text = `${JSON.stringify(flow, null, 2)}\n`;
    const renamed = JSON.parse(renameFlowNode(text, 'menu', 'main_menu')) as typeof flow & {
      nodes: Record<string, unknown>;
      layout: Record<string, unknown>;
    };
    assert.equal(renamed.start, 'main_menu');
    assert.deepEqual(Object.keys(renamed.nodes), ['main_menu', 'check', 'bye']);
    assert.deepEqual(renamed.nodes['main_menu'], {
      ...flow.nodes.menu,
      options: { '1': 'check', '2': 'main_menu' },
    });
    assert.deepEqual(renamed.nodes['check'], {
      type: 'branch',
      cases: [{ if: { var: 'x', op: 'exists' }, next: 'main_menu' }],
      default: 'main_menu',
    });
    assert.deepEqual(Object.keys(renamed.layout), ['main_menu', 'bye']);
  });

  test('a value is set, added or removed in place', () => {
    const { text } = SAMPLES.find((s) => s.name === 'personalised-menu')!;
    const said = setFlowValue(text, ['nodes', 'greet_new', 'say'], 'Hello there.');
    assert.deepEqual(changedLines(text, said), ['      "say": "Hello there.",']);
    const removed = setFlowValue(text, ['nodes', 'greet_new', 'audio'], undefined);
    assert.equal(removed.split('\n').length, text.split('\n').length - 1);
    const greet = (JSON.parse(removed) as { nodes: Record<string, object> }).nodes['greet_new']!;
    assert.equal(Object.hasOwn(greet, 'audio'), false);
    const added = setFlowValue(text, ['nodes', 'goodbye', 'description'], 'Ends the call.');
    assert.deepEqual(
      Object.keys((JSON.parse(added) as { nodes: Record<string, object> }).nodes['goodbye']!),
      ['type', 'say', 'audio', 'description'],
    );
  });

  test('a rename that cannot be done says why', () => {
    const { text } = SAMPLES[0]!;
    assert.throws(() => renameFlowNode(text, 'nope', 'x'), /there is no node "nope"/);
    const [first, second] = Object.keys((JSON.parse(text) as { nodes: object }).nodes);
    assert.throws(() => renameFlowNode(text, first!, second!), /exists already/);
  });
});
