/**
 * The contract's environments: what a call can point at, and the form the Environments screen
 * edits an environment file with.
 */
import type { VarMap } from '../variables.ts';
import type { WebhookLimits } from '../webhook-types.ts';

/** A secret an environment declares, and whether this console has a value for it. */
export interface SecretStatus {
  name: string;
  set: boolean;
}

/**
 * An environment a call can use (../shared/spec/WORKSPACE.md): a built-in one (the demo CRM, the
 * flow file's own values) or one from the open workspace's `environments/` folder.
 */
export interface Environment {
  /** `demo` and `flow` for the built-in ones; `workspace:<file base name>` for the workspace's. */
  id: string;
  /** Shown in the Environment picker. */
  name: string;
  description: string;
  variables: VarMap;
  kind: 'builtin' | 'workspace';
  /** The environment file (workspace environments). */
  file: string | null;
  secrets: SecretStatus[];
  /** Every problem of the file, `file:line: field: message`; a call needs none. */
  problems: string[];
  /** Limits this environment overrides (shown as such). */
  limits: Partial<Record<LimitName, number>>;
}

/** The limits an environment may override (../shared/spec/WEBHOOK.md). */
export type LimitName = keyof WebhookLimits;

/**
 * An environment file as the Environments screen edits it. Saving writes only what changed back
 * into the file, keeping its comments and key order.
 */
export interface EnvironmentForm {
  name: string;
  /** Variables in file order; values as the YAML scalar they are (nested values as JSON text). */
  variables: { name: string; value: string | number | boolean }[];
  /** Declared secret names. */
  secrets: string[];
  headers: { name: string; value: string }[];
  /** Paths as written in the file (relative to it), '' for none. */
  tls: { ca: string; cert: string; key: string; insecure: boolean };
  /** '' for none (then HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply). */
  proxy: string;
  limits: Partial<Record<LimitName, number>>;
}

/** An environment opened for editing: the form, its file, and its problems. */
export interface EnvironmentDetail {
  environment: Environment;
  form: EnvironmentForm;
  /** The file's text as on disk (shown when the form cannot represent it). */
  text: string;
}
