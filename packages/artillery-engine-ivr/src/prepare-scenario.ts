/**
 * Turns an `engine: ivr` scenario into what each of its virtual users needs: the flow loaded and
 * validated, the environment's variables, secrets, network and limits (as `ivr-console load
 * --env` reads them), the callers of `dtmf` or `cases`, and a pool of webhook clients. Done once
 * per Artillery worker, before its first user arrives.
 */
import { dirname, resolve } from 'node:path';
import { formatProblem } from '../../../src/shared/flow/validate-flow.ts';
import type { VarMap } from '../../../src/shared/variables.ts';
import type { RecordingLengths } from '../../../src/main/engine/call-engine.ts';
import { loadFlowFile } from '../../../src/main/flows/load-flow-file.ts';
import type { LoadCaller } from '../../../src/main/load/load-plan.ts';
import { loadCallers } from '../../../src/main/cli/load/load-callers.ts';
import { resolveCliEnvironment } from '../../../src/main/cli/environment-option.ts';
import { parseVarOptions } from '../../../src/main/cli/name-value-options.ts';
import type { Flow } from '../../../src/shared/flow/flow-schema.ts';
import { ClientPool } from '../../../src/main/load/client-pool.ts';
import { IvrScenarioError } from './scenario-spec.ts';
import type { IvrScenarioSpec } from './scenario-spec.ts';

/** A scenario ready to place calls. */
export interface PreparedScenario {
  flow: Flow;
  flowPath: string;
  recordings: RecordingLengths;
  /** Virtual user i places a call as caller i mod callers.length. */
  callers: LoadCaller[];
  /** Flow < environment < the scenario's `vars`. */
  variables: VarMap;
  secrets: Record<string, string>;
  realtime: boolean;
  clients: ClientPool;
}

/**
 * Loads everything `spec` names, relative to `scriptPath`'s folder; throws
 * {@link IvrScenarioError} naming the scenario and what is wrong.
 */
export async function prepareScenario(
  spec: IvrScenarioSpec,
  scriptPath: string,
): Promise<PreparedScenario> {
  const cwd = dirname(scriptPath);
  const fail = (message: string): never => {
    // The CLI's messages name the command and its options ("load: --cases …"): here, the fields.
    const fields = message
      .replace(/^(load|ivr): /, '')
      .replace(/--(dtmf|cases|env|workspace)\b/g, 'ivr.$1')
      .replace(/--var\b/g, 'ivr.vars');
    throw new IvrScenarioError(`scenario ${spec.label}: ${fields}`);
  };
  try {
    const variables = parseVarOptions(
      'ivr',
      spec.vars.map(([name, value]) => `${name}=${value}`),
      (name) => `set "${name}" in the flow's test cases instead`,
    );
    const loaded = await loadFlowFile(spec.flow, cwd);
    if (loaded.readError) return fail(`flow ${resolve(cwd, spec.flow)}: ${loaded.readError}`);
    if (!loaded.flow) {
      const problems = loaded.problems.map((p) => `\n  ${formatProblem(p)}`).join('');
      return fail(`flow ${loaded.path} is not a valid flow:${problems}`);
    }
    const callers = await loadCallers(
      {
        ...(spec.dtmf !== undefined ? { dtmf: spec.dtmf } : {}),
        ...(spec.cases !== undefined ? { cases: spec.cases } : {}),
      },
      loaded.path,
      cwd,
    );
    const environment = await resolveCliEnvironment(
      'ivr',
      {
        ...(spec.env !== undefined ? { env: spec.env } : {}),
        ...(spec.workspace !== undefined ? { workspace: resolve(cwd, spec.workspace) } : {}),
      },
      loaded.path,
      {
        stdout: process.stderr,
        stderr: process.stderr,
        env: process.env,
        cwd,
        // Artillery ends its workers itself; an environment's demo CRM ends with its worker.
        signal: new AbortController().signal,
      },
    );
    return {
      flow: loaded.flow,
      flowPath: loaded.path,
      recordings: loaded.recordings,
      callers,
      variables: { ...environment.variables, ...variables },
      secrets: { ...environment.secrets },
      realtime: spec.realtime,
      clients: new ClientPool({ network: environment.network, limits: environment.limits }),
    };
  } catch (error) {
    if (error instanceof IvrScenarioError) throw error;
    return fail(error instanceof Error ? error.message : String(error));
  }
}
