/**
 * A run's coverage, one report per flow (`test --coverage`, the console's Tests screen): every case
 * whose events were captured counts for the flow its file tests. A test folder may hold files for
 * several flows, and several files for one flow: those are one flow, counted together.
 */
import { resolve } from 'node:path';
import { addCallCoverage, emptyCoverage } from '../../shared/coverage/call-coverage.ts';
import type { CallCoverage } from '../../shared/coverage/call-coverage.ts';
import { coverageReport } from '../../shared/coverage/coverage-report.ts';
import type { CoverageReport } from '../../shared/coverage/coverage-report.ts';
import type { Flow } from '../../shared/flow/flow-schema.ts';
import type { LoadedTestFile } from '../call-tests/load-test-file.ts';
import type { SuiteResult } from '../call-tests/run-test-files.ts';

/** How a report names its flow file: the CLI shows it relative, the console absolute. */
export type FlowPathShown = (file: LoadedTestFile) => string;

interface FlowTally {
  flow: Flow;
  shownPath: string;
  coverage: CallCoverage;
  calls: number;
}

/**
 * One report per flow the suites test, in the order the flows first appear. Cases without
 * captured events (the run was not asked to capture them) count for nothing; a flow whose cases
 * all lack them still gets a report, of 0 calls.
 */
export function collectCoverage(
  suites: readonly SuiteResult[],
  shownPath: FlowPathShown = (file) => file.flowPath,
): CoverageReport[] {
  // Keyed by the flow file's absolute path: `../flows/a.json` from two folders is one flow.
  const byFlow = new Map<string, FlowTally>();
  for (const suite of suites) {
    const key = resolve(suite.file.flowPath);
    let tally = byFlow.get(key);
    if (tally === undefined) {
      tally = {
        flow: suite.file.flow,
        shownPath: shownPath(suite.file),
        coverage: emptyCoverage(),
        calls: 0,
      };
      byFlow.set(key, tally);
    }
    for (const result of suite.cases) {
      if (result.events === undefined) continue;
      addCallCoverage(tally.flow, result.events, tally.coverage);
      tally.calls++;
    }
  }
  return [...byFlow.values()].map((t) => coverageReport(t.flow, t.shownPath, t.coverage, t.calls));
}

/**
 * The reports whose share of exits taken is below `minPercent`. Compared on the exact share, not
 * the rounded-down percent shown: 13 of 32 exits (40.625 %) meets `--min-coverage 40.62`.
 */
export function flowsBelow(
  reports: readonly CoverageReport[],
  minPercent: number,
): CoverageReport[] {
  return reports.filter(
    ({ edges }) => edges.total > 0 && edges.taken * 100 < minPercent * edges.total,
  );
}
