/**
 * The properties form's pure parts under Node: map rows to objects (headers, assign, menu options),
 * branch condition values, and which problems belong to which field.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  conditionValueText,
  parseConditionValue,
} from '../../../../src/renderer/src/features/flow-editor/properties/condition-value.ts';
import type { FieldProblem } from '../../../../src/renderer/src/features/flow-editor/properties/field-problems.ts';
import {
  fieldOfPointer,
  focusPaths,
  pointerSegments,
  problemsOfField,
  problemsOfNode,
} from '../../../../src/renderer/src/features/flow-editor/properties/field-problems.ts';
import {
  freeMenuKey,
  objectOf,
  rowsOf,
} from '../../../../src/renderer/src/features/flow-editor/properties/map-rows.ts';

describe('map rows', () => {
  test('rows keep the key order, and make the same object back', () => {
    const headers = { 'X-B': 'b', 'X-A': '${a}' };
    const rows = rowsOf(headers);
    assert.deepEqual(
      rows.map((row) => [row.name, row.value]),
      [
        ['X-B', 'b'],
        ['X-A', '${a}'],
      ],
    );
    assert.notEqual(rows[0]?.id, rows[1]?.id);
    const made = objectOf(rows, false);
    assert.ok('object' in made);
    assert.deepEqual(Object.entries(made.object), Object.entries(headers));
  });

  test('unnamed rows, and options with no node yet, stay out of the file', () => {
    const rows = [
      { id: 1, name: '1', value: 'balance' },
      { id: 2, name: '', value: 'x' },
      { id: 3, name: '2', value: '' },
    ];
    assert.deepEqual(objectOf(rows, true), { object: { '1': 'balance' } });
    assert.deepEqual(objectOf(rows, false), { object: { '1': 'balance', '2': '' } });
  });

  test('a key given twice is refused, by name', () => {
    const rows = [
      { id: 1, name: 'a', value: '1' },
      { id: 2, name: 'a', value: '2' },
    ];
    assert.deepEqual(objectOf(rows, false), { error: '"a" is given twice: rename one.' });
  });

  test('a non-object (invalid file) has no rows; non-string values show as JSON', () => {
    assert.deepEqual(rowsOf(['x']), []);
    assert.deepEqual(rowsOf(null), []);
    assert.deepEqual(
      rowsOf({ n: 5 }).map((row) => row.value),
      ['5'],
    );
  });

  test('the first free menu key in keypad order; none when all twelve are used', () => {
    assert.equal(freeMenuKey([]), '1');
    assert.equal(freeMenuKey(rowsOf({ '1': 'a', '2': 'b' })), '3');
    const all = rowsOf(Object.fromEntries('1234567890*#'.split('').map((key) => [key, 'a'])));
    assert.equal(freeMenuKey(all), '');
  });
});

describe('condition values', () => {
  test('comparisons store plain numbers and booleans typed; other text stays a string', () => {
    assert.equal(parseConditionValue('5', 'eq'), 5);
    assert.equal(parseConditionValue('-2.5', 'lt'), -2.5);
    assert.equal(parseConditionValue('true', 'eq'), true);
    assert.equal(parseConditionValue('false', 'ne'), false);
    assert.equal(parseConditionValue('007', 'eq'), '007');
    assert.equal(parseConditionValue('1e3', 'gt'), '1e3');
    assert.equal(parseConditionValue('', 'eq'), '');
    assert.equal(parseConditionValue('gold', 'eq'), 'gold');
  });

  test('contains and matches always keep text', () => {
    assert.equal(parseConditionValue('5', 'contains'), '5');
    assert.equal(parseConditionValue('true', 'matches'), 'true');
  });

  test('stored values shown as text', () => {
    assert.equal(conditionValueText(true), 'true');
    assert.equal(conditionValueText(5), '5');
    assert.equal(conditionValueText('x'), 'x');
    assert.equal(conditionValueText(undefined), '');
  });
});

describe('field problems', () => {
  const problem = (pointer: string, severity: 'error' | 'warning' = 'error'): FieldProblem => ({
    severity,
    pointer,
    code: 'x',
    message: pointer,
  });

  test('pointers are unescaped (~1 is /, ~0 is ~)', () => {
    assert.deepEqual(pointerSegments('/nodes/a~1b~0c/say'), ['nodes', 'a/b~c', 'say']);
    assert.equal(fieldOfPointer('/nodes/a~1b/say', 'a/b'), 'say');
    assert.equal(fieldOfPointer('/nodes/ask/cases/0/if/var', 'ask'), 'cases');
    assert.equal(fieldOfPointer('/nodes/ask', 'ask'), null);
    assert.equal(fieldOfPointer('/nodes/other/say', 'ask'), null);
    assert.equal(fieldOfPointer('/start', 'ask'), null);
  });

  test('a field gets the problems at or inside it, errors first; the rest go to the node', () => {
    const problems = [
      problem('/nodes/ask/say', 'warning'),
      problem('/nodes/ask/sayAs'),
      problem('/nodes/ask/say'),
      problem('/nodes/ask'),
      problem('/nodes/ask/bogus'),
    ];
    assert.deepEqual(
      problemsOfField(problems, 'ask', 'say').map((found) => found.severity),
      ['error', 'warning'],
    );
    assert.deepEqual(
      problemsOfNode(problems, 'ask', ['say', 'sayAs']).map((found) => found.pointer),
      ['/nodes/ask', '/nodes/ask/bogus'],
    );
  });

  test('a pointer focuses its closest control: the most precise path first', () => {
    assert.deepEqual(focusPaths('/nodes/check/cases/0/if/var', 'check'), [
      'cases/0/if/var',
      'cases/0/if',
      'cases/0',
      'cases',
    ]);
    assert.deepEqual(focusPaths('/nodes/check', 'check'), []);
    assert.deepEqual(focusPaths('/nodes/other/say', 'check'), []);
  });
});
