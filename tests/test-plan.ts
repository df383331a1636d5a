/**
 * How `npm test` (scripts/run-tests.ts) runs the test files: which need a process of their own,
 * which share one, and which start first.
 *
 * Most files only call our code in-process, against loopback servers, SQLite files and child
 * processes they start and stop themselves. Each one in a process of its own spent more loading
 * the sources (zod, undici, SQLite, the engine) than testing: about 80 s of CPU for 89 files on
 * the 2-core machine, against about 30 s when they share one process (the way
 * `node --test --test-isolation=none` runs files), which tests/shared-process.ts does. The files
 * below keep a process of their own, each for the reason given.
 */
import { statSync } from 'node:fs';
import { glob } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { ROOT } from './helpers/project-root.ts';

// scripts/run-tests.ts takes the root from here, with the plan.
export { ROOT };

/**
 * The files that each run their share of the shared files in one process: two, so that both
 * cores work on them beside the long files, and neither is the last to end.
 */
export const SHARED_PROCESS_FILES = ['tests/shared-process-1.ts', 'tests/shared-process-2.ts'];

/** The environment variable that hands each shared process its files (a JSON array of arrays). */
export const SHARED_FILES_ENV = 'IVR_TEST_SHARED_FILES';

/** Path prefixes (project-relative) of files that run in a process of their own, and why. */
export const OWN_PROCESS: Readonly<Record<string, string>> = {
  // Long: a browser, the build or a packaging tool each; they run beside the shared process.
  'tests/e2e/': 'Chromium suites against a browser-mode console',
  'tests/check/lint.test.ts': 'ESLint over the whole project',
  'tests/check/format.test.ts': 'Prettier over the whole project',
  'tests/check/typecheck.test.ts': 'tsc over the whole project',
  'tests/app/packaging.test.ts': 'electron-builder packs the app (about 10 s)',
  'tests/app/main-wiring.test.ts': 'replaces the electron module with a recorder, process-wide',
  'tests/audio/dtmf.test.ts': 'Chromium renders the tones',
  'tests/audio/dtmf-live.test.ts': 'Chromium plays the tones',
  // Mostly waiting on the clock (5 s timeouts, prompts' length): beside the others, not in turn.
  'tests/webhook/timeouts.test.ts': 'waits out the 5 s default timeouts',
  'tests/services/speech-wiring.test.ts': 'waits out prompts at their spoken length',
  'tests/load/artillery-engine.test.ts': 'waits on `artillery run` child processes (about 35 s)',
  // Timing: the scripted CRM's own clock is the reference for the percentiles and the rate.
  'tests/load/load-command.test.ts': 'its CRM times requests: no other file may hold its loop',
  // Process-wide state: these listen for unhandled rejections, which would hide other files'.
  'tests/webhook/client-lifecycle.test.ts': 'listens for unhandled rejections process-wide',
  'tests/tts/cancellation.test.ts': 'listens for unhandled rejections process-wide',
};

/**
 * Started before all others, in this order (path prefixes): the longest first, so that the run
 * does not end on one of them alone. Files not listed start afterwards, alphabetically.
 */
const LONGEST_FIRST = [
  'tests/e2e/sessions-replay.test.ts',
  'tests/shared-process-',
  'tests/e2e/',
  'tests/check/lint.test.ts',
  'tests/check/typecheck.test.ts',
  'tests/check/format.test.ts',
  'tests/app/packaging.test.ts',
  'tests/load/artillery-engine.test.ts',
  'tests/audio/dtmf',
  'tests/app/main-wiring.test.ts',
];

/** Whether `file` (project-relative, with `/`) needs a process of its own. */
export function needsOwnProcess(file: string): boolean {
  return Object.keys(OWN_PROCESS).some((prefix) => file.startsWith(prefix));
}

/**
 * Deals `files` into `parts` lists of about equal weight (bytes of test code, a fair proxy for
 * the time a file takes), the heaviest first, each list in alphabetical order.
 */
export function splitShared(files: readonly string[], parts: number): string[][] {
  const weighed = files
    .map((file) => ({ file, size: statSync(resolve(ROOT, file)).size }))
    .sort((a, b) => b.size - a.size || a.file.localeCompare(b.file));
  const lists = Array.from({ length: parts }, () => ({ files: [] as string[], size: 0 }));
  for (const { file, size } of weighed) {
    const lightest = lists.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.files.push(file);
    lightest.size += size;
  }
  return lists.map((list) => list.files.sort());
}

/** Where a file starts: its place in {@link LONGEST_FIRST}, else after all of them. */
function rank(file: string): number {
  const index = LONGEST_FIRST.findIndex((prefix) => file.startsWith(prefix));
  return index === -1 ? LONGEST_FIRST.length : index;
}

/** Sorts files into the order they start in. */
export function startOrder(files: readonly string[]): string[] {
  return [...files].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * The `*.test.ts` files under `paths` (files or folders; all of tests/ when empty), relative to
 * the project, with `/` on every system.
 */
export async function findTestFiles(paths: readonly string[] = []): Promise<string[]> {
  const wanted = paths.map((path) =>
    relative(ROOT, resolve(path)).split(sep).join('/').replace(/\/$/, ''),
  );
  const files: string[] = [];
  for await (const file of glob('tests/**/*.test.ts', { cwd: ROOT })) {
    const posix = file.split(sep).join('/');
    if (wanted.length === 0 || wanted.some((w) => posix === w || posix.startsWith(`${w}/`))) {
      files.push(posix);
    }
  }
  return files.sort();
}
