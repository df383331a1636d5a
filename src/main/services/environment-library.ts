/**
 * The environments the console offers: two built in (the demo CRM this app runs; the flow file's
 * own values) and every file of the open workspace's `environments/` folder
 * (../shared/spec/WORKSPACE.md), with the secret values this console holds for them. Reads, edits
 * (keeping the file's comments and key order), creates, and turns one into what a call needs.
 */
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import type { Environment, EnvironmentDetail, EnvironmentForm } from '../../shared/contract.ts';
import { callEnvironment } from '../calls/call-environment.ts';
import type { CallEnvironment } from '../calls/call-environment.ts';
import { fileNameFromTitle } from '../../shared/file-name.ts';
import { writeFileAtomic } from '../fs/write-file-atomic.ts';
import type { MockServer } from '../mock/mock-server.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import type { LoadedEnvironment, ResolvedEnvironment } from '../workspace/environment-types.ts';
import { NO_TLS } from '../workspace/environment-types.ts';
import {
  environmentToForm,
  applyFormToText,
  newEnvironmentText,
} from '../workspace/environment-form.ts';
import { MAX_ENVIRONMENT_BYTES } from '../workspace/environment-fields.ts';
import { formatEnvironmentProblem, loadEnvironmentFile } from '../workspace/load-environment.ts';
import { readBoundedText } from '../workspace/read-bounded-text.ts';
import { listEnvironmentFiles } from '../workspace/workspace-files.ts';
import { missingSecretMessage, missingSecrets } from '../workspace/environment-secrets.ts';
import { ServiceError } from './service-errors.ts';

/** Ids of the built-in environments (workspace ones are `workspace:<file base name>`). */
export const DEMO_ENVIRONMENT_ID = 'demo';
export const FLOW_ENVIRONMENT_ID = 'flow';
const WORKSPACE_PREFIX = 'workspace:';

/** What the library needs. */
export interface EnvironmentLibraryDeps {
  /** The open workspace folder, or null. */
  root(): string | null;
  secrets: SecretStore;
  demoCrmUrl: string;
  /** Where the console runs: decides how a missing secret is said to be set. */
  shell: 'electron' | 'browser';
  /** The system's open dialog for a TLS file (desktop app); absent in browser mode. */
  pickFile?: (title: string, defaultPath: string) => Promise<string | null>;
  /**
   * The process's mock server, which answers the nodes of an environment's `mock` section
   * (started at the first call that needs it). Absent: such an environment is refused for calls.
   */
  mockServer?: MockServer;
}

/** Lists, edits and resolves environments. */
export interface EnvironmentLibrary {
  list(): Promise<Environment[]>;
  get(id: string): Promise<EnvironmentDetail>;
  save(id: string, form: EnvironmentForm): Promise<EnvironmentDetail>;
  create(name: string, fileName?: string): Promise<EnvironmentDetail>;
  pickFile(id: string, purpose: 'ca' | 'cert' | 'key'): Promise<string | null>;
  setSecret(id: string, name: string, value: string | null): Promise<Environment>;
  /**
   * What a call in environment `id` needs.
   *
   * @throws ServiceError `not_found` for an unknown id, `conflict` for a file with problems or a
   *   declared secret without a value (naming it and how to set it)
   */
  forCall(id: string): Promise<CallEnvironment>;
}

function builtIn(
  id: string,
  name: string,
  variables: ResolvedEnvironment['variables'],
  demoCrm: boolean,
): ResolvedEnvironment {
  return {
    id,
    name,
    file: null,
    variables,
    secrets: [],
    headers: {},
    tls: NO_TLS,
    proxy: null,
    limits: {},
    demoCrm,
  };
}

function describeEnvironment(environment: ResolvedEnvironment): string {
  const base = environment.variables.crm_base;
  const parts = [typeof base === 'string' ? `CRM ${base}` : 'the flow file’s crm_base'];
  if (environment.proxy) parts.push(`proxy ${environment.proxy.replace(/\/\/[^@/]*@/, '//')}`);
  if (environment.tls.insecure) parts.push('certificate checks off');
  if (environment.mock) parts.push(`mocks ${Object.keys(environment.mock).join(', ')}`);
  return parts.join(' · ');
}

