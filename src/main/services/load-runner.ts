/**
 * The console's load run (the Load screen): one at a time, on worker threads (src/main/load), so
 * the main process stays free for the window and a call placed on the phone meanwhile. The flow
 * is one the page may run (granted, runnable), the environment and its secrets are resolved as a
 * call's are, and progress goes to the page on the event channel about once a second.
 */
import type { ExportedFile, LoadRunInfo, LoadStatus, ValidInput } from '../../shared/contract.ts';
import { toLoadJson } from '../../shared/load/load-json.ts';
import type { LoadModel } from '../../shared/load/load-types.ts';
import { DEFAULT_WEBHOOK_LIMITS } from '../../shared/webhook-types.ts';
import type { LoadPlan } from '../load/load-plan.ts';
import { runLoad } from '../load/run-load.ts';
import type { LoadRun } from '../load/run-load.ts';
import type { EnvironmentLibrary } from './environment-library.ts';
import type { EventHub } from './event-hub.ts';
import type { FlowAccess } from './flow-access.ts';
import { loadCallers } from './load-callers.ts';
import { runnableFlow } from './runnable-flow.ts';
import { ServiceError } from './service-errors.ts';
import type { TestCaseLibrary } from './test-case-library.ts';
import { createTestFileCheck } from './test-file-access.ts';

/** How often the page hears how the run is going. */
const PROGRESS_MS = 1000;

/** Runs loads for the page. */
export interface LoadRunner {
  /**
   * Starts a run.
   *
   * @throws ServiceError `conflict` while another run is going (or for a flow or environment that
   *   cannot run), `forbidden` for a flow or test file the page may not name, `invalid_input`
   *   for bad keys or an unusable test file
   */
  start(input: ValidInput<'load.start'>): Promise<LoadStatus>;
  /** Stops the run in progress (nothing when none is): no more calls, those going hang up. */
  stop(): void;
  /** The run in progress, or the last one. */
  status(): LoadStatus;
  /**
   * The last run's self-contained HTML report.
   *
   * @throws ServiceError `not_found` before a run has ended
   */
  report(): Promise<ExportedFile>;
  /** Stops a run in progress and waits for its workers to end. */
  close(): Promise<void>;
}

/** What the load runner is built from. */
export interface LoadRunnerDeps {
  flowAccess: FlowAccess;
  environments: EnvironmentLibrary;
  /** The test files the console lists (a load may cycle through one's cases). */
  tests: TestCaseLibrary;
  /** The open workspace's folder: its test files may be named too. */
  workspaceRoot: () => string | null;
  hub: EventHub;
  /** The console's session log (the Log choice writes there). */
  logPath: string;
  /** How often progress events go out; default once a second. */
  progressMs?: number;
}

const IDLE: LoadStatus = {
  phase: 'idle',
  run: null,
  tally: null,
  elapsedMs: 0,
  result: null,
  stopped: false,
  error: null,
};

function describeModel(model: LoadModel): string {
  return model.kind === 'closed' ? `${model.concurrency} at once` : `${model.rate} per second`;
}

