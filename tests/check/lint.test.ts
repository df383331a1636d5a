/**
 * `npm test` lints the project (what `npm run lint` does) beside the other test files; a warning
 * fails the run as an error does, with ESLint's own report.
 *
 * With a young generation of 64 MB (V8's default is 16 or 32): linting 600 files allocates a
 * syntax tree, scopes and tokens per file, and the larger nursery lets most of it die there,
 * about 2 s less CPU of the run's 240 (`/usr/bin/time node --max-semi-space-size=64 eslint .`).
 */
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, runTool } from '../helpers/built-app.ts';

test('ESLint finds nothing, warnings included', async () => {
  await runTool(
    'eslint',
    [
      '--max-semi-space-size=64',
      join(ROOT, 'node_modules/eslint/bin/eslint.js'),
      '--max-warnings',
      '0',
      '.',
    ],
    { background: true },
  );
});
