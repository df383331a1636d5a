/** The nodes and edges a call's path lights up in the flow view. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  pairKey,
  pathHighlight,
} from '../../../../src/renderer/src/features/flow-view/path-highlight.ts';

describe('pathHighlight', () => {
  test('visited nodes and consecutive pairs', () => {
    const h = pathHighlight(['welcome', 'ask_id', 'ask_pin', 'ask_id']);
    assert.deepEqual([...h.nodes], ['welcome', 'ask_id', 'ask_pin']);
    assert.deepEqual(
      [...h.edges],
      [pairKey('welcome', 'ask_id'), pairKey('ask_id', 'ask_pin'), pairKey('ask_pin', 'ask_id')],
    );
    assert.ok(!h.edges.has(pairKey('ask_id', 'welcome')));
  });

  test('empty and single-node paths have no edges', () => {
    assert.deepEqual(pathHighlight([]), { nodes: new Set(), edges: new Set() });
    assert.deepEqual(pathHighlight(['a']), { nodes: new Set(['a']), edges: new Set() });
  });

  test('pair keys cannot be confused by separators inside ids', () => {
    assert.notEqual(pairKey('a,b', 'c'), pairKey('a', 'b,c'));
    assert.notEqual(pairKey('a"', 'b'), pairKey('a', '"b'));
  });
});
