/**
 * The `test --json` document: the counts, then each file with each case's verdict, its unmet
 * expectations and the whole call as `run --json` reports it.
 */
import type { ExpectationFailure } from './expectation-failure.ts';
import { describeFailure } from './expectation-failure.ts';
import { casePassed } from './run-test-case.ts';
import type { CoverageReport } from '../../shared/coverage/coverage-report.ts';
import type { RunJson } from '../calls/run-json.ts';
import type { SuiteResult } from './run-test-files.ts';
import { tally } from './format-results.ts';

/** One case in `test --json`. */
export interface CaseJson {
  name: string;
  line: number;
  passed: boolean;
  timeMs: number;
  failures: (ExpectationFailure & { message: string })[];
  error: string | null;
  call: RunJson | null;
}

/** The whole `test --json` document. */
export interface TestRunJson {
  passed: number;
  failed: number;
  files: { file: string; flow: string; flowFile: string; timeMs: number; cases: CaseJson[] }[];
  /** Each flow's coverage over the run (`--coverage`, `--coverage-html`, `--min-coverage`). */
  coverage?: CoverageReport[];
}

/** Builds the `test --json` document; `coverage` is added when the run measured it. */
export function toTestRunJson(
  suites: readonly SuiteResult[],
  coverage?: CoverageReport[],
): TestRunJson {
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  return {
    ...tally(suites),
    files: suites.map((suite) => ({
      file: suite.file.displayPath,
      flow: suite.file.flow.id,
      flowFile: suite.file.flowDisplayPath,
      timeMs: round(suite.timeMs),
      cases: suite.cases.map((c) => ({
        name: c.name,
        line: c.line,
        passed: casePassed(c),
        timeMs: round(c.timeMs),
        failures: c.failures.map((f) => ({ ...f, message: describeFailure(f) })),
        error: c.error,
        call: c.run,
      })),
    })),
    ...(coverage === undefined ? {} : { coverage }),
  };
}