/** The load runner over `deps`. */
export function createLoadRunner(deps: LoadRunnerDeps): LoadRunner {
  let status: LoadStatus = IDLE;
  // Set from the first await of a start on, so a second Start is refused at once.
  let busy = false;
  let current: LoadRun | null = null;
  let ended: Promise<void> = Promise.resolve();

  const emit = (next: LoadStatus): void => {
    status = next;
    deps.hub.emit({ kind: 'load', status: next });
  };

  /** A test file the page may name: one the console lists, or one in the open workspace. */
  const checkTestFile = createTestFileCheck(deps.tests, deps.workspaceRoot);

  const plan = async (input: ValidInput<'load.start'>): Promise<[LoadPlan, LoadRunInfo]> => {
    const document = await deps.flowAccess.openToRun(input.flowPath);
    const flow = runnableFlow(document);
    const testFile = input.testFile === undefined ? undefined : await checkTestFile(input.testFile);
    const callers = await loadCallers({ keys: input.keys, testFile }, document.path);
    // After the flow and callers: a broken flow is the first thing to fix, then a missing secret.
    const environment = await deps.environments.forCall(input.environmentId);
    const environmentName =
      (await deps.environments.list()).find((e) => e.id === input.environmentId)?.name ??
      input.environmentId;
    const model: LoadModel =
      input.rate !== undefined
        ? { kind: 'open', rate: input.rate }
        : { kind: 'closed', concurrency: input.concurrency ?? 1 };
    const { network } = environment;
    const limits = { ...DEFAULT_WEBHOOK_LIMITS, ...environment.limits };
    const logPath = input.log === true ? deps.logPath : null;
    const loadPlan: LoadPlan = {
      flow,
      flowPath: document.path,
      recordings: [...document.recordings],
      callers,
      calls: input.calls,
      model,
      realtime: input.realtime === true,
      variables: { ...environment.variables },
      secrets: { ...environment.secrets },
      // Plain copies: whatever crosses to a worker thread is cloned.
      network: { ...network, ...(network.proxyEnv ? { proxyEnv: { ...network.proxyEnv } } : {}) },
      limits: { ...environment.limits },
      logPath,
    };
    const info: LoadRunInfo = {
      flowPath: document.path,
      flowId: flow.id,
      environmentName,
      calls: input.calls,
      model,
      callers: callers.map((c) => c.name),
      realtime: loadPlan.realtime,
      logPath,
      startedAt: Date.now(),
      responseLimitMs: limits.responseTimeoutMs,
      connectLimitMs: limits.connectTimeoutMs,
    };
    return [loadPlan, info];
  };

  const refuseWhileRunning = (): void => {
    if (!busy) return;
    const done = status.tally?.completed ?? 0;
    const run = status.phase === 'running' ? status.run : null;
    throw new ServiceError(
      'conflict',
      run === null
        ? 'a load run is starting: wait for it, or stop it, before starting another'
        : `a load run is in progress (${done} of ${run.calls} calls, ${describeModel(run.model)}): stop it before starting another`,
    );
  };

  /** Follows a started run: progress once a second, then its result. */
  const follow = (run: LoadRun, info: LoadRunInfo, calls: number, model: LoadModel): void => {
    const progress = (): void =>
      emit({ ...status, phase: 'running', tally: run.snapshot(), elapsedMs: run.elapsedMs() });
    const timer = setInterval(progress, deps.progressMs ?? PROGRESS_MS);
    ended = run.done.then(
      (outcome) => {
        clearInterval(timer);
        const result = toLoadJson({
          flowId: info.flowId,
          calls,
          model,
          durationMs: outcome.durationMs,
          tally: outcome.tally,
        });
        emit({
          phase: 'finished',
          run: info,
          tally: outcome.tally,
          elapsedMs: outcome.durationMs,
          result,
          stopped: outcome.stopped,
          error: null,
        });
      },
      (error: unknown) => {
        clearInterval(timer);
        emit({
          ...status,
          phase: 'failed',
          tally: run.snapshot(),
          error: error instanceof Error ? error.message : String(error),
        });
      },
    );
    void ended.finally(() => {
      current = null;
      busy = false;
    });
  };

  return {
    async start(input) {
      refuseWhileRunning();
      busy = true;
      let planned: [LoadPlan, LoadRunInfo];
      try {
        planned = await plan(input);
      } catch (error) {
        busy = false;
        throw error;
      }
      const [loadPlan, info] = planned;
      const run = runLoad({ plan: loadPlan });
      current = run;
      emit({ ...IDLE, phase: 'running', run: info });
      follow(run, info, loadPlan.calls, loadPlan.model);
      return status;
    },
    stop() {
      current?.stop();
    },
    status: () => status,
    async report() {
      const { run, result, tally } = status;
      if (status.phase !== 'finished' || run === null || result === null || tally === null) {
        throw new ServiceError(
          'not_found',
          status.phase === 'running'
            ? 'the load run is still going: its report is ready when it ends'
            : 'no load run has ended yet: start one, and export its report when it ends',
        );
      }
      // Loaded only when asked: the report's charts are not needed to run a load.
      const { renderLoadReport } = await import('../load/load-report.ts');
      const content = renderLoadReport({
        json: result,
        tally,
        flowPath: run.flowPath,
        startedAt: run.startedAt,
        realtime: run.realtime,
        callers: run.callers,
        responseLimitMs: run.responseLimitMs,
        connectLimitMs: run.connectLimitMs,
      });
      const stamp = new Date(run.startedAt).toISOString().slice(0, 19).replace(/[:T]/g, '-');
      return {
        fileName: `load-${run.flowId.replace(/[^\w.-]+/g, '-')}-${stamp}.html`,
        mimeType: 'text/html',
        content,
      };
    },
    async close() {
      current?.stop();
      await ended;
    },
  };
}
