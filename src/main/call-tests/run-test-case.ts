/**
 * Runs one test case exactly as `run` places a call (the same scripted call: real engine and
 * webhooks on a virtual clock, the caller's keys from the case's `dtmf` script), the case's setup
 * over the file's defaults. Then checks the expectations against the result.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { VarMap } from '../../shared/variables.ts';
import type { WebhookLimits } from '../../shared/webhook-types.ts';
import type { WebhookNetwork } from '../webhook/network-options.ts';
import type { RunJson } from '../calls/run-json.ts';
import { toRunJson } from '../calls/run-json.ts';
import { placeScriptedCall } from '../calls/scripted-call.ts';
import type { SessionStore } from '../store/session-store.ts';
import { checkExpectations } from './check-expectations.ts';
import type { ExpectationFailure } from './expectation-failure.ts';
import type { LoadedTestFile } from './load-test-file.ts';
import type { TestCase } from './test-file-types.ts';

/** What every case of a run shares: the command line's variables, secrets and log. */
export interface CaseEnvironment {
  /** `--var` values and the demo CRM's `crm_base`: over the file's variables, under the case's. */
  variables: VarMap;
  secrets: Readonly<Record<string, string>>;
  /** Headers, TLS and proxy of the environment (`--env`). */
  network?: WebhookNetwork;
  /** Limits the environment overrides. */
  limits?: Partial<WebhookLimits>;
  /** Log each call here; null (the default for `test`) keeps test calls out of the session log. */
  store: SessionStore | null;
  /**
   * Keep each call's events in its result (`test --coverage`): off by default, so a run without
   * coverage holds no event in memory.
   */
  captureEvents?: boolean;
}

/** How one case went. */
export interface CaseResult {
  name: string;
  /** Line of the case's `name` in the test file. */
  line: number;
  dtmf: string;
  /** Wall-clock time to run and check the case. */
  timeMs: number;
  failures: ExpectationFailure[];
  /** The runner itself failed (an exception, not an unmet expectation): a JUnit `<error>`. */
  error: string | null;
  /** The call as `run --json` reports it; null when the runner failed. */
  run: RunJson | null;
  /** The call's events, in order: only when the environment asked to capture them. */
  events?: CallEvent[];
}

/** True when the case passed. */
export function casePassed(result: CaseResult): boolean {
  return result.error === null && result.failures.length === 0;
}

/** Runs one case of a loaded file. Never throws: a crash becomes the result's `error`. */
export async function runTestCase(
  file: LoadedTestFile,
  testCase: TestCase,
  env: CaseEnvironment,
): Promise<CaseResult> {
  const started = performance.now();
  const defaults = file.test.defaults;
  const base = { name: testCase.name, line: testCase.pos.line, dtmf: testCase.dtmf };
  const events: CallEvent[] | null = env.captureEvents ? [] : null;
  const captured = events === null ? {} : { events };
  try {
    const running = placeScriptedCall({
      flow: file.flow,
      flowPath: file.flowPath,
      recordings: file.recordings,
      steps: testCase.steps,
      source: testCase.source ?? defaults.source,
      destination: testCase.destination ?? defaults.destination,
      customer: testCase.customer ?? defaults.customer,
      projectid: testCase.projectid ?? defaults.projectid,
      variables: { ...defaults.variables, ...env.variables, ...testCase.variables },
      secrets: env.secrets,
      ...(env.network ? { network: env.network } : {}),
      ...(env.limits ? { limits: env.limits } : {}),
      store: env.store,
      ...(events === null ? {} : { onEvent: (event: CallEvent) => events.push(event) }),
    });
    const run = toRunJson(await running.done, running.sessionId);
    const failures = checkExpectations(testCase.expect, run);
    return {
      ...base,
      timeMs: performance.now() - started,
      failures,
      error: null,
      run,
      ...captured,
    };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return {
      ...base,
      timeMs: performance.now() - started,
      failures: [],
      error: message,
      run: null,
      ...captured,
    };
  }
}
