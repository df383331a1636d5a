/**
 * `load <flow.json>`: many simulated callers at once through the real engine and webhook client
 * (../shared/spec/CLI.md, "`load`"), on worker threads. A progress line on stderr once a second;
 * at the end a table per webhook node (or `--json`) and, with `--report`, a self-contained HTML
 * report. Exit 0 when every call completed and no webhook had an error, 1 otherwise, 2 for a
 * usage error.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatProblem } from '../../../shared/flow/validate-flow.ts';
import { toLoadJson } from '../../../shared/load/load-json.ts';
import type { LoadModel } from '../../../shared/load/load-types.ts';
import type { VarMap } from '../../../shared/variables.ts';
import { DEFAULT_WEBHOOK_LIMITS } from '../../../shared/webhook-types.ts';
import type { DemoCrm } from '../../demo-crm/demo-crm-server.ts';
import { loadFlowFile } from '../../flows/load-flow-file.ts';
import type { LoadPlan } from '../../load/load-plan.ts';
import { runLoad } from '../../load/run-load.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT, parseOptions, println, UsageError } from '../cli-io.ts';
import { directToDemoCrm, refuseTwoCrmBases, startDemoCrmWhenAsked } from '../demo-crm-option.ts';
import { ENVIRONMENT_OPTIONS, resolveCliEnvironment } from '../environment-option.ts';
import { loadCallers } from '../load/load-callers.ts';
import { progressLine, resultText } from '../load/load-format.ts';
import { MAX_CALLS, MAX_CONCURRENCY, rateOption, wholeOption } from '../load/load-numbers.ts';
import { parseVarOptions } from '../name-value-options.ts';
import { sessionDbPath } from '../session-log-option.ts';

const OPTIONS = {
  calls: { type: 'string' },
  concurrency: { type: 'string' },
  rate: { type: 'string' },
  dtmf: { type: 'string' },
  cases: { type: 'string' },
  realtime: { type: 'boolean' },
  log: { type: 'boolean' },
  db: { type: 'string' },
  var: { type: 'string', multiple: true },
  ...ENVIRONMENT_OPTIONS,
  'demo-crm': { type: 'boolean' },
  json: { type: 'boolean' },
  report: { type: 'string' },
} as const;

/** How often the progress line is printed. */
const PROGRESS_MS = 1000;

/** `--concurrency` or `--rate` (not both); the closed model with 10 callers when neither. */
function modelOf(values: { concurrency?: string; rate?: string }): LoadModel {
  if (values.concurrency !== undefined && values.rate !== undefined) {
    throw new UsageError(
      'load: --concurrency (callers at once) and --rate (new calls per second) are two ways to load; use one',
    );
  }
  if (values.rate !== undefined) return { kind: 'open', rate: rateOption(values.rate) };
  const concurrency =
    values.concurrency === undefined
      ? 10
      : wholeOption('concurrency', values.concurrency, 1, MAX_CONCURRENCY);
  return { kind: 'closed', concurrency };
}

/** Runs the load; resolves to the exit status. */
export async function loadCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, 'load');
  if (positionals.length !== 1) throw new UsageError('load: name exactly one flow file');
  const calls = values.calls === undefined ? 100 : wholeOption('calls', values.calls, 1, MAX_CALLS);
  const model = modelOf(values);
  if (values.db !== undefined && !values.log) {
    throw new UsageError('load: --db names where --log writes; add --log');
  }
  const variables: VarMap = parseVarOptions('load', values.var, (name) => `use --${name}`);
  refuseTwoCrmBases('load', values['demo-crm'], variables);

  const loaded = await loadFlowFile(positionals[0] as string, io.cwd);
  if (loaded.readError) throw new UsageError(`load: ${positionals[0]}: ${loaded.readError}`);
  if (!loaded.flow) {
    println(io.stderr, `load: ${positionals[0]} is not a valid flow:`);
    for (const problem of loaded.problems) println(io.stderr, `  ${formatProblem(problem)}`);
    return EXIT.usage;
  }
  const callers = await loadCallers(values, loaded.path, io.cwd);
  const reportPath = values.report === undefined ? null : resolve(io.cwd, values.report);

  let crm: DemoCrm | null = null;
  const environment = await resolveCliEnvironment('load', values, loaded.path, io);
  try {
    crm = await startDemoCrmWhenAsked(values['demo-crm'], variables, io);
    const network = directToDemoCrm(environment.network, values['demo-crm']);
    const plan: LoadPlan = {
      flow: loaded.flow,
      flowPath: loaded.path,
      recordings: [...loaded.recordings],
      callers,
      calls,
      model,
      realtime: values.realtime === true,
      // flow < environment < --var (and --demo-crm's crm_base)
      variables: { ...environment.variables, ...variables },
      secrets: { ...environment.secrets },
      // A plain copy: process.env itself cannot be sent to a worker thread.
      network: { ...network, ...(network.proxyEnv ? { proxyEnv: { ...network.proxyEnv } } : {}) },
      limits: environment.limits,
      logPath: values.log ? sessionDbPath(values.db, io) : null,
    };
    const startedAt = Date.now();
    const run = runLoad({ plan });
    const stop = (): void => run.stop();
    io.signal.addEventListener('abort', stop);
    const progress = setInterval(
      () => println(io.stderr, progressLine(run.snapshot(), calls, run.elapsedMs())),
      PROGRESS_MS,
    );
    let outcome;
    try {
      outcome = await run.done;
    } finally {
      clearInterval(progress);
      io.signal.removeEventListener('abort', stop);
    }
    const { tally, durationMs } = outcome;
    println(io.stderr, progressLine(tally, calls, durationMs));
    for (const crash of tally.crashes) println(io.stderr, `load: a call crashed: ${crash}`);
    const json = toLoadJson({ flowId: loaded.flow.id, calls, model, durationMs, tally });
    if (reportPath !== null) {
      const limits = { ...DEFAULT_WEBHOOK_LIMITS, ...environment.limits };
      // Loaded only when asked: the report's charts are not needed to run a load.
      const { renderLoadReport } = await import('../../load/load-report.ts');
      const html = renderLoadReport({
        json,
        tally,
        flowPath: loaded.path,
        startedAt,
        realtime: plan.realtime,
        callers: callers.map((c) => c.name),
        responseLimitMs: limits.responseTimeoutMs,
        connectLimitMs: limits.connectTimeoutMs,
      });
      await writeFile(reportPath, html);
    }
    if (values.json) println(io.stdout, JSON.stringify(json, null, 2));
    else for (const line of resultText(json)) println(io.stdout, line);
    if (reportPath !== null) println(io.stderr, `load: report written to ${reportPath}`);
    if (plan.logPath !== null) println(io.stderr, `load: sessions logged to ${plan.logPath}`);
    const errors = Object.values(json.webhooks).some((n) => n.ok < n.count);
    const allCompleted = json.calls.completed === calls && !outcome.stopped;
    return allCompleted && !errors && tally.crashes.length === 0 ? EXIT.ok : EXIT.failed;
  } finally {
    await crm?.close();
    await environment.close();
  }
}
