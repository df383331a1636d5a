/**
 * The `test` command's human output: a header per test file, one line per case as it finishes
 * (`✓ name (12 ms)` / `✗ name (12 ms)` with every unmet expectation indented below), and the
 * summary `N passed, N failed` alone on the last line, where a CI log's tail shows it.
 */
import { describeFailure } from './expectation-failure.ts';
import type { LoadedTestFile } from './load-test-file.ts';
import type { CaseResult } from './run-test-case.ts';
import { casePassed } from './run-test-case.ts';
import type { SuiteResult } from './run-test-files.ts';

/** `resources/tests/balance.yaml (flow balance, 4 cases)` */
export function formatSuiteHeader(file: LoadedTestFile): string {
  const n = file.test.cases.length;
  return `${file.displayPath} (flow ${file.flow.id}, ${n} case${n === 1 ? '' : 's'})`;
}

/** The lines of one finished case. */
export function formatCase(result: CaseResult): string[] {
  const time = `(${Math.round(result.timeMs)} ms)`;
  if (casePassed(result)) return [`  ✓ ${result.name} ${time}`];
  const lines = [`  ✗ ${result.name} ${time}`];
  if (result.error !== null) lines.push(`      error: ${result.error.split('\n')[0]}`);
  for (const failure of result.failures)
    lines.push(`      ${describeFailure(failure)} (line ${failure.line})`);
  if (result.run?.sessionId) lines.push(`      session ${result.run.sessionId}`);
  return lines;
}

/** Passed and failed case counts (a runner error counts as failed). */
export function tally(suites: readonly SuiteResult[]): { passed: number; failed: number } {
  const cases = suites.flatMap((s) => s.cases);
  const passed = cases.filter(casePassed).length;
  return { passed, failed: cases.length - passed };
}

/** `N passed, N failed` */
export function formatSummary(suites: readonly SuiteResult[]): string {
  const { passed, failed } = tally(suites);
  return `${passed} passed, ${failed} failed`;
}