/** Serves the two built-ins and the workspace's environment files, each read afresh when asked. */
export function createEnvironmentLibrary(deps: EnvironmentLibraryDeps): EnvironmentLibrary {
  const demo = builtIn(
    DEMO_ENVIRONMENT_ID,
    'Built-in demo CRM',
    { crm_base: deps.demoCrmUrl },
    true,
  );
  const flowDefaults = builtIn(FLOW_ENVIRONMENT_ID, 'Flow file defaults', {}, false);

  const secretStatus = (environment: ResolvedEnvironment | null, file: string) =>
    (environment?.secrets ?? []).map((name) => ({
      name,
      set: deps.secrets.get(file, name) !== undefined,
    }));

  const entryOf = (loaded: LoadedEnvironment): Environment => ({
    id: WORKSPACE_PREFIX + loaded.id,
    name: loaded.name,
    description: loaded.environment
      ? describeEnvironment(loaded.environment)
      : `${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'} in ${basename(loaded.file)}`,
    variables: loaded.environment?.variables ?? {},
    kind: 'workspace',
    file: loaded.file,
    secrets: secretStatus(loaded.environment, loaded.file),
    problems: loaded.problems.map(formatEnvironmentProblem),
    limits: loaded.environment?.limits ?? {},
  });

  const builtInEntry = (environment: ResolvedEnvironment, description: string): Environment => ({
    id: environment.id,
    name: environment.name,
    description,
    variables: environment.variables,
    kind: 'builtin',
    file: null,
    secrets: [],
    problems: [],
    limits: {},
  });

  const workspaceFiles = async (): Promise<string[]> => {
    const root = deps.root();
    return root === null ? [] : listEnvironmentFiles(root);
  };

  /** The workspace environment `id` (`workspace:staging`), read fresh from its file. */
  const loadWorkspace = async (id: string): Promise<LoadedEnvironment> => {
    if (!id.startsWith(WORKSPACE_PREFIX))
      throw new ServiceError('not_found', `no environment "${id}"`);
    const wanted = id.slice(WORKSPACE_PREFIX.length);
    const file = (await workspaceFiles()).find((f) => basename(f, extname(f)) === wanted);
    if (file === undefined) {
      throw new ServiceError(
        'not_found',
        `no environment "${wanted}" in the workspace's environments/ folder`,
      );
    }
    return loadEnvironmentFile(file);
  };

  /** The file's text, read as boundedly as the loader reads it (a 2 GB file is refused). */
  const fileText = async (file: string): Promise<string> => {
    const read = await readBoundedText(file, MAX_ENVIRONMENT_BYTES);
    if ('error' in read) throw new ServiceError('conflict', `${file}: the file ${read.error}`);
    return read.text;
  };

  const detail = async (loaded: LoadedEnvironment): Promise<EnvironmentDetail> => {
    const text = await fileText(loaded.file);
    return { environment: entryOf(loaded), form: environmentToForm(text), text };
  };

  const builtInDetail = (environment: Environment): EnvironmentDetail => ({
    environment,
    form: {
      name: environment.name,
      variables: Object.entries(environment.variables).map(([name, value]) => ({
        name,
        value: typeof value === 'object' ? JSON.stringify(value) : value,
      })),
      secrets: [],
      headers: [],
      tls: { ca: '', cert: '', key: '', insecure: false },
      proxy: '',
      limits: {},
    },
    text: '',
  });

  const builtInEntries = (): Environment[] => [
    builtInEntry(demo, `The demo CRM this app runs on ${deps.demoCrmUrl}`),
    builtInEntry(
      flowDefaults,
      "The flow's own variables (its crm_base, e.g. your local or staging CRM)",
    ),
  ];

  return {
    async list() {
      const loaded = await Promise.all((await workspaceFiles()).map((f) => loadEnvironmentFile(f)));
      return [...builtInEntries(), ...loaded.map(entryOf)];
    },
    async get(id) {
      const own = builtInEntries().find((e) => e.id === id);
      if (own) return builtInDetail(own);
      return detail(await loadWorkspace(id));
    },
    async save(id, form) {
      const loaded = await loadWorkspace(id);
      const text = await fileText(loaded.file);
      const format = extname(loaded.file).toLowerCase() === '.json' ? 'json' : 'yaml';
      const next = applyFormToText(text, form, format);
      if (next !== text) await writeFileAtomic(loaded.file, next);
      // Secrets no longer declared are forgotten with their declaration.
      const kept = new Set(form.secrets);
      for (const name of Object.keys(deps.secrets.values(loaded.file))) {
        if (!kept.has(name)) deps.secrets.set(loaded.file, name, null);
      }
      return detail(await loadEnvironmentFile(loaded.file));
    },
    async create(name, fileName) {
      const root = deps.root();
      if (root === null)
        throw new ServiceError('conflict', 'open a workspace folder first (Open folder…)');
      const base = fileNameFromTitle(fileName ?? name, '.yaml');
      if (base === '')
        throw new ServiceError('invalid_input', `"${name}" gives no usable file name`);
      const taken = new Set((await workspaceFiles()).map((f) => basename(f, extname(f))));
      if (taken.has(base)) {
        throw new ServiceError('conflict', `the workspace already has an environment "${base}"`);
      }
      const file = join(root, 'environments', `${base}.yaml`);
      await writeFileAtomic(file, newEnvironmentText(name), { createFolder: true });
      return detail(await loadEnvironmentFile(file));
    },
    async pickFile(id, purpose) {
      if (!deps.pickFile) {
        throw new ServiceError('forbidden', 'type the file path: browser mode has no file dialog');
      }
      const loaded = await loadWorkspace(id);
      const titles = {
        ca: 'CA certificates (PEM)',
        cert: 'Client certificate (PEM)',
        key: 'Client key (PEM)',
      };
      const chosen = await deps.pickFile(titles[purpose], dirname(loaded.file));
      if (chosen === null) return null;
      // Relative to the environment file, with forward slashes: the workspace is shared.
      return relative(dirname(loaded.file), chosen).split(sep).join('/');
    },
    async setSecret(id, name, value) {
      const loaded = await loadWorkspace(id);
      if (!loaded.environment?.secrets.includes(name) && value !== null) {
        throw new ServiceError(
          'conflict',
          `environment "${loaded.name}" does not declare a secret "${name}"`,
        );
      }
      deps.secrets.set(loaded.file, name, value);
      return entryOf(loaded);
    },
    async forCall(id) {
      if (id === DEMO_ENVIRONMENT_ID) return callEnvironment(demo, {}, deps.demoCrmUrl);
      if (id === FLOW_ENVIRONMENT_ID) return callEnvironment(flowDefaults, {}, deps.demoCrmUrl);
      const loaded = await loadWorkspace(id);
      const environment = loaded.environment;
      if (environment === null) {
        const first = loaded.problems[0];
        throw new ServiceError(
          'conflict',
          `environment "${loaded.name}" has ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}${first ? `, first: ${formatEnvironmentProblem(first)}` : ''}`,
        );
      }
      const values = deps.secrets.values(loaded.file);
      const missing = missingSecrets(environment, values);
      if (missing.length > 0) {
        throw new ServiceError(
          'conflict',
          missingSecretMessage(missing, environment, deps.shell === 'electron' ? 'app' : 'browser'),
        );
      }
      if (environment.mock === undefined) {
        return callEnvironment(environment, values, deps.demoCrmUrl);
      }
      if (deps.mockServer === undefined) {
        throw new ServiceError(
          'conflict',
          `environment "${loaded.name}" mocks nodes, and this console runs no mock server`,
        );
      }
      const route = await deps.mockServer.route(environment.mock);
      return callEnvironment(environment, values, deps.demoCrmUrl, route);
    },
  };
}
