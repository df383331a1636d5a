/**
 * Resolving `${...}` references for a request. Every template is rendered twice: once with the
 * real secret values (what goes on the wire) and once with a marker in their place (what is logged,
 * shown and exported), so a secret can never leak into a record by a formatting accident.
 */
import { randomUUID } from 'node:crypto';
import type { ReferenceLookup } from '../../shared/flow/template.ts';
import { isSecretReference, SECRET_PREFIX } from '../../shared/flow/template.ts';
import type { VarMap } from '../../shared/variables.ts';
import { readPath } from '../../shared/variables.ts';

/** What a secret looks like in every record of a request. */
export const REDACTED = '[redacted]';

/**
 * Stands in for a secret value during the redacted rendering, until the value encoder swaps it for
 * {@link REDACTED}. Random per process so that no variable value can equal it by chance.
 */
const SECRET_MARKER = `\u0000secret-${randomUUID()}\u0000`;

/** The two lookups of one request: real values, and secrets replaced by a marker. */
export interface RequestLookups {
  real: ReferenceLookup;
  redacted: ReferenceLookup;
}

/** Secrets by name (`${secret.crm_token}` reads `crm_token`). */
export type Secrets = Readonly<Record<string, string>>;

const NO_SECRETS: Secrets = Object.freeze({});

function readSecret(secrets: Secrets, path: string): string | undefined {
  const name = path.slice(SECRET_PREFIX.length);
  return Object.hasOwn(secrets, name) ? secrets[name] : undefined;
}

/** Builds the real and the redacted lookup over a variable snapshot and the secrets. */
export function createLookups(variables: VarMap, secrets: Secrets = NO_SECRETS): RequestLookups {
  return {
    real: (path) =>
      isSecretReference(path) ? readSecret(secrets, path) : readPath(variables, path),
    redacted: (path) => {
      if (!isSecretReference(path)) return readPath(variables, path);
      return readSecret(secrets, path) === undefined ? undefined : SECRET_MARKER;
    },
  };
}

/**
 * Wraps a value encoder for the redacted rendering: the secret marker becomes a literal
 * `[redacted]` (never percent- or form-encoded, so it reads the same everywhere); any other value
 * goes through `encode` as in the real rendering.
 */
export function redactingEncoder(encode: (value: string) => string): (value: string) => string {
  return (value) => (value === SECRET_MARKER ? REDACTED : encode(value));
}
