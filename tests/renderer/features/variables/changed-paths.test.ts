/** Which variable paths a step changed, for the variables panel's highlight. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { changedPaths } from '../../../../src/renderer/src/features/variables/changed-paths.ts';

describe('changed paths', () => {
  test('a nested change marks the leaf, and its parent as containing a change', () => {
    const paths = changedPaths({
      step: 3,
      node: 'auth',
      changes: {
        account: {
          from: { balance: 1, currency: 'EUR' },
          to: { balance: 2, currency: 'EUR' },
          source: 'webhook',
        },
        tier: { to: 'gold', source: 'webhook' },
      },
    });
    assert.deepEqual([...paths.changed.keys()].sort(), ['account.balance', 'tier']);
    assert.deepEqual(paths.changed.get('account.balance'), { from: 1, source: 'webhook' });
    assert.deepEqual([...paths.containsChange], ['account']);
    assert.equal(changedPaths(null).changed.size, 0);
  });
});
