/** Webhook bodies as the inspector shows them: JSON pretty-printed, forms as fields. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatBody } from '../../../../src/renderer/src/features/inspector/format-body.ts';

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
