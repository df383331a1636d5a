/**
 * `--var name=value` and `--secret name=value`, shared by `run`, `replay` and `test`: the same
 * rules and the same messages everywhere, secrets completed from `IVR_SECRET_*`.
 */
import type { VarMap } from '../../shared/variables.ts';
import {
  isPerCallVariable,
  isSystemVariable,
  isValidVariableName,
} from '../../shared/variables.ts';
import { UsageError } from './cli-io.ts';

/** Parses repeated `name=value` options; a bad one is a usage error naming it. */
function parsePairs(
  command: string,
  option: string,
  pairs: readonly string[] | undefined,
  check: (name: string) => string | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`${command}: ${option} "${pair}": expected name=value`);
    const name = pair.slice(0, eq);
    const problem = check(name);
    if (problem) throw new UsageError(`${command}: ${option} "${pair}": ${problem}`);
    // An own property even for `__proto__`, which is a valid variable name.
    Object.defineProperty(out, name, {
      value: pair.slice(eq + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * The `--var` values. `systemHint` says what to do instead when a system variable is named
 * (e.g. `use --source`); `uuid` and `vccsys_shortid` are never settable.
 */
export function parseVarOptions(
  command: string,
  pairs: readonly string[] | undefined,
  systemHint: (name: string) => string,
): VarMap {
  return parsePairs(command, '--var', pairs, (name) => {
    if (!isValidVariableName(name)) return 'invalid variable name (must match ^[a-z_][a-z0-9_]*$)';
    if (isPerCallVariable(name)) {
      return `"${name}" is a system variable, set by the platform for each call`;
    }
    return isSystemVariable(name) ? `"${name}" is a system variable: ${systemHint(name)}` : null;
  });
}

/** The `--secret` values, completed from `IVR_SECRET_NAME` environment variables (options win). */
export function parseSecretOptions(
  command: string,
  pairs: readonly string[] | undefined,
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const secrets = parsePairs(command, '--secret', pairs, (name) =>
    /^[a-z_][a-z0-9_]*$/.test(name) ? null : 'invalid secret name (must match ^[a-z_][a-z0-9_]*$)',
  );
  for (const [name, value] of Object.entries(env)) {
    const match = /^IVR_SECRET_([A-Z0-9_]+)$/.exec(name);
    if (match?.[1] && value !== undefined) secrets[match[1].toLowerCase()] ??= value;
  }
  return secrets;
}
