/**
 * Small files with one job: a source, test, script or style file over 300 lines must say why on
 * its first line (`// Over 300 lines: …`, or `/* Over 300 lines: … *\/` in CSS), so that a file
 * grows past the limit only by a decision a reviewer can read.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { glob } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/project-root.ts';

const LIMIT = 300;
const PATTERNS = ['{src,tests,scripts,eslint-rules}/**/*.{ts,tsx,js,mjs,css}'];
const REASON = /^(\/\/|\/\*) Over 300 lines: \S/;

test(`every file over ${LIMIT} lines gives its reason on its first line`, async () => {
  const unexplained: string[] = [];
  for await (const file of glob(PATTERNS, { cwd: ROOT, exclude: ['**/node_modules/**'] })) {
    const text = await readFile(join(ROOT, file), 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    const first = text.replace(/^#!.*\n/, '').split('\n', 1)[0] ?? '';
    if (lines > LIMIT && !REASON.test(first)) unexplained.push(`${file}: ${lines} lines`);
  }
  assert.deepEqual(
    unexplained.sort(),
    [],
    `split these files, or write "// Over 300 lines: <why>" as their first line`,
  );
});
