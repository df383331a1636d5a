/**
 * The contract's test runs with coverage and path exploration (issue 14): what the Tests screen
 * shows after running a test file, and what "Generate tests" on the flow view proposes.
 */
import type { CoverageReport } from '../coverage/coverage-report.ts';

/** One case of a test run in the console, as the Tests screen lists it. */
export interface TestRunCase {
  name: string;
  /** Line of the case in its file. */
  line: number;
  dtmf: string;
  passed: boolean;
  /** Each unmet expectation, as `ivr-console test` words it. */
  failures: string[];
  /** The runner itself failed (an exception): why. */
  error: string | null;
  /** The call's outcome and the nodes it went through; null when the runner failed. */
  outcome: string | null;
  path: string[];
  timeMs: number;
}

/** A test file run in the console (`tests.run`): its cases and the coverage of its flow. */
export interface TestRunReport {
  /** The test file (absolute). */
  file: string;
  /** The flow it tests (absolute). */
  flowPath: string;
  /** The environment it ran with (its id). */
  environmentId: string;
  passed: number;
  failed: number;
  cases: TestRunCase[];
  /** The flow's coverage over the cases that ran. */
  coverage: CoverageReport;
  durationMs: number;
}

/** One case `explore` generated, with the exits it was kept for. */
export interface ExploredCase {
  name: string;
  dtmf: string;
  /** Set when the case calls from another number than the default (a dataset's row, say). */
  source: string | null;
  /** Edge ids (`<node> <exit>`) this case takes that no earlier case took. */
  newEdges: string[];
}

/** An exit exploration did not reach, and why. */
export interface UnreachedEdge {
  edgeId: string;
  label: string;
  reason: string;
}

/** What `explore` found for a flow (`flows.explore`, and the CLI's `explore --json`). */
export interface ExploreReport {
  flowPath: string;
  environmentId: string | null;
  cases: ExploredCase[];
  /** The test file to write (the YAML of ../shared/spec/CLI.md), its `flow:` relative to {@link suggestedPath}. */
  yaml: string;
  /** Where "Save" writes it: the workspace's tests/ folder, or the saved-tests folder. */
  suggestedPath: string;
  /** Coverage of the flow by the generated cases. */
  coverage: CoverageReport;
  unreached: UnreachedEdge[];
  /** Calls placed while exploring. */
  callsPlaced: number;
  durationMs: number;
}
