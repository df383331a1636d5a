/** RFC 6901 pointers: what the validator writes, the flow view reads back, escapes included. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decodePointerSegment,
  encodePointerSegment,
  parsePointer,
  toPointer,
} from '../../src/shared/json-pointer.ts';

test('segments escape ~ as ~0 and / as ~1, numbers as their digits', () => {
  assert.equal(toPointer(['nodes', 'auth', 'url']), '/nodes/auth/url');
  assert.equal(toPointer(['nodes', 'a/b~c', 'options', 3]), '/nodes/a~1b~0c/options/3');
  assert.equal(encodePointerSegment('~1'), '~01', 'a literal ~1 must not read back as /');
  assert.equal(encodePointerSegment(''), '');
});

test('decoding undoes ~1 before ~0 (RFC 6901, section 4)', () => {
  assert.equal(decodePointerSegment('a~1b'), 'a/b');
  assert.equal(decodePointerSegment('a~0b'), 'a~b');
  assert.equal(decodePointerSegment('a~01b'), 'a~1b');
  assert.equal(decodePointerSegment('~0~1'), '~/');
});

test('the empty pointer is the whole document; "/" is one empty segment', () => {
  assert.equal(toPointer([]), '');
  assert.deepEqual(parsePointer(''), []);
  assert.deepEqual(parsePointer('/'), ['']);
  assert.deepEqual(parsePointer('/a//b'), ['a', '', 'b']);
  assert.throws(() => parsePointer('nodes/a'), /not a JSON Pointer/);
});

test('every segment round-trips through a pointer', () => {
  const awkward = ['', '~', '/', '~0', '~1', '~01', '/~', 'a/b~c', ' spaced ', 'ünï', '0', '-'];
  for (const segment of awkward) {
    assert.equal(decodePointerSegment(encodePointerSegment(segment)), segment, segment);
  }
  assert.deepEqual(parsePointer(toPointer(awkward)), awkward);
  for (const pointer of ['', '/', '/nodes/a~1b~0c/next', '/~01/~10/~0~0']) {
    assert.equal(toPointer(parsePointer(pointer)), pointer, pointer);
  }
});
