/**
 * Values that differ between two calls by design (the call's `uuid`, its short id, a `crm_base`
 * the re-run points elsewhere) would make every request body and URL that carries them look
 * changed. Each side's own value is replaced by a `${name}` placeholder before comparing, so only
 * real differences remain; what is reported keeps the values as they were.
 */
import type { VarMap, VarValue } from '../../shared/variables.ts';

/** Rewrites one side's strings. */
export type Normaliser = (text: string) => string;

/** Values this short are too likely to occur by chance inside unrelated text. */
const MIN_REPLACED_LENGTH = 4;

/** Replaces this call's value of each variable in `names` with `${name}`, longest value first. */
export function createNormaliser(variables: VarMap, names: readonly string[]): Normaliser {
  const pairs: [string, string][] = [];
  for (const name of names) {
    const value = variables[name];
    if (typeof value === 'string' && value.length >= MIN_REPLACED_LENGTH) {
      pairs.push([value, `\${${name}}`]);
    }
  }
  pairs.sort((x, y) => y[0].length - x[0].length);
  return (text) =>
    pairs.reduce((out, [value, placeholder]) => out.replaceAll(value, placeholder), text);
}

/** A canonical text of a value for equality: strings normalised, object keys sorted. */
export function canonical(value: VarValue | null | undefined, normalise: Normaliser): string {
  return JSON.stringify(sortKeys(value ?? null, normalise));
}

function sortKeys(value: VarValue | null, normalise: Normaliser): unknown {
  if (typeof value === 'string') return normalise(value);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key] ?? null, normalise)]),
  );
}
