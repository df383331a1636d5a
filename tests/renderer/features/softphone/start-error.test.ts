/** A refused call start, told in the form's own words. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeStartError } from '../../../../src/renderer/src/features/softphone/start-error.ts';

describe('a refused call start in the words of the form', () => {
  test('field keys become the labels the tester typed into', () => {
    assert.equal(
      describeStartError('call.start: source: enter a number; destination: at most 32 characters'),
      'Caller number: enter a number; Called number: at most 32 characters',
    );
    assert.equal(describeStartError('the flow has 2 errors'), 'the flow has 2 errors');
  });
});
