/**
 * `run <flow.json>`: places one call through the flow (../shared/spec/CLI.md). Prints the timeline
 * as the call goes (or, with `--json`, one document at the end). Exit 0 when the call reached an
 * end, 1 when it ended in error, 2 for usage errors and invalid flows.
 */
import { formatProblem } from '../../../shared/flow/validate-flow.ts';
import type { VarMap } from '../../../shared/variables.ts';
import { toRunJson } from '../../calls/run-json.ts';
import { placeScriptedCall } from '../../calls/scripted-call.ts';
import type { DemoCrm } from '../../demo-crm/demo-crm-server.ts';
import { loadFlowFile } from '../../flows/load-flow-file.ts';
import type { SessionStore } from '../../store/session-store.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT, parseOptions, println, UsageError } from '../cli-io.ts';
import { directToDemoCrm, refuseTwoCrmBases, startDemoCrmWhenAsked } from '../demo-crm-option.ts';
import { parseDtmfScript } from '../dtmf-option.ts';
import { formatEvent } from '../format-event.ts';
import { ENVIRONMENT_OPTIONS, resolveCliEnvironment } from '../environment-option.ts';
import { parseVarOptions } from '../name-value-options.ts';
import { openSessionLog } from '../session-log-option.ts';

const OPTIONS = {
  dtmf: { type: 'string' },
  source: { type: 'string' },
  destination: { type: 'string' },
  customer: { type: 'string' },
  projectid: { type: 'string' },
  var: { type: 'string', multiple: true },
  ...ENVIRONMENT_OPTIONS,
  db: { type: 'string' },
  'no-log': { type: 'boolean' },
  realtime: { type: 'boolean' },
  'demo-crm': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** Places one scripted call, prints its events (or JSON) and logs it; resolves to the exit code. */
export async function runCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, 'run');
  if (positionals.length !== 1) throw new UsageError('run: name exactly one flow file');
  if (values['no-log'] && values.db !== undefined)
    throw new UsageError('run: --db and --no-log contradict each other');
  const steps = parseDtmfScript(values.dtmf ?? '');
  const variables: VarMap = parseVarOptions('run', values.var, (name) => `use --${name}`);
  refuseTwoCrmBases('run', values['demo-crm'], variables);

  const loaded = await loadFlowFile(positionals[0] as string, io.cwd);
  if (loaded.readError) throw new UsageError(`run: ${positionals[0]}: ${loaded.readError}`);
  if (!loaded.flow) {
    println(io.stderr, `run: ${positionals[0]} is not a valid flow:`);
    for (const problem of loaded.problems) println(io.stderr, `  ${formatProblem(problem)}`);
    return EXIT.usage;
  }
  for (const problem of loaded.problems) println(io.stderr, `  ${formatProblem(problem)}`);

  let crm: DemoCrm | null = null;
  let store: SessionStore | null = null;
  const environment = await resolveCliEnvironment('run', values, loaded.path, io);
  try {
    crm = await startDemoCrmWhenAsked(values['demo-crm'], variables, io);
    if (!values['no-log']) store = openSessionLog(values.db, io);
    const running = placeScriptedCall({
      flow: loaded.flow,
      flowPath: loaded.path,
      recordings: loaded.recordings,
      steps,
      source: values.source,
      destination: values.destination,
      customer: values.customer,
      projectid: values.projectid,
      // flow < environment < --var (and --demo-crm's crm_base)
      variables: { ...environment.variables, ...variables },
      secrets: environment.secrets,
      network: directToDemoCrm(environment.network, values['demo-crm']),
      limits: environment.limits,
      store,
      realtime: values.realtime,
      onEvent: values.json
        ? undefined
        : (event) => {
            const line = formatEvent(event);
            if (line !== null) println(io.stdout, line);
          },
    });
    const result = await running.done;
    if (values.json) {
      println(io.stdout, JSON.stringify(toRunJson(result, running.sessionId), null, 2));
    } else if (running.sessionId) {
      println(io.stdout, `session ${running.sessionId} logged to ${store?.path}`);
    }
    return result.outcome === 'error' ? EXIT.failed : EXIT.ok;
  } finally {
    store?.close();
    await crm?.close();
    await environment.close();
  }
}
