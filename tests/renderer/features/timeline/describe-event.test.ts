/** The timeline's one line per event. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CallEvent } from '../../../../src/shared/call-events.ts';
import { describeEvent } from '../../../../src/renderer/src/features/timeline/describe-event.ts';

describe('timeline lines', () => {
  test('events read as one line each', () => {
    const at = { seq: 1, t: 0 };
    const branch = describeEvent({
      ...at,
      type: 'branch',
      node: 'check',
      caseIndex: 0,
      next: 'greet',
    } as CallEvent);
    assert.equal(branch.text, 'check → greet (case 1)');
    const key = describeEvent({ ...at, type: 'key', key: '#', node: null, buffered: true });
    assert.equal(key.text, '# (typed ahead)');
    const failed = describeEvent({
      ...at,
      type: 'input_failed',
      node: 'ask_pin',
      reason: 'too_short',
      attempt: 1,
      value: '12',
      willRetry: true,
    });
    assert.equal(failed.alert, true);
    assert.equal(failed.text, 'too short at ask_pin ("12"), attempt 1, retrying');
    const spoken = { ...at, type: 'prompt_started', node: 'hi', text: 'Welcome.', purpose: 'say' };
    assert.deepEqual(
      [describeEvent(spoken as CallEvent).label, describeEvent(spoken as CallEvent).text],
      ['Prompt', '“Welcome.”'],
    );
    const recorded = { ...spoken, audio: 'prompts/welcome.wav' } as CallEvent;
    assert.deepEqual(
      [describeEvent(recorded).label, describeEvent(recorded).text],
      ['Recording', '“Welcome.” (prompts/welcome.wav)'],
    );
  });
});
