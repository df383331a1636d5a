/**
 * `run <flow.json>`: places one call through the flow (CLI.md). Prints the timeline as the call
 * goes (or, with `--json`, one document at the end). Exit 0 when the call reached an end, 1 when
 * it ended in error, 2 for usage errors and invalid flows.
 */
import { formatProblem } from '../../../shared/flow/validate-flow.ts';
import type { VarMap } from '../../../shared/variables.ts';
import { runCall } from '../../calls/run-call.ts';
import { startDemoCrm } from '../../demo-crm/demo-crm-server.ts';
import type { DemoCrm } from '../../demo-crm/demo-crm-server.ts';
import type { Call } from '../../engine/call-engine.ts';
import { createRealClock, VirtualClock } from '../../engine/clock.ts';
import { createSilentSpeaker } from '../../engine/speaker.ts';
import { loadFlowFile } from '../../flows/load-flow-file.ts';
import { defaultDatabasePath } from '../../store/data-dir.ts';
import { openSessionStore } from '../../store/session-store.ts';
import type { SessionStore } from '../../store/session-store.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT, parseOptions, println, UsageError } from '../cli-io.ts';
import { formatEvent } from '../format-event.ts';
import { parseSecretOptions, parseVarOptions } from '../name-value-options.ts';
import { toRunJson } from '../run-json.ts';
import { parseDtmfScript, scriptedCaller } from '../scripted-caller.ts';

/** The demo caller and number used when `--source` / `--destination` are not given. */
export const DEFAULT_SOURCE = '+3612345678';
export const DEFAULT_DESTINATION = '+3612000000';

const OPTIONS = {
  dtmf: { type: 'string' },
  source: { type: 'string' },
  destination: { type: 'string' },
  customer: { type: 'string' },
  projectid: { type: 'string' },
  var: { type: 'string', multiple: true },
  secret: { type: 'string', multiple: true },
  db: { type: 'string' },
  'no-log': { type: 'boolean' },
  realtime: { type: 'boolean' },
  'demo-crm': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** Runs `run`. */
export async function runCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, 'run');
  if (positionals.length !== 1) throw new UsageError('run: name exactly one flow file');
  if (values['no-log'] && values.db !== undefined)
    throw new UsageError('run: --db and --no-log contradict each other');
  const steps = parseDtmfScript(values.dtmf ?? '');
  const variables: VarMap = parseVarOptions('run', values.var, (name) => `use --${name}`);
  const secrets = parseSecretOptions('run', values.secret, io.env);
  if (values['demo-crm'] && variables['crm_base'] !== undefined) {
    throw new UsageError('run: --demo-crm and --var crm_base=… both set crm_base; use one');
  }

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
  try {
    if (values['demo-crm']) {
      crm = await startDemoCrm({ port: 0 });
      variables['crm_base'] = crm.url;
      println(io.stderr, `demo CRM listening on ${crm.url}`);
    }
    if (!values['no-log'])
      store = openSessionStore({ path: values.db ?? defaultDatabasePath(io.env) });
    const clock = values.realtime
      ? createRealClock()
      : new VirtualClock({ start: Date.now(), autoAdvance: true });
    let call: Call | null = null;
    const running = runCall({
      flow: loaded.flow,
      flowPath: loaded.path,
      clock,
      speaker: createSilentSpeaker(clock),
      store,
      options: {
        source: values.source ?? DEFAULT_SOURCE,
        destination: values.destination ?? DEFAULT_DESTINATION,
        customer: values.customer ?? 'demo',
        projectid: values.projectid ?? 'demo',
        variables,
        secrets,
        onWaitingForKey: scriptedCaller(steps, () => call as Call),
      },
      onEvent: values.json
        ? undefined
        : (event) => {
            const line = formatEvent(event);
            if (line !== null) println(io.stdout, line);
          },
    });
    call = running.call;
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
  }
}
