/** An edge's SVG path through dagre's bends. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { routePath } from '../../../../src/renderer/src/features/flow-view/route-path.ts';

describe('routePath', () => {
  test('routePath: straight line, and a curve through the bends', () => {
    assert.equal(routePath([]), '');
    assert.equal(
      routePath([
        { x: 0, y: 0 },
        { x: 0, y: 10 },
      ]),
      'M 0 0 L 0 10',
    );
    assert.equal(
      routePath([
        { x: 0, y: 0 },
        { x: 10, y: 10 },
        { x: 10, y: 20 },
        { x: 0.04, y: 30.06 },
      ]),
      'M 0 0 Q 10 10 10 15 Q 10 20 5 25 L 0 30.1',
    );
  });
});
