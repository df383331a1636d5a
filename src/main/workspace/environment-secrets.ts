/**
 * Secrets an environment declares but this console has no value for (../shared/spec/WORKSPACE.md,
 * "Secrets"): such a call stops before it starts, with a message naming each secret and how to give
 * it a value where the call was started.
 */
import type { ResolvedEnvironment } from './environment-types.ts';

/** Where the call is started, which decides how a secret is set. */
export type SecretSurface = 'cli' | 'app' | 'browser';

/**
 * The declared secrets of `environment` that have no value in `values` (an empty value counts
 * as none: the request would carry an empty credential), in declaration order.
 */
export function missingSecrets(
  environment: ResolvedEnvironment,
  values: Readonly<Record<string, string>>,
): string[] {
  return environment.secrets.filter(
    (name) => !Object.hasOwn(values, name) || values[name] === undefined || values[name] === '',
  );
}

/** `a`, `a and b`, `a, b and c`. */
function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The environment variable the CLI reads a secret from (`IVR_SECRET_CRM_TOKEN`). */
export function secretEnvironmentVariable(name: string): string {
  return `IVR_SECRET_${name.toUpperCase()}`;
}

/**
 * One sentence naming the environment, each missing secret, and how to set it from `where`.
 * `names` should be what {@link missingSecrets} returned (not empty).
 */
export function missingSecretMessage(
  names: readonly string[],
  environment: ResolvedEnvironment,
  where: SecretSurface,
): string {
  const plural = names.length > 1;
  const needs = `environment "${environment.name}" needs ${plural ? 'values for secrets' : 'a value for secret'} ${list(names)}`;
  const it = plural ? 'them' : 'it';
  switch (where) {
    case 'cli':
      return `${needs}: pass ${names.map((n) => `--secret ${n}=…`).join(' ')}, or set ${list(names.map(secretEnvironmentVariable))}`;
    case 'app':
      return `${needs}: enter ${it} in Environments (stored encrypted on this machine)`;
    case 'browser':
      return `${needs}: enter ${it} in Environments (kept in memory until the console stops)`;
  }
}
