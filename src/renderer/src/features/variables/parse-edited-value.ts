/**
 * Turns what the user typed into a variable's new value, keeping the variable's type where the
 * text fits it: a number stays a number when the text is numeric, a boolean when it says
 * true/false; everything else (and every string variable) is taken as text, exactly as typed.
 */
import type { Scalar } from '../../../../shared/variables.ts';

/** The longest value the contract accepts. */
export const MAX_VALUE_LENGTH = 4096;

/** The parsed value, or why the text cannot be one. */
export type ParsedValue = { ok: true; value: Scalar } | { ok: false; error: string };

/** Parses `text` for a variable currently holding `current` (undefined for a new one). */
export function parseEditedValue(text: string, current: Scalar | undefined): ParsedValue {
  if (text.length > MAX_VALUE_LENGTH) {
    return { ok: false, error: `at most ${MAX_VALUE_LENGTH} characters` };
  }
  if (typeof current === 'number') {
    const trimmed = text.trim();
    const number = Number(trimmed);
    if (trimmed !== '' && Number.isFinite(number)) return { ok: true, value: number };
    return { ok: false, error: `${JSON.stringify(text)} is not a number` };
  }
  if (typeof current === 'boolean') {
    const word = text.trim().toLowerCase();
    if (word === 'true' || word === 'false') return { ok: true, value: word === 'true' };
    return { ok: false, error: 'type true or false' };
  }
  return { ok: true, value: text };
}
