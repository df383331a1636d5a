/**
 * The per-pair rules shared by the JSON, x-ini and plain-text parsers: key names, value length,
 * and the typing of text values.
 */
import type { Violation } from '../../shared/webhook-types.ts';
import type { Scalar, VarObject } from '../../shared/variables.ts';
import { VARIABLE_NAME_PATTERN } from '../../shared/variables.ts';

/** Canonical numbers only: `0042` and `1e3` stay strings (leading zeros are ids, not numbers). */
const CANONICAL_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Longest excerpt of an offending key or value quoted in a detail. */
const EXCERPT = 40;

/** Shortens text for a violation detail. */
export function excerpt(text: string): string {
  const chars = Array.from(text.slice(0, EXCERPT * 2));
  return chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('')}…` : chars.join('');
}

/** Length in code points (../shared/spec/WEBHOOK.md counts characters, so an emoji is one). */
export function codePointLength(text: string, limit: number): number {
  // Code points never outnumber UTF-16 units: short strings need no count.
  if (text.length <= limit) return text.length;
  let count = 0;
  for (let i = 0; i < text.length; i++, count++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return count;
}

/** An `invalid_key` violation when `key` is not a valid name, else null. */
export function checkKey(key: string, path: string): Violation | null {
  if (VARIABLE_NAME_PATTERN.test(key)) return null;
  return {
    code: 'invalid_key',
    key: path,
    detail: `"${excerpt(key)}" does not match ^[a-z_][a-z0-9_]*$`,
  };
}

/** A `value_too_long` violation when `value` has more than `max` code points, else null. */
export function checkLength(value: string, path: string, max: number): Violation | null {
  const length = codePointLength(value, max);
  return length > max ? { code: 'value_too_long', key: path, detail: `${length} > ${max}` } : null;
}

/**
 * Types a text value as the platform does for x-ini and plain replies: `true`/`false` become
 * booleans, canonical numbers become numbers (unless that would lose digits), the rest stays text.
 */
export function typeTextValue(text: string): Scalar {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (!CANONICAL_NUMBER.test(text)) return text;
  const number = Number(text);
  // A 20-digit account number must not come back rounded.
  if (!text.includes('.') && !Number.isSafeInteger(number)) return text;
  return number;
}

/** Sets an own property even for `__proto__` (a valid key name that `=` would treat specially). */
export function setOwn<T>(target: Record<string, T> | VarObject, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    (target as Record<string, T>)[key] = value;
  }
}
