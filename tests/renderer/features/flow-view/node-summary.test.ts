/** Node summaries clipped for their box. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clip } from '../../../../src/renderer/src/features/flow-view/node-summary.ts';

describe('clip', () => {
  test('clip: flattens whitespace and ends with an ellipsis', () => {
    assert.equal(clip('a  b\n c'), 'a b c');
    assert.equal(clip('abcdefghij', 5), 'abcd…');
    assert.equal(clip('abcde', 5), 'abcde');
  });
});
