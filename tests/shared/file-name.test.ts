/** The file names New flow… and New environment… derive from what the user typed. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileNameFromTitle } from '../../src/shared/file-name.ts';

test('names become lower-case file names; the extension typed is not doubled', () => {
  assert.equal(fileNameFromTitle('Card activation'), 'card-activation');
  assert.equal(fileNameFromTitle('  Prod EU / 2 ', '.yaml'), 'prod-eu-2');
  assert.equal(fileNameFromTitle('My Flow.JSON', '.json'), 'my-flow');
  assert.equal(fileNameFromTitle('v1.2_final-draft'), 'v1.2_final-draft');
  assert.equal(fileNameFromTitle('Ünïcode fłow'), 'n-code-f-ow');
  assert.equal(fileNameFromTitle(' .. // '), '', 'nothing usable: empty, and the caller says so');
  assert.equal(fileNameFromTitle('-'.repeat(10_000) + 'x'), 'x');
});
