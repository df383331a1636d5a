/**
 * `npm test` lints the project (what `npm run lint` does) beside the other test files; a warning
 * fails the run as an error does, with ESLint's own report.
 */
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, runTool } from '../helpers/built-app.ts';

test('ESLint finds nothing, warnings included', async () => {
  await runTool(
    'eslint',
    [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--max-warnings', '0', '.'],
    { background: true },
  );
});
