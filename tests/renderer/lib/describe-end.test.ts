/** How a call ended, in words. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeEnd } from '../../../src/renderer/src/lib/describe-end.ts';

describe('the end of a call', () => {
  test('the end of a call in words', () => {
    const base = { endedBy: 'caller', transferTarget: null, error: null, durationMs: 1 } as const;
    assert.equal(describeEnd({ ...base, outcome: 'hangup' }), 'Hung up by the caller');
    assert.equal(
      describeEnd({
        ...base,
        outcome: 'transfer',
        endedBy: 'flow',
        transferTarget: 'gold-advisors',
      }),
      'Transferred to gold-advisors',
    );
    assert.equal(
      describeEnd({
        ...base,
        outcome: 'error',
        error: { node: 'auth', code: 'network_error', message: 'refused' },
      }),
      'Error: network_error: refused',
    );
  });
});
