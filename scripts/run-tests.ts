/**
 * `npm test`: every `*.test.ts` under tests/ (or only those under the paths given, as in
 * `npm test -- tests/cli tests/store/migrations.test.ts`) with Node's test runner, reported by
 * the spec reporter, whose summary is the last thing printed. tests/test-plan.ts says which files
 * get a process of their own and which share one, and which start first.
 *
 * Why a script rather than `node --test <glob>`: the glob runs every file in a process of its own
 * (most of them spent more CPU loading the sources than testing) and in alphabetical order, so the
 * longest files (the Chromium suites, which mostly wait on calls in real time, and the type, lint
 * and format checks, which keep a core busy) started a minute in and the run ended on them alone.
 * Here they start first and the rest fill the cores around them. Files run six at a time at
 * least, more on bigger machines: a browser suite waiting on a call leaves its core to the others,
 * and the checks run at low priority (tests/helpers/built-app.ts, `background`), so they take
 * what the tests leave idle rather than slow the tests that wait on calls in real time.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { run } from 'node:test';
import type { RunOptions } from 'node:test';
import { spec } from 'node:test/reporters';
import {
  findTestFiles,
  needsOwnProcess,
  ROOT,
  SHARED_FILES_ENV,
  SHARED_PROCESS_FILES,
  splitShared,
  startOrder,
} from '../tests/test-plan.ts';

const found = await findTestFiles(process.argv.slice(2));
if (found.length === 0) {
  console.error(`no test file under ${process.argv.slice(2).join(', ')}`);
  process.exit(2);
}
const shares = splitShared(
  found.filter((file) => !needsOwnProcess(file)),
  SHARED_PROCESS_FILES.length,
);
// Test processes inherit this process's environment: that is how the shared ones get their lists.
process.env[SHARED_FILES_ENV] = JSON.stringify(shares);
const files = startOrder([
  ...found.filter(needsOwnProcess),
  ...SHARED_PROCESS_FILES.filter((_, part) => (shares[part] ?? []).length > 0),
]);

/** `globalSetupPath` is in Node 24's runner, not yet in @types/node's `RunOptions`. */
const options: RunOptions & { globalSetupPath: string } = {
  cwd: ROOT,
  files: files.map((file) => resolve(ROOT, file)),
  concurrency: Math.max(6, availableParallelism()),
  // A whole browser suite shares one timeout per test: generous, as a stuck test still ends.
  timeout: 300_000,
  globalSetupPath: resolve(ROOT, 'tests/global-setup.ts'),
};

run(options)
  .on('test:fail', () => {
    process.exitCode = 1;
  })
  .compose(spec)
  .pipe(process.stdout);
