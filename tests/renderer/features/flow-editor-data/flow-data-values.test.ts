/**
 * The rules behind the variables and datasets tables
 * (src/renderer/src/features/flow-editor/flow-data/flow-data-values.ts), pure, under Node: names
 * refused with a reason, typed text read back, types changed, keys renamed in place, columns.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addColumn,
  convertValue,
  datasetColumns,
  emptyRow,
  kindOf,
  parseValueText,
  plainNameProblem,
  removeColumn,
  renameKey,
  valueText,
  variableNameProblem,
} from '../../../../src/renderer/src/features/flow-editor/flow-data/flow-data-values.ts';

describe('variable names', () => {
  test('lowercase letters, digits and _, not starting with a digit, not taken', () => {
    assert.equal(variableNameProblem('crm_base', []), null);
    assert.equal(variableNameProblem('_x1', []), null);
    assert.match(variableNameProblem('1abc', []) ?? '', /not starting with a digit/);
    assert.match(variableNameProblem('CrmBase', []) ?? '', /lowercase/);
    assert.match(variableNameProblem('a-b', []) ?? '', /lowercase/);
    assert.match(variableNameProblem('', []) ?? '', /type a name/);
    assert.equal(
      variableNameProblem('crm_base', ['crm_base']),
      'a variable "crm_base" exists already',
    );
    assert.match(variableNameProblem('source', []) ?? '', /system variable/);
  });

  test('dataset and column names: not empty, no outer spaces, not taken', () => {
    assert.equal(plainNameProblem('Customers 2', [], 'dataset'), null);
    assert.equal(plainNameProblem(' ', [], 'column'), 'type a column name');
    assert.match(plainNameProblem(' x', [], 'dataset') ?? '', /space/);
    assert.equal(plainNameProblem('phone', ['phone'], 'column'), 'a column "phone" exists already');
  });
});

describe('variable values', () => {
  test('the kind and text of each value', () => {
    assert.equal(kindOf('1234'), 'text');
    assert.equal(kindOf(1234), 'number');
    assert.equal(kindOf(false), 'boolean');
    assert.equal(kindOf({ a: 1 }), 'object');
    assert.equal(valueText('1234'), '1234');
    assert.equal(valueText(1234), '1234');
    assert.equal(valueText({ a: 1, b: { c: 'x' } }), '{"a":1,"b":{"c":"x"}}');
  });

  test('typed text read as its kind: "1234" and 1234 stay apart', () => {
    assert.deepEqual(parseValueText('1234', 'text'), { value: '1234' });
    assert.deepEqual(parseValueText(' 1234 ', 'number'), { value: 1234 });
    assert.deepEqual(parseValueText('-1.5e3', 'number'), { value: -1500 });
    assert.match((parseValueText('12a', 'number') as { error: string }).error, /not a number/);
    assert.match((parseValueText('1e999', 'number') as { error: string }).error, /not a number/);
    assert.deepEqual(parseValueText('true', 'boolean'), { value: true });
    assert.deepEqual(parseValueText('{"a":{"b":2}}', 'object'), { value: { a: { b: 2 } } });
  });

  test('invalid JSON, lists and nulls are refused with the reason', () => {
    assert.match((parseValueText('{a:1}', 'object') as { error: string }).error, /^invalid JSON/);
    assert.match((parseValueText('[1]', 'object') as { error: string }).error, /JSON object/);
    assert.equal(
      (parseValueText('{"a":{"b":[1]}}', 'object') as { error: string }).error,
      'the value.a.b is a list: a variable holds text, a number, true/false or an object',
    );
    assert.match((parseValueText('{"a":null}', 'object') as { error: string }).error, /null/);
  });

  test('changing the type keeps what reads as the new type', () => {
    assert.deepEqual(convertValue('1234', 'number'), { value: 1234 });
    assert.deepEqual(convertValue(1234, 'text'), { value: '1234' });
    assert.deepEqual(convertValue('true', 'boolean'), { value: true });
    assert.deepEqual(convertValue('yes', 'boolean'), { value: false });
    assert.deepEqual(convertValue('{"a":1}', 'object'), { value: { a: 1 } });
    assert.deepEqual(convertValue('plain', 'object'), { value: {} });
    assert.deepEqual(convertValue({ a: 1 }, 'text'), { value: '{"a":1}' });
    assert.match((convertValue('', 'number') as { error: string }).error, /type a number/);
    assert.match((convertValue('abc', 'number') as { error: string }).error, /not a number/);
  });
});

describe('keys and columns', () => {
  test('a rename keeps the key in its place', () => {
    const renamed = renameKey({ a: 1, b: 2, c: 3 }, 'b', 'z');
    assert.deepEqual(Object.entries(renamed), [
      ['a', 1],
      ['z', 2],
      ['c', 3],
    ]);
  });

  test('columns are the union of row keys in first-seen order', () => {
    assert.deepEqual(datasetColumns([{ b: 1, a: 2 }, 'not a row', { c: 3, a: 4 }]), [
      'b',
      'a',
      'c',
    ]);
    assert.deepEqual(datasetColumns([]), []);
  });

  test('adding and removing a column, and a new empty row', () => {
    assert.deepEqual(addColumn([{ a: 1 }, { a: 2 }], 'b'), [
      { a: 1, b: '' },
      { a: 2, b: '' },
    ]);
    assert.deepEqual(addColumn([], 'a'), [{ a: '' }]);
    assert.deepEqual(removeColumn([{ a: 1, b: 2 }, { b: 3 }], 'b'), [{ a: 1 }, {}]);
    assert.deepEqual(emptyRow(['phone', 'name']), { phone: '', name: '' });
  });
});
