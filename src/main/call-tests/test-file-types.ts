/**
 * The shape of a parsed `test` file (../shared/spec/CLI.md, "`test` files"): what the YAML says,
 * validated, with the line of each part kept so a failed expectation can point back at the line
 * that set it.
 */
import type { Scalar, VarMap } from '../../shared/variables.ts';
import type { DtmfStep } from '../calls/dtmf-script.ts';

/** A place in a test file (1-based line and column). */
export interface SourcePos {
  line: number;
  col: number;
}

/**
 * An expected variable value. `null` means "must not be set" (a variable can never hold null,
 * so the meaning is unambiguous); objects are matched as subsets.
 */
export type ExpectedValue = Scalar | null | { [key: string]: ExpectedValue };

/** One entry of `expect.webhooks`: every field given must match; absent fields are not checked. */
export interface WebhookExpectation {
  pos: SourcePos;
  node?: string;
  method?: string;
  status?: number | null;
  ok?: boolean;
  error?: string | null;
  onHangup?: boolean;
  variablesSet?: Record<string, ExpectedValue>;
  requestBodyIncludes?: string[];
}

/** An expectation and the line it was written on (for the failure message). */
export interface At<T> {
  value: T;
  pos: SourcePos;
}

/** A case's `expect` block. Only what is given is checked. */
export interface Expectations {
  outcome?: At<'hangup' | 'transfer' | 'error'>;
  endedBy?: At<'flow' | 'caller'>;
  transferTarget?: At<string | null>;
  path?: At<string[]>;
  pathIncludes?: At<string[]>;
  pathExcludes?: At<string[]>;
  /**
   * Variable name (or dotted path, `account.balance`) → expected value, each with its own line.
   */
  variables?: Record<string, At<ExpectedValue>>;
  spokenIncludes?: At<string[]>;
  spokenExcludes?: At<string[]>;
  /** In order (an ordered subsequence of the exchanges); an empty list means "none sent". */
  webhooks?: At<WebhookExpectation[]>;
  /** `warnings: none`: the call's step warnings (`run --json` `warnings`) are empty. */
  noWarnings?: At<true>;
  /** `violations: none`: no webhook exchange breached the platform's rules. */
  noViolations?: At<true>;
}

/** The call's setup, shared by file-level defaults and each case. */
export interface CallSetup {
  source?: string;
  destination?: string;
  customer?: string;
  projectid?: string;
  variables: VarMap;
}

/** One scripted call with its expectations. */
export interface TestCase extends CallSetup {
  name: string;
  pos: SourcePos;
  /** The `dtmf` script as written, and parsed into caller steps. */
  dtmf: string;
  steps: DtmfStep[];
  expect: Expectations;
}

/**
 * A node name an expectation mentions, checked against the flow once it is loaded, so a typo is
 * an error rather than a silent pass (`path_excludes: [tecnical]` would never fail).
 */
export interface NodeReference {
  name: string;
  field: string;
  pos: SourcePos;
  /** Only an `http` node sends webhooks: a `webhooks` entry naming another node can never match. */
  httpOnly: boolean;
}

/** A whole test file, parsed and validated (its flow not loaded yet). */
export interface TestFile {
  /** The `flow` value as written, resolved later relative to the test file's folder. */
  flow: At<string>;
  defaults: CallSetup;
  cases: TestCase[];
}
