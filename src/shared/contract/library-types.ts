/**
 * The contract's session and test-case libraries: a page of the session list, an export, a
 * session saved as a test case, and the test files autopilot plays.
 */
import type { SessionSummary } from '../session-types.ts';
import type { VarMap } from '../variables.ts';

/** One page of the session list, and how many sessions match in all. */
export interface SessionPage {
  /** How many match; with `atLeast`, a floor: more than that many match. */
  total: number;
  /**
   * True when the counting stopped (10,000 past the page): a search that matches most of a
   * large log shows "10,050+" at once instead of reading every row for the exact figure.
   */
  atLeast?: boolean;
  items: SessionSummary[];
}

/** An export, ready to save under its suggested file name. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** Where "save as test case" put the case. */
export interface SavedTestCase {
  /** The test file (absolute): `ivr-console test <path>` runs it. */
  path: string;
  caseName: string;
  /** Cases now in that file. */
  caseCount: number;
}

/** Where "Mock from this call" saved the environment it made, and its id in the picker. */
export interface SavedMockEnvironment {
  path: string;
  environmentId: string;
}

/** One case of a test file, as autopilot plays it. */
export interface TestCaseEntry {
  name: string;
  source: string | null;
  destination: string | null;
  variables: VarMap;
  /** The script as written (`12345#1111 1`). */
  dtmf: string;
  /** One key or `~` (silence) per step. */
  steps: string[];
}

/** A test file the console found (samples and saved cases). */
export interface TestFileEntry {
  path: string;
  /** True for files of saved sessions (the data folder), false for the samples. */
  saved: boolean;
  flowPath: string | null;
  flowName: string | null;
  cases: TestCaseEntry[];
  /** Why the file cannot run (empty when it can). */
  problems: string[];
}
