/**
 * Reading the flow file's JSON as it is, not as the schema says it should be: the editor works on
 * flows the validator rejects, so every value is checked for its shape before it is used.
 */

/** A JSON object of unknown members. */
export type RawObject = Record<string, unknown>;

/** True for a JSON object (not null, not an array). */
export const isObject = (value: unknown): value is RawObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value if it is a string, else undefined. */
export const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
