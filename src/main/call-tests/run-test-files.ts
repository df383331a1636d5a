/**
 * Runs loaded test files case by case, in file order and case order, one call at a time so
 * the demo CRM's log and any shared backend see the calls in a predictable order.
 */
import type { CaseEnvironment, CaseResult } from './run-test-case.ts';
import { runTestCase } from './run-test-case.ts';
import type { LoadedTestFile } from './load-test-file.ts';

/** How one test file (one JUnit test suite) went. */
export interface SuiteResult {
  file: LoadedTestFile;
  /** When the suite started. */
  startedAt: Date;
  timeMs: number;
  cases: CaseResult[];
}

/** Hooks for progress output as the run goes. */
export interface RunProgress {
  onSuiteStart?: (file: LoadedTestFile) => void;
  onCase?: (file: LoadedTestFile, result: CaseResult) => void;
}

/**
 * Runs every case of every file. When `signal` aborts (Ctrl-C), the case in progress finishes
 * and no further case starts; the suites hold only what ran.
 */
export async function runTestFiles(
  files: readonly LoadedTestFile[],
  env: CaseEnvironment,
  progress: RunProgress = {},
  signal?: AbortSignal,
): Promise<SuiteResult[]> {
  const suites: SuiteResult[] = [];
  for (const file of files) {
    if (signal?.aborted) break;
    progress.onSuiteStart?.(file);
    const startedAt = new Date();
    const started = performance.now();
    const cases: CaseResult[] = [];
    for (const testCase of file.test.cases) {
      if (signal?.aborted) break;
      const result = await runTestCase(file, testCase, env);
      cases.push(result);
      progress.onCase?.(file, result);
    }
    suites.push({ file, startedAt, timeMs: performance.now() - started, cases });
  }
  return suites;
}
