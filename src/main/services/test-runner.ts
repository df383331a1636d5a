/**
 * The console's test run (the Tests screen, `tests.run`): every case of one test file through the
 * real engine, exactly as `ivr-console test` runs them, in an environment of the console, with the
 * flow's coverage over the cases. Test calls are never logged (a developer's repeated runs would
 * bury the real sessions), and the failures read as the CLI words them.
 */
import { dirname } from 'node:path';
import type { TestRunCase, TestRunReport } from '../../shared/contract/coverage-types.ts';
import { describeFailure } from '../call-tests/expectation-failure.ts';
import { loadTestFile } from '../call-tests/load-test-file.ts';
import type { LoadedTestFile } from '../call-tests/load-test-file.ts';
import type { CaseResult } from '../call-tests/run-test-case.ts';
import { casePassed } from '../call-tests/run-test-case.ts';
import { runTestFiles } from '../call-tests/run-test-files.ts';
import { formatFileProblem } from '../call-tests/yaml-reader.ts';
import { collectCoverage } from '../coverage/collect-coverage.ts';
import type { EnvironmentLibrary } from './environment-library.ts';
import { ServiceError } from './service-errors.ts';
import type { TestCaseLibrary } from './test-case-library.ts';
import { createTestFileCheck } from './test-file-access.ts';

/** Runs test files for the page. */
export interface TestRunner {
  /**
   * Runs every case of the test file at `path` in environment `environmentId`, with coverage.
   *
   * @throws ServiceError `forbidden` for a file neither listed by the console nor in the open
   *   workspace, `invalid_input` for a file that cannot run (its problems listed), `not_found` or
   *   `conflict` for an environment that cannot place calls (see EnvironmentLibrary.forCall)
   */
  run(input: { path: string; environmentId: string }): Promise<TestRunReport>;
}

/** What the test runner is built from (all already in the console services). */
export interface TestRunnerDeps {
  environments: EnvironmentLibrary;
  /** The test files the console lists: the page may run each of them. */
  tests: TestCaseLibrary;
  /** The open workspace's folder: its test files may be named too. */
  workspaceRoot: () => string | null;
}

/** At most this many problems in a refusal: the first ones say what to fix. */
const PROBLEMS_SHOWN = 5;

/** One case as the Tests screen lists it; failures in `ivr-console test`'s words. */
function toRunCase(result: CaseResult): TestRunCase {
  return {
    name: result.name,
    line: result.line,
    dtmf: result.dtmf,
    passed: casePassed(result),
    failures: result.failures.map((f) => `${describeFailure(f)} (line ${f.line})`),
    // The first line, as the CLI prints it: the stack is for a bug report, not the Tests screen.
    error: result.error === null ? null : (result.error.split('\n')[0] ?? result.error),
    outcome: result.run?.outcome ?? null,
    path: result.run?.path ?? [],
    timeMs: Math.round(result.timeMs * 10) / 10,
  };
}

/** The test runner over `deps`. */
export function createTestRunner(deps: TestRunnerDeps): TestRunner {
  /** A test file the page may name: one the console lists, or one in the open workspace. */
  const checkTestFile = createTestFileCheck(deps.tests, deps.workspaceRoot);

  const load = async (path: string): Promise<LoadedTestFile> => {
    const loaded = await loadTestFile(path, dirname(path));
    if (loaded.ok) return loaded.file;
    const shown = loaded.problems.slice(0, PROBLEMS_SHOWN).map(formatFileProblem);
    const more = loaded.problems.length - shown.length;
    throw new ServiceError(
      'invalid_input',
      `test file ${path} cannot run: ${shown.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`,
    );
  };

  return {
    async run({ path, environmentId }) {
      const file = await load(await checkTestFile(path));
      // After the file: a broken test file is the first thing to fix, then a missing secret.
      const environment = await deps.environments.forCall(environmentId);
      const started = performance.now();
      const suites = await runTestFiles([file], {
        variables: { ...environment.variables },
        secrets: environment.secrets,
        network: environment.network,
        limits: environment.limits,
        store: null,
        captureEvents: true,
      });
      const cases = (suites[0]?.cases ?? []).map(toRunCase);
      const [coverage] = collectCoverage(suites);
      if (coverage === undefined) throw new Error(`no coverage for ${file.path}`);
      const passed = cases.filter((c) => c.passed).length;
      return {
        file: file.path,
        flowPath: file.flowPath,
        environmentId,
        passed,
        failed: cases.length - passed,
        cases,
        coverage,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      };
    },
  };
}
