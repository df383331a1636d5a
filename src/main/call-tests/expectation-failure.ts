/**
 * One unmet expectation of a test case, with what was expected, what the call did, and the line
 * of the test file that set the expectation.
 */

/** An unmet expectation. */
export interface ExpectationFailure {
  /** What was checked: `outcome`, `path_includes`, `variables.account.balance`, `webhooks[1]`. */
  expectation: string;
  expected: string;
  actual: string;
  /** Line in the test file. */
  line: number;
  /** Why two values that look alike differ, or where a path first diverged. */
  note?: string;
}

/** `outcome: expected "transfer", got "hangup"` (with the note in brackets when there is one). */
export function describeFailure(failure: ExpectationFailure): string {
  const note = failure.note ? ` (${failure.note})` : '';
  return `${failure.expectation}: expected ${failure.expected}, got ${failure.actual}${note}`;
}
