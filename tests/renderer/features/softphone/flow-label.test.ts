/** The flow picker's labels. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { flowLabel } from '../../../../src/renderer/src/features/softphone/flow-label.ts';

describe('the flow picker', () => {
  test('an invalid flow shows how many errors keep it from running', () => {
    assert.equal(flowLabel({ name: 'Balance', valid: true, errors: 0 }), 'Balance');
    assert.equal(flowLabel({ name: 'Broken', valid: false, errors: 1 }), 'Broken (1 error)');
    assert.equal(flowLabel({ name: 'Broken', valid: false, errors: 3 }), 'Broken (3 errors)');
  });
});
