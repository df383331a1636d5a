/** The keyboard as a keypad: which keys dial, call and hang up. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { keyboardCommand } from '../../../../src/renderer/src/features/softphone/keyboard-keys.ts';
import type { KeyLike } from '../../../../src/renderer/src/features/softphone/keyboard-keys.ts';

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
