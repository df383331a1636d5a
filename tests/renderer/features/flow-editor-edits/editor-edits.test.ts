/**
 * The flow editor's edits (src/renderer/src/features/flow-editor/editor-edits.ts), pure, under
 * Node: each kind of edit (add, connect through each kind of way out, disconnect, delete, move,
 * rename, set start, set a field) changes the text only where it must, and the editor reads any
 * text, however broken, into something it can draw.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readDraft } from '../../../../src/renderer/src/features/flow-editor/draft-flow.ts';
import {
  addNode,
  connect,
  deleteNode,
  disconnect,
  moveNodes,
  NEW_NODE,
  newNodeId,
  renameNode,
  setNodeValue,
  setStart,
} from '../../../../src/renderer/src/features/flow-editor/editor-edits.ts';
import { knownVariables } from '../../../../src/renderer/src/features/flow-editor/known-variables.ts';
import {
  ADD_CASE,
  ADD_OPTION,
  nodeExits,
} from '../../../../src/renderer/src/features/flow-editor/node-exits.ts';
import { NODE_TYPES } from '../../../../src/shared/flow/flow-schema.ts';
import { validateFlowText } from '../../../../src/shared/flow/validate-flow.ts';
import { ROOT } from '../../../helpers/project-root.ts';

const EMPTY = `{
  "id": "built",
  "name": "Built in the editor",
  "start": "",
  "nodes": {}
}
`;

const sampleText = (name: string): string =>
  readFileSync(join(ROOT, 'resources/flows', `${name}.json`), 'utf8');

type Json = Record<string, unknown>;
const parse = (text: string): Json => JSON.parse(text) as Json;
const nodes = (text: string): Json => parse(text)['nodes'] as Json;

describe('flow editor edits', () => {
  test('the six-node flow of the issue, built edit by edit, validates with no error', () => {
    let text = EMPTY;
    const at = { x: 0, y: 0 };
    for (const type of ['play', 'getDigits', 'http', 'branch', 'readBack', 'hangup'] as const) {
      text = addNode(text, type, newNodeId(text, type), at, readDraft(text).positions);
    }
    assert.equal(parse(text)['start'], 'play_1', 'the first node added became the start');
    assert.deepEqual(Object.keys(parse(text)['layout'] as Json).length, 6);
    text = setNodeValue(text, 'play_1', ['say'], 'Welcome.');
    text = setNodeValue(text, 'getDigits_1', ['say'], 'Enter your account number.');
    text = setNodeValue(text, 'getDigits_1', ['variable'], 'account');
    text = setNodeValue(text, 'http_1', ['url'], 'http://127.0.0.1:4010/balance?acc=${account}');
    text = setNodeValue(text, 'http_1', ['setVariable'], 'reply');
    text = setNodeValue(text, 'readBack_1', ['value'], '${account}');
    text = setNodeValue(text, 'hangup_1', ['say'], 'Goodbye.');
    text = connect(text, 'play_1', 'next', 'getDigits_1');
    text = connect(text, 'getDigits_1', 'next', 'http_1');
    text = connect(text, 'http_1', 'next', 'branch_1');
    text = connect(text, 'http_1', 'onError', 'hangup_1');
    text = connect(text, 'branch_1', ADD_CASE, 'readBack_1');
    text = setNodeValue(text, 'branch_1', ['cases', 0, 'if'], { var: 'account', op: 'exists' });
    text = connect(text, 'branch_1', 'default', 'hangup_1');
    text = connect(text, 'readBack_1', 'next', 'hangup_1');
    const { problems } = validateFlowText(text);
    assert.deepEqual(
      problems.filter((p) => p.severity === 'error'),
      [],
      'no error once every field is filled and every way out connected',
    );
    assert.equal(
      text.slice(0, text.indexOf('"nodes"')),
      EMPTY.slice(0, EMPTY.indexOf('"nodes"')).replace('""', '"play_1"'),
    );
  });

  test('every node type can be added, and a new node is what the validator asks the user to fill', () => {
    for (const type of NODE_TYPES) {
      const text = addNode(EMPTY, type, 'n', { x: 10.4, y: 20.6 }, new Map());
      assert.deepEqual(nodes(text)['n'], NEW_NODE[type]);
      assert.deepEqual((parse(text)['layout'] as Json)['n'], { x: 10, y: 21 });
      assert.throws(() => addNode(text, type, 'n', { x: 0, y: 0 }, new Map()), /exists already/);
    }
  });

  test('connecting through each kind of way out sets that field, and disconnecting unsets it', () => {
    let text = sampleText('personalised-menu');
    const menuId = Object.entries(nodes(text)).find(([, n]) => (n as Json)['type'] === 'menu')?.[0];
    assert.ok(menuId);
    const before = Object.keys((nodes(text)[menuId] as Json)['options'] as Json);
    text = connect(text, menuId, ADD_OPTION, 'goodbye');
    const after = Object.keys((nodes(text)[menuId] as Json)['options'] as Json);
    assert.equal(after.length, before.length + 1, 'a free key was added');
    const added = after.find((k) => !before.includes(k)) as string;
    assert.ok(/^[0-9*#]$/.test(added));
    text = disconnect(text, menuId, ['options', added]);
    // The one-line options object was opened up to add the key: the same data, that node alone.
    assert.deepEqual(parse(text), parse(sampleText('personalised-menu')));
    assert.throws(() => connect(text, menuId, 'next', 'goodbye'), /no way out called "next"/);
    assert.throws(() => connect(text, 'nobody', 'next', 'goodbye'), /no node "nobody"/);
  });

  test('deleting a node removes the edges to it and its layout entry; the start stays for the user to fix', () => {
    let text = EMPTY;
    text = addNode(text, 'play', 'a', { x: 0, y: 0 }, new Map());
    text = addNode(text, 'menu', 'b', { x: 0, y: 100 }, readDraft(text).positions);
    text = addNode(text, 'hangup', 'c', { x: 0, y: 200 }, readDraft(text).positions);
    text = connect(text, 'a', 'next', 'c');
    text = connect(text, 'b', ADD_OPTION, 'c');
    text = connect(text, 'b', 'onFail', 'c');
    const deleted = deleteNode(text, 'c');
    assert.equal(Object.hasOwn(nodes(deleted), 'c'), false);
    assert.equal(Object.hasOwn(parse(deleted)['layout'] as Json, 'c'), false);
    assert.deepEqual(nodes(deleted)['a'], { type: 'play', say: '' });
    assert.deepEqual(nodes(deleted)['b'], { type: 'menu', say: '', options: {} });
    const noStart = deleteNode(deleted, 'a');
    assert.equal(parse(noStart)['start'], 'a');
    assert.ok(validateFlowText(noStart).problems.some((p) => p.pointer === '/start'));
  });

  test('moving writes only the positions that changed, rounded', () => {
    const text = addNode(EMPTY, 'play', 'a', { x: 0, y: 0 }, new Map());
    assert.equal(moveNodes(text, new Map([['a', { x: 0.2, y: -0.3 }]])), text);
    const moved = moveNodes(text, new Map([['a', { x: 50.5, y: 7 }]]));
    assert.deepEqual((parse(moved)['layout'] as Json)['a'], { x: 51, y: 7 });
  });

  test('renaming follows every reference and refuses a bad or taken id; set start', () => {
    const text = sampleText('personalised-menu');
    assert.throws(() => renameNode(text, 'goodbye', '1bad'), /cannot be a node id/);
    const first = Object.keys(nodes(text))[0] as string;
    assert.throws(() => renameNode(text, 'goodbye', first), /exists already/);
    const renamed = renameNode(text, 'goodbye', 'farewell');
    assert.equal(renamed.includes('"goodbye"'), false);
    assert.equal(validateFlowText(renamed).ok, true);
    const started = setStart(text, 'goodbye');
    assert.equal(parse(started)['start'], 'goodbye');
  });

  test('an untouched sample reads with no change; the node exits name every edge the flow has', () => {
    for (const name of ['balance', 'meter-reading', 'personalised-menu']) {
      const text = sampleText(name);
      const draft = readDraft(text);
      assert.ok(draft.flow);
      for (const [id, node] of Object.entries(nodes(text))) {
        const targets = nodeExits(node)
          .filter((e) => e.field && e.target)
          .map((e) => e.target);
        const drawn = Object.values(draft.flow.nodes[id] ?? {}).length;
        assert.ok(drawn > 0, `${name}: ${id} drawn`);
        for (const to of targets)
          assert.ok(Object.hasOwn(nodes(text), to as string), `${id} -> ${to}`);
      }
    }
  });

  test('a hostile or broken text still reads: wrong shapes left out, unknown types kept to delete', () => {
    const deep = `{"var":"x","op":"eq"}`;
    let condition = deep;
    for (let i = 0; i < 500; i++) condition = `{"all":[${condition}]}`;
    const text = `{"start":5,"nodes":{"a":{"type":"branch","cases":[{"if":${condition},"next":"b"},7]},
      "b":{"type":"teleport"},"c":"nope","d":{"type":"menu","options":{"1":3,"2":"a"}}},
      "layout":{"a":{"x":"1","y":2},"b":{"x":1,"y":2}}}`;
    const draft = readDraft(text);
    assert.ok(draft.flow);
    assert.deepEqual([...draft.unknownTypes].sort(), ['b', 'c']);
    assert.deepEqual([...draft.positions.keys()], ['b']);
    assert.ok(draft.problems.length > 0);
    assert.equal(readDraft('not json').raw, null);
    assert.equal(readDraft('[1,2]').raw, null);
  });

  test('the variables known at a node: system, flow, environment, and those set on the way to it', () => {
    const text = sampleText('balance');
    const draft = readDraft(text);
    assert.ok(draft.flow);
    const flow = draft.flow;
    const ids = Object.keys(flow.nodes);
    const withDigits = ids.find((id) => flow.nodes[id]?.type === 'getDigits') as string;
    const variable = (flow.nodes[withDigits] as { variable: string }).variable;
    const later = ids.filter((id) => knownVariables(flow, id).includes(variable));
    assert.ok(later.length > 0, 'some node after the input knows its variable');
    assert.equal(knownVariables(flow, flow.start).includes(variable), false);
    assert.ok(knownVariables(flow, flow.start).includes('source'));
    assert.ok(knownVariables(flow, flow.start, ['tenant']).includes('tenant'));
    // A node nothing leads to yet is offered every name the flow sets.
    const loose = readDraft(setNodeValue(text, 'loose', [], { type: 'play', say: '' }))
      .flow as NonNullable<typeof draft.flow>;
    assert.ok(knownVariables(loose, 'loose').includes(variable));
  });
});
