/**
 * `npm test` type-checks the project (what `npm run typecheck` does), as tests of the run: they
 * run beside the other test files instead of before them all, and a type error fails the run
 * with tsc's own report.
 *
 * With TypeScript 7, the native compiler (the `tsc-native` alias): the same checker as 6, in a
 * tenth of the time. TypeScript 6 stays as `typescript`, the API typescript-eslint parses with.
 */
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, runTool } from '../helpers/built-app.ts';

const TSC = join(ROOT, 'node_modules/tsc-native/bin/tsc');

/** tsc's arguments for one project, checked on one thread. */
function tscArgs(project: string): string[] {
  return [TSC, '-p', project, '--singleThreaded'];
}

test('main, preload, shared code, tests and scripts type-check (tsconfig.node.json)', async () => {
  await runTool('tsc -p tsconfig.node.json', tscArgs('tsconfig.node.json'), { background: true });
});

test('the renderer type-checks (tsconfig.web.json)', async () => {
  await runTool('tsc -p tsconfig.web.json', tscArgs('tsconfig.web.json'), { background: true });
});
