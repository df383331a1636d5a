/**
 * Header lists as the log keeps them (`[name, value]` pairs in wire order) turned into HAR's
 * name/value objects, and looked up the way HTTP compares names: case-insensitively.
 */
import type { HarNameValue } from './har-types.ts';

/** Name/value pairs (headers, query, form fields) as HAR objects, order and spelling kept. */
export function toNameValues(pairs: readonly (readonly [string, string])[]): HarNameValue[] {
  return pairs.map(([name, value]) => ({ name, value }));
}

/** The first value of header `name` (any case), or null when absent. */
export function headerValue(
  pairs: readonly (readonly [string, string])[],
  name: string,
): string | null {
  const wanted = name.toLowerCase();
  return pairs.find(([n]) => n.toLowerCase() === wanted)?.[1] ?? null;
}

/** Every value of header `name` (any case), in order. */
export function headerValues(
  pairs: readonly (readonly [string, string])[],
  name: string,
): string[] {
  const wanted = name.toLowerCase();
  return pairs.filter(([n]) => n.toLowerCase() === wanted).map(([, value]) => value);
}
