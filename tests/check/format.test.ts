/**
 * `npm test` checks the formatting (what `npm run format:check` does) beside the other test files;
 * the failure lists every file Prettier would change (`npm run format` fixes them).
 *
 * TypeScript is parsed by oxc (`@prettier/plugin-oxc`, in .prettierrc.json, so `npm run format`
 * writes what this checks): the same output on every file here, in about 10 CPU-s rather than 15
 * to 21 with Prettier's own TypeScript parser.
 */
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, runTool } from '../helpers/built-app.ts';

test('every file is formatted as Prettier would write it', async () => {
  await runTool(
    'prettier --check',
    [join(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.'],
    { background: true },
  );
});
