/**
 * `replay <id>`: re-runs a logged session's caller input through the flow as it is now and reports
 * the differences (../shared/spec/CLI.md). Webhooks are live by default; `--mock-webhooks` answers
 * them with the recorded replies and never touches the network. Exit 0 when the re-run matches, 1
 * when it differs, 2 for usage errors, an unknown session, or a missing or invalid flow file.
 */
import { formatProblem } from '../../../shared/flow/validate-flow.ts';
import type { SessionDetail } from '../../../shared/session-types.ts';
import type { VarMap } from '../../../shared/variables.ts';
import type { DemoCrm } from '../../demo-crm/demo-crm-server.ts';
import { loadFlowFile } from '../../flows/load-flow-file.ts';
import { formatRerun } from '../../rerun/format-rerun.ts';
import { toRerunJson } from '../../rerun/rerun-json.ts';
import { rerunSession } from '../../rerun/rerun-session.ts';
import type { SessionStore } from '../../store/session-store.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT, parseOptions, println, UsageError } from '../cli-io.ts';
import { directToDemoCrm, refuseTwoCrmBases, startDemoCrmWhenAsked } from '../demo-crm-option.ts';
import type { CliEnvironment } from '../environment-option.ts';
import { ENVIRONMENT_OPTIONS, resolveCliEnvironment } from '../environment-option.ts';
import { parseVarOptions } from '../name-value-options.ts';
import { lookUpSession, openSessionLog } from '../session-log-option.ts';

const OPTIONS = {
  'mock-webhooks': { type: 'boolean' },
  'demo-crm': { type: 'boolean' },
  flow: { type: 'string' },
  var: { type: 'string', multiple: true },
  ...ENVIRONMENT_OPTIONS,
  db: { type: 'string' },
  log: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** Finds the session; a failure to open the log or an unknown id is exit 2 (nothing to replay). */
function findSession(store: SessionStore, id: string, io: CliIo): SessionDetail | number {
  const session = lookUpSession(store, id, 'replay');
  if (session === null) {
    println(io.stderr, `replay: no session "${id}" in ${store.path}`);
    return EXIT.usage;
  }
  if (session.status === 'running') {
    println(io.stderr, `replay: session ${session.id} is still running; replay it once it ended`);
    return EXIT.usage;
  }
  return session;
}

/** Re-runs a logged session on the current flow, prints what differs; resolves to the exit code. */
export async function replayCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS, 'replay');
  if (positionals.length !== 1) {
    throw new UsageError('replay: name one session id (or a unique prefix of 4+ characters)');
  }
  const mock = values['mock-webhooks'] === true;
  const variables: VarMap = parseVarOptions(
    'replay',
    values.var,
    () => "the re-run keeps the original call's",
  );
  if (values['demo-crm'] && mock) {
    throw new UsageError(
      'replay: --demo-crm and --mock-webhooks contradict each other (mock answers from the recording)',
    );
  }
  refuseTwoCrmBases('replay', values['demo-crm'], variables);

  let store: SessionStore;
  try {
    // Only --log writes (the re-run, as a new session); replaying alone just reads.
    store = openSessionLog(values.db, io, { readonly: values.log !== true });
  } catch (error) {
    println(io.stderr, `replay: ${(error as Error).message}`);
    return EXIT.usage;
  }
  let crm: DemoCrm | null = null;
  let environment: CliEnvironment | null = null;
  try {
    const session = findSession(store, positionals[0] as string, io);
    if (typeof session === 'number') return session;

    const flowFile = values.flow ?? session.flowPath;
    if (flowFile === null) {
      println(io.stderr, `replay: session ${session.id} has no flow file; name one with --flow`);
      return EXIT.usage;
    }
    const loaded = await loadFlowFile(flowFile, io.cwd);
    if (loaded.readError) {
      println(io.stderr, `replay: ${loaded.path}: ${loaded.readError}`);
      return EXIT.usage;
    }
    if (!loaded.flow) {
      println(io.stderr, `replay: ${loaded.path} is not a valid flow:`);
      for (const problem of loaded.problems) println(io.stderr, `  ${formatProblem(problem)}`);
      return EXIT.usage;
    }
    for (const problem of loaded.problems) println(io.stderr, `  ${formatProblem(problem)}`);
    if (loaded.flow.id !== session.flowId) {
      println(
        io.stderr,
        `replay: note: the session ran flow "${session.flowId}", ${loaded.path} is flow "${loaded.flow.id}"`,
      );
    }

    environment = await resolveCliEnvironment('replay', values, loaded.path, io);
    crm = await startDemoCrmWhenAsked(values['demo-crm'], variables, io);
    const result = await rerunSession({
      session,
      flow: loaded.flow,
      flowPath: loaded.path,
      recordings: loaded.recordings,
      mode: mock ? 'mock' : 'live',
      // The original's start variables < environment < --var
      variables: { ...environment.variables, ...variables },
      secrets: environment.secrets,
      network: directToDemoCrm(environment.network, values['demo-crm']),
      limits: environment.limits,
      store: values.log ? store : null,
    });
    if (values.json) println(io.stdout, JSON.stringify(toRerunJson(result), null, 2));
    else for (const line of formatRerun(result)) println(io.stdout, line);
    return result.comparison.same ? EXIT.ok : EXIT.failed;
  } finally {
    store.close();
    await crm?.close();
    await environment?.close();
  }
}
