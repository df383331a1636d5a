/**
 * JSON in and out of TEXT columns, with failures that say which session and field were at fault
 * (JSON.stringify throws on BigInt and cycles, and returns undefined for functions).
 */
import { StoreError } from './store-error.ts';

/**
 * Serializes `value` for a TEXT column.
 *
 * @param what - names the value in the error, e.g. `event 3 of session abc`
 * @throws StoreError `invalid_input` when `value` has no JSON form
 */
export function toJson(value: unknown, what: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new StoreError('invalid_input', `${what} cannot be stored as JSON: ${String(error)}`, {
      cause: error,
    });
  }
  if (text === undefined) {
    throw new StoreError('invalid_input', `${what} cannot be stored as JSON (${typeof value})`);
  }
  return text;
}

/** Parses a TEXT column written by {@link toJson}. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
