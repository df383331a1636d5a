/**
 * Compares an expected variable value with the call's: objects by subset (only the keys the
 * test names are checked, at every depth), scalars strictly by JSON value, so `12345` and
 * `"12345"` differ, as they do for a webhook that receives them.
 */
import type { VarValue } from '../../shared/variables.ts';
import { isVarObject } from '../../shared/variables.ts';
import type { ExpectedValue } from './test-file-types.ts';

/** One value that did not match, at a dotted path. */
export interface ValueMismatch {
  path: string;
  expected: string;
  actual: string;
  /** Why two values that print alike still differ (text vs number). */
  note?: string;
}

/** A value as it is written in a message: JSON, or `(not set)`. */
export function showValue(value: VarValue | ExpectedValue | undefined): string {
  return value === undefined || value === null ? '(not set)' : JSON.stringify(value);
}

function kind(value: VarValue | ExpectedValue): string {
  return typeof value === 'string' ? 'text' : typeof value === 'number' ? 'a number' : 'true/false';
}

/**
 * Collects every mismatch between `expected` and `actual` under `path`. An expected `null`
 * means the variable must not be set.
 */
export function matchValue(
  expected: ExpectedValue,
  actual: VarValue | undefined,
  path: string,
  out: ValueMismatch[] = [],
): ValueMismatch[] {
  if (expected === null) {
    if (actual !== undefined) out.push({ path, expected: '(not set)', actual: showValue(actual) });
    return out;
  }
  if (typeof expected === 'object') {
    if (!isVarObject(actual)) {
      out.push({
        path,
        expected: `an object with ${JSON.stringify(expected)}`,
        actual: showValue(actual),
      });
      return out;
    }
    for (const [key, value] of Object.entries(expected)) {
      matchValue(
        value,
        Object.hasOwn(actual, key) ? actual[key] : undefined,
        `${path}.${key}`,
        out,
      );
    }
    return out;
  }
  if (actual === expected) return out;
  const mismatch: ValueMismatch = {
    path,
    expected: showValue(expected),
    actual: showValue(actual),
  };
  if (actual !== undefined && !isVarObject(actual) && String(actual) === String(expected)) {
    mismatch.note = `${kind(expected)} was expected but the value is ${kind(actual)}${
      typeof actual === 'string' ? '; quote the expected value in the YAML to expect text' : ''
    }`;
  }
  out.push(mismatch);
  return out;
}
