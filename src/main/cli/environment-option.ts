/**
 * `--workspace`, `--env NAME|FILE` and `--secret`, shared by `run`, `test`, `replay` and `send`
 * (../shared/spec/CLI.md, ../shared/spec/WORKSPACE.md): the environment read and judged before
 * anything is sent, its secrets checked, and the demo CRM started when the environment asks for it,
 * the mock server when it mocks nodes.
 */
import type { WebhookLimits } from '../../shared/webhook-types.ts';
import { DEFAULT_WEBHOOK_LIMITS } from '../../shared/webhook-types.ts';
import { callEnvironment, describeLimitOverrides } from '../calls/call-environment.ts';
import type { CallEnvironment } from '../calls/call-environment.ts';
import { startDemoCrm } from '../demo-crm/demo-crm-server.ts';
import type { DemoCrm } from '../demo-crm/demo-crm-server.ts';
import { createMockServer } from '../mock/mock-server.ts';
import type { MockServer } from '../mock/mock-server.ts';
import type { LoadedEnvironment } from '../workspace/environment-types.ts';
import { formatEnvironmentProblem } from '../workspace/load-environment.ts';
import { missingSecretMessage, missingSecrets } from '../workspace/environment-secrets.ts';
import {
  findWorkspaceRoot,
  resolveEnvironmentArgument,
  WorkspaceError,
} from '../workspace/workspace-files.ts';
import type { CliIo } from './cli-io.ts';
import { println, UsageError } from './cli-io.ts';
import { parseSecretOptions } from './name-value-options.ts';

/** The options, for each command's option table. */
export const ENVIRONMENT_OPTIONS = {
  workspace: { type: 'string' },
  env: { type: 'string' },
  secret: { type: 'string', multiple: true },
} as const;

/** Their help lines. */
export const ENVIRONMENT_HELP = `      --workspace <dir>     the workspace (default: the nearest folder above the flow with an
                            environments/ folder, else the current directory)
      --env <name|file>     an environment of the workspace (environments/<name>.yaml) or a file
      --secret name=value   value for \${secret.name} (repeatable; or env IVR_SECRET_NAME)`;

/** The environment a command runs with; close it when done (it may run the demo CRM). */
export interface CliEnvironment extends CallEnvironment {
  /** The environment's name, or null without `--env`. */
  name: string | null;
  close(): Promise<void>;
}

/**
 * Reads the options. Every problem of the environment file goes to stderr and stops the command
 * with a usage error, as does a declared secret without a value.
 *
 * @param flowPath - the flow the command runs (the workspace is looked for above it)
 */
export async function resolveCliEnvironment(
  command: string,
  values: { workspace?: string; env?: string; secret?: string[] },
  flowPath: string | null,
  io: CliIo,
): Promise<CliEnvironment> {
  const secrets = parseSecretOptions(command, values.secret, io.env);
  if (values.env === undefined) {
    if (values.workspace !== undefined) {
      // A workspace alone changes nothing for a call; say so rather than ignore it silently.
      println(io.stderr, `${command}: --workspace without --env: no environment applies`);
    }
    return {
      variables: {},
      secrets,
      network: { proxyEnv: io.env },
      limits: {},
      name: null,
      close: async () => {},
    };
  }
  let loaded: LoadedEnvironment;
  try {
    const root = findWorkspaceRoot({
      ...(values.workspace === undefined ? {} : { workspace: values.workspace }),
      ...(flowPath === null ? {} : { flowPath }),
      cwd: io.cwd,
    });
    loaded = await resolveEnvironmentArgument(values.env, root, io.cwd);
  } catch (error) {
    if (error instanceof WorkspaceError)
      throw new UsageError(`${command}: --env ${values.env}: ${error.message}`);
    throw error;
  }
  const environment = loaded.environment;
  if (environment === null) {
    for (const problem of loaded.problems) println(io.stderr, formatEnvironmentProblem(problem));
    const count = loaded.problems.length;
    throw new UsageError(
      `${command}: environment ${loaded.file} has ${count} problem${count === 1 ? '' : 's'}; nothing was sent`,
    );
  }
  const missing = missingSecrets(environment, secrets);
  if (missing.length > 0) {
    throw new UsageError(`${command}: ${missingSecretMessage(missing, environment, 'cli')}`);
  }
  const overrides = describeLimitOverrides(
    environment.limits as Partial<WebhookLimits>,
    DEFAULT_WEBHOOK_LIMITS,
  );
  if (overrides.length > 0) {
    println(io.stderr, `environment ${environment.name}: limits ${overrides.join(', ')}`);
  }
  let crm: DemoCrm | null = null;
  if (environment.demoCrm) {
    crm = await startDemoCrm({ port: 0 });
    println(io.stderr, `demo CRM listening on ${crm.url} (environment ${environment.name})`);
  }
  let mocks: MockServer | null = null;
  let route = null;
  if (environment.mock !== undefined) {
    mocks = createMockServer();
    route = await mocks.route(environment.mock);
    println(
      io.stderr,
      `mock replies for ${Object.keys(environment.mock).join(', ')} from ${route.origin} (environment ${environment.name}); other nodes go to their URL`,
    );
  }
  const call = callEnvironment(environment, secrets, crm?.url ?? null, route);
  return {
    ...call,
    // HTTP(S)_PROXY and NO_PROXY come from the command's environment, not this process's (the
    // same thing for a terminal, not for a command run in-process); the demo CRM's `{}` wins.
    network: { proxyEnv: io.env, ...call.network },
    name: environment.name,
    close: async () => {
      await Promise.all([crm?.close(), mocks?.close()]);
    },
  };
}
