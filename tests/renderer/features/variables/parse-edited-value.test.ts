/** An edited variable's text back to a value of the variable's type. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseEditedValue } from '../../../../src/renderer/src/features/variables/parse-edited-value.ts';

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
