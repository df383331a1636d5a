/**
 * A branch condition's `value`, between the text field and the flow file. Pure.
 *
 * The decision: for the comparisons (`eq ne lt lte gt gte`) a number written in its plain form
 * (`5`, `-2.5`, not `007` or `1e3`) is stored as a JSON number and `true`/`false` as a boolean, as
 * the samples write them; anything else, and every value of `contains` and `matches` (a text and
 * a pattern), stays a string. The engine compares numerically whenever both sides parse as
 * numbers, so this changes how the file reads, never what a call does.
 */

/** Operators that take no `value`: they test the variable alone. */
export const UNARY_OPS: ReadonlySet<string> = new Set(['exists', 'empty']);

const TYPED_OPS = new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte']);

/** The value to store for `text` typed under operator `op`. */
export function parseConditionValue(text: string, op: string): string | number | boolean {
  if (!TYPED_OPS.has(op)) return text;
  if (text === 'true') return true;
  if (text === 'false') return false;
  const number = Number(text);
  return text.trim() !== '' && Number.isFinite(number) && String(number) === text ? number : text;
}

/** The text to show for a stored value (whatever its type, even an invalid one). */
export function conditionValueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
