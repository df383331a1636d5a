/**
 * Which failed exchanges count as over the platform's limit (`overLimit` of `load --json`,
 * ../shared/spec/CLI.md): those that ran past its connect or response timeout. Shared by `load`
 * and the Artillery engine's `ivr.<node>.over_limit`, so both count alike.
 */

/** The error codes of an exchange cut off by a platform timeout. */
const OVER_LIMIT_CODES: ReadonlySet<string> = new Set(['connect_timeout', 'response_timeout']);

/** True when an exchange that failed with `code` ran past a platform timeout. */
export function isOverLimit(code: string): boolean {
  return OVER_LIMIT_CODES.has(code);
}
