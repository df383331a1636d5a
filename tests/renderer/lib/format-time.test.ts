/** The console's time formats: the call timer, event offsets and durations. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  formatClock,
  formatDuration,
  formatOffset,
} from '../../../src/renderer/src/lib/format-time.ts';

describe('times', () => {
  test('call timer, offsets and durations', () => {
    assert.equal(formatClock(0), '00:00');
    assert.equal(formatClock(65_999), '01:05');
    assert.equal(formatClock(3_723_000), '1:02:03');
    assert.equal(formatOffset(3250), '00:03.250');
    assert.equal(formatDuration(4.25), '4.3 ms');
    assert.equal(formatDuration(250), '250 ms');
    assert.equal(formatDuration(1500), '1.50 s');
    assert.equal(formatDuration(null), '–');
  });
});
