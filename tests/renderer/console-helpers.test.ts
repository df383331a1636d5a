/**
 * The console's small pure helpers, under Node: keyboard mapping, edited values, body formatting,
 * changed paths, timeline lines and time formats.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CallEvent } from '../../src/shared/call-events.ts';
import { formatBody } from '../../src/renderer/src/features/inspector/format-body.ts';
import { keyboardCommand } from '../../src/renderer/src/features/softphone/keyboard-keys.ts';
import { describeStartError } from '../../src/renderer/src/features/softphone/start-error.ts';
import { flowLabel } from '../../src/renderer/src/features/softphone/flow-label.ts';
import type { KeyLike } from '../../src/renderer/src/features/softphone/keyboard-keys.ts';
import { describeEvent } from '../../src/renderer/src/features/timeline/describe-event.ts';
import { changedPaths } from '../../src/renderer/src/features/variables/changed-paths.ts';
import { parseEditedValue } from '../../src/renderer/src/features/variables/parse-edited-value.ts';
import { describeEnd } from '../../src/renderer/src/lib/describe-end.ts';
import {
  formatClock,
  formatDuration,
  formatOffset,
} from '../../src/renderer/src/lib/format-time.ts';

const key = (k: string, code = '', mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('keyboard mapping', () => {
  test('digits, * and # by the character typed (Shift+3 is # on a US layout)', () => {
    for (const k of ['0', '5', '9', '*', '#']) {
      assert.deepEqual(keyboardCommand(key(k, 'Digit0')), { kind: 'dtmf', key: k });
    }
    assert.deepEqual(keyboardCommand(key('#', 'Digit3', {})), { kind: 'dtmf', key: '#' });
  });

  test('the numpad by its physical key, Num Lock on or off', () => {
    assert.deepEqual(keyboardCommand(key('7', 'Numpad7')), { kind: 'dtmf', key: '7' });
    assert.deepEqual(keyboardCommand(key('Home', 'Numpad7')), { kind: 'dtmf', key: '7' });
    assert.deepEqual(keyboardCommand(key('*', 'NumpadMultiply')), { kind: 'dtmf', key: '*' });
  });

  test('Enter calls, Escape hangs up, shortcuts and other keys mean nothing', () => {
    assert.deepEqual(keyboardCommand(key('Enter', 'NumpadEnter')), { kind: 'call' });
    assert.deepEqual(keyboardCommand(key('Escape', 'Escape')), { kind: 'hangUp' });
    assert.equal(keyboardCommand(key('1', 'Digit1', { ctrlKey: true })), null);
    assert.equal(keyboardCommand(key('a', 'KeyA')), null);
    assert.equal(keyboardCommand(key('A', 'KeyA')), null);
  });
});

describe('a refused call start in the words of the form', () => {
  test('field keys become the labels the tester typed into', () => {
    assert.equal(
      describeStartError('call.start: source: enter a number; destination: at most 32 characters'),
      'Caller number: enter a number; Called number: at most 32 characters',
    );
    assert.equal(describeStartError('the flow has 2 errors'), 'the flow has 2 errors');
  });
});

describe('the flow picker', () => {
  test('an invalid flow shows how many errors keep it from running', () => {
    assert.equal(flowLabel({ name: 'Balance', valid: true, errors: 0 }), 'Balance');
    assert.equal(flowLabel({ name: 'Broken', valid: false, errors: 1 }), 'Broken (1 error)');
    assert.equal(flowLabel({ name: 'Broken', valid: false, errors: 3 }), 'Broken (3 errors)');
  });
});

describe('editing a variable keeps its type', () => {
  test('numbers stay numbers, booleans stay booleans, strings stay exactly as typed', () => {
    assert.deepEqual(parseEditedValue(' 12.5 ', 3), { ok: true, value: 12.5 });
    assert.equal(parseEditedValue('abc', 3).ok, false);
    assert.equal(parseEditedValue('', 3).ok, false);
    assert.deepEqual(parseEditedValue('FALSE', true), { ok: true, value: false });
    assert.equal(parseEditedValue('yes', true).ok, false);
    assert.deepEqual(parseEditedValue('00123', '12345'), { ok: true, value: '00123' });
    assert.equal(parseEditedValue('x'.repeat(4097), 'a').ok, false);
  });
});

describe('webhook bodies', () => {
  test('JSON is pretty-printed, by content type or by its look', () => {
    const shown = formatBody('{"id":"12345"}', [['Content-Type', 'application/json']]);
    assert.deepEqual(shown, { kind: 'json', text: '{\n  "id": "12345"\n}' });
    assert.equal(formatBody('{"a":1}', []).kind, 'json');
    assert.deepEqual(formatBody('{"a":1}', [], { pretty: false }), {
      kind: 'text',
      text: '{"a":1}',
    });
    assert.deepEqual(formatBody('{broken', []), { kind: 'text', text: '{broken' });
    assert.deepEqual(formatBody(null, []), { kind: 'empty' });
  });

  test('form bodies become decoded fields, with the raw text kept', () => {
    const raw = 'caller=%2B3612345678&meter=100200&note=a+b&bad=%E0%A4%A';
    const shown = formatBody(raw, [['content-type', 'application/x-www-form-urlencoded']]);
    assert.deepEqual(shown, {
      kind: 'form',
      raw,
      fields: [
        ['caller', '+3612345678'],
        ['meter', '100200'],
        ['note', 'a b'],
        ['bad', '%E0%A4%A'],
      ],
    });
  });
});

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

describe('timeline lines and times', () => {
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
  });

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
