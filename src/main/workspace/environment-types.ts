/**
 * An environment (../shared/spec/WORKSPACE.md) as the rest of the console uses it: read from one
 * file of a workspace's `environments/` folder, validated, its TLS files read, ready to place calls
 * with. Secret values are never part of it: only the names it declares.
 */
import type { MockSection } from '../../shared/mock-types.ts';
import type { VarMap } from '../../shared/variables.ts';
import type { WebhookLimits } from '../../shared/webhook-types.ts';

/** One mistake in an environment file, with where it is. */
export interface EnvironmentProblem {
  /** Absolute path of the file the problem is in (the environment file, or a TLS file it names). */
  file: string;
  /** 1-based line and column in the environment file; null when the problem has no place. */
  line: number | null;
  column: number | null;
  /** Dotted path of the field (`tls.ca`, `headers.Authorization`), or null for the whole file. */
  field: string | null;
  message: string;
}

/** The TLS settings of an environment, with the files already read. */
export interface EnvironmentTls {
  /** Extra trusted CA certificates, PEM text (each file may hold several certificates). */
  ca: string[];
  /** The files they came from (absolute), for display. */
  caFiles: string[];
  /** Client certificate (PEM) for mutual TLS, and the file it came from. */
  cert: string | null;
  certFile: string | null;
  /** Its private key (PEM), and the file it came from. */
  key: string | null;
  keyFile: string | null;
  /** Accept any certificate; every exchange then carries warning `insecure_tls`. */
  insecure: boolean;
}

/** No extra trust, no client certificate, certificate checks on. */
export const NO_TLS: Readonly<EnvironmentTls> = Object.freeze({
  ca: [],
  caFiles: [],
  cert: null,
  certFile: null,
  key: null,
  keyFile: null,
  insecure: false,
});

/** An environment ready to place calls with. */
export interface ResolvedEnvironment {
  /** The file's base name without extension (`staging` for `environments/staging.yaml`). */
  id: string;
  /** Shown in the Environment picker. */
  name: string;
  /** Absolute path of the file; null for built-in environments. */
  file: string | null;
  /** User variables preset for every call (flow < environment < `--var`). */
  variables: VarMap;
  /** Declared secret names (values live elsewhere). */
  secrets: string[];
  /** Header templates sent with every webhook; a node's own header of the same name wins. */
  headers: Record<string, string>;
  tls: EnvironmentTls;
  /** Proxy URL; null: `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` apply. */
  proxy: string | null;
  /** Overrides of ../shared/spec/WEBHOOK.md's limits (shown as such). */
  limits: Partial<WebhookLimits>;
  /**
   * True when the console's built-in demo CRM answers this environment: `crm_base` is set to its
   * URL (the CLI starts it in-process, the desktop app uses its own).
   */
  demoCrm: boolean;
  /**
   * Mocked `http` nodes and their rules (the `mock` section), answered by the console's loopback
   * mock server; absent when the environment mocks nothing.
   */
  mock?: MockSection;
}

/** An environment file read: the environment when it is valid, and every problem found. */
export interface LoadedEnvironment {
  id: string;
  /** Absolute path. */
  file: string;
  /** The `name` field when it could be read, else the id. */
  name: string;
  /** Null when any problem is an error. */
  environment: ResolvedEnvironment | null;
  problems: EnvironmentProblem[];
}
