/**
 * The template fields' `${` completion and unknown-reference marks
 * (src/renderer/src/features/flow-editor/properties/template-completion.ts), pure, under Node.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  acceptCompletion,
  completionAt,
  filterVariables,
  invalidReferences,
  referenceMessages,
  unknownReferences,
} from '../../../../src/renderer/src/features/flow-editor/properties/template-completion.ts';

const VARIABLES = ['account', 'balance', 'customer_id', 'source', 'uuid', 'auth_reply'];

describe('completionAt', () => {
  test('just after ${ and inside ${ab: what is typed after ${', () => {
    assert.deepEqual(completionAt('Hi ${', 5), { start: 5, end: 5, query: '' });
    assert.deepEqual(completionAt('Hi ${ab', 7), { start: 5, end: 7, query: 'ab' });
    // The caret in the middle of a closed reference completes what is before it.
    assert.deepEqual(completionAt('${abc} x', 3), { start: 2, end: 3, query: 'a' });
    assert.deepEqual(completionAt('${account.ba', 12), { start: 2, end: 12, query: 'account.ba' });
  });

  test('after the }, in plain text, or past a space: nothing', () => {
    assert.equal(completionAt('${ab} and', 5), null);
    assert.equal(completionAt('${ab} and', 9), null);
    assert.equal(completionAt('plain text', 5), null);
    assert.equal(completionAt('$ {ab', 5), null);
    assert.equal(completionAt('${ab cd', 7), null);
    assert.equal(completionAt('', 0), null);
    assert.equal(completionAt('$', 1), null);
  });
});

describe('filterVariables', () => {
  test('prefix matches first, then the others that contain the query, case-insensitively', () => {
    assert.deepEqual(filterVariables(VARIABLES, 'a'), ['account', 'auth_reply', 'balance']);
    assert.deepEqual(filterVariables(VARIABLES, 'u'), [
      'uuid',
      'account',
      'customer_id',
      'source',
      'auth_reply',
    ]);
    assert.deepEqual(filterVariables(VARIABLES, 'UU'), ['uuid']);
    assert.deepEqual(filterVariables(VARIABLES, ''), VARIABLES);
    assert.deepEqual(filterVariables(VARIABLES, 'zzz'), []);
  });
});

describe('acceptCompletion', () => {
  test('inserts name} in place of what is typed, the caret after the }', () => {
    const text = 'Hi ${cu';
    const done = acceptCompletion(text, completionAt(text, 7)!, 'customer_id');
    assert.deepEqual(done, { text: 'Hi ${customer_id}', caret: 17 });
  });

  test('keeps the text after the caret', () => {
    const text = 'a ${b and more';
    const done = acceptCompletion(text, completionAt(text, 4)!, 'balance');
    assert.deepEqual(done, { text: 'a ${balance} and more', caret: 12 });
  });

  test('inside a closed reference: replaces the rest of its path and its }', () => {
    const text = 'x ${bal} y';
    const done = acceptCompletion(text, completionAt(text, 5)!, 'balance');
    assert.deepEqual(done, { text: 'x ${balance} y', caret: 12 });
  });
});

describe('unknownReferences', () => {
  test('a root no variable defines is unknown, once, in order', () => {
    assert.deepEqual(unknownReferences('${pin} ${customer_id} ${pin} ${x.y}', VARIABLES), [
      'pin',
      'x.y',
    ]);
  });

  test('dotted paths count by their root; secrets are never flagged', () => {
    assert.deepEqual(unknownReferences('${account.balance} ${auth_reply.ok}', VARIABLES), []);
    assert.deepEqual(unknownReferences('Bearer ${secret.crm_token} ${secret.x}', VARIABLES), []);
    // A known variable given as a path counts by its root too.
    assert.deepEqual(unknownReferences('${account.id}', ['account.balance']), []);
  });

  test('an unclosed reference being typed is not (yet) flagged', () => {
    assert.deepEqual(unknownReferences('Hi ${pi', VARIABLES), []);
  });

  test('references that are not paths are listed apart, and both in the messages', () => {
    assert.deepEqual(invalidReferences('${} ${1x} ${ok} ${a b}'), ['', '1x', 'a b']);
    assert.deepEqual(unknownReferences('${} ${1x}', VARIABLES), []);
    assert.deepEqual(referenceMessages('${pin} ${1x}', VARIABLES), [
      'unknown variable ${pin}',
      'not a variable reference: ${1x}',
    ]);
  });
});
