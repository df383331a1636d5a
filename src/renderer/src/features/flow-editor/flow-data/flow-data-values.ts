/**
 * The pure rules behind the variables and datasets tables: names, a value's kind and its text,
 * the typed text read back, key renames that keep order, and a dataset's columns. Kept apart from
 * the components so they are tested under Node.
 */
import { isSystemVariable, VARIABLE_NAME_PATTERN } from '../../../../../shared/variables.ts';
import type { RawObject as Raw } from '../raw-json.ts';
import { isObject } from '../raw-json.ts';

/** How a variable's value is edited: its JSON kind. */
export type ValueKind = 'text' | 'number' | 'boolean' | 'object';

/** The kind of a flow variable's value (anything unexpected is edited as JSON). */
export function kindOf(value: unknown): ValueKind {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'object';
}

/** A value as its cell shows it: strings as they are, the rest as compact JSON. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}

/** A JSON number: what `number` accepts, trimmed. */
const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A variable value (a scalar or an object of them), or why the value is not one. */
function checkVariableValue(value: unknown, where: string): string | null {
  if (typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${where} is not finite`;
  if (Array.isArray(value))
    return `${where} is a list: a variable holds text, a number, true/false or an object`;
  if (!isObject(value))
    return `${where} is null: a variable holds text, a number, true/false or an object`;
  for (const [key, inner] of Object.entries(value)) {
    const problem = checkVariableValue(inner, `${where}.${key}`);
    if (problem) return problem;
  }
  return null;
}

/**
 * The text typed in a variable's value cell, read as `kind`: a number must be a JSON number,
 * an object must be a JSON object whose values are text, numbers, true/false or objects.
 */
export function parseValueText(
  text: string,
  kind: ValueKind,
): { value: unknown } | { error: string } {
  switch (kind) {
    case 'text':
      return { value: text };
    case 'boolean':
      if (text === 'true' || text === 'false') return { value: text === 'true' };
      return { error: `"${text}" is not true or false` };
    case 'number': {
      const trimmed = text.trim();
      if (!NUMBER_TEXT.test(trimmed) || !Number.isFinite(Number(trimmed))) {
        return { error: `"${text}" is not a number (digits, an optional - and . fraction)` };
      }
      return { value: Number(trimmed) };
    }
    case 'object': {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        return { error: `invalid JSON: ${(error as Error).message}` };
      }
      if (!isObject(value)) return { error: 'the value must be a JSON object: { "key": "value" }' };
      const problem = checkVariableValue(value, 'the value');
      return problem ? { error: problem } : { value };
    }
  }
}

/**
 * A value turned to `kind` when the user picks another type: kept when it reads as that type
 * (`"1234"` to 1234, `1234` to `"1234"`, JSON text to its object), else an error saying what
 * to type first. To true/false always works (`"true"` is true, anything else false).
 */
export function convertValue(
  value: unknown,
  kind: ValueKind,
): { value: unknown } | { error: string } {
  if (kind === 'boolean') return { value: valueText(value) === 'true' };
  if (kind === 'object') {
    if (isObject(value)) return { value };
    const parsed = parseValueText(valueText(value), 'object');
    return 'value' in parsed ? parsed : { value: {} };
  }
  if (kind === 'number' && typeof value === 'string' && value.trim() === '') {
    return { error: 'type a number in the value, then press Enter' };
  }
  return parseValueText(valueText(value), kind);
}

/** Why `name` cannot be a new flow variable's name, or null when it can. */
export function variableNameProblem(name: string, existing: readonly string[]): string | null {
  if (name === '') return 'type a name';
  if (!VARIABLE_NAME_PATTERN.test(name)) {
    return `"${name}": use lowercase letters, digits and _, not starting with a digit`;
  }
  if (isSystemVariable(name)) return `"${name}" is a system variable: a flow cannot set it`;
  if (existing.includes(name)) return `a variable "${name}" exists already`;
  return null;
}

/** Why `name` cannot be a new dataset's (or column's) name, or null when it can. */
export function plainNameProblem(
  name: string,
  existing: readonly string[],
  noun: 'dataset' | 'column',
): string | null {
  if (name.trim() === '') return `type a ${noun} name`;
  if (name !== name.trim()) return `a ${noun} name cannot start or end with a space`;
  if (existing.includes(name)) return `a ${noun} "${name}" exists already`;
  return null;
}

/** `object` with key `from` renamed `to`, in the same place among the keys. */
export function renameKey(object: Raw, from: string, to: string): Raw {
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [key === from ? to : key, value]),
  );
}

/** A dataset's columns: the union of its rows' keys, in first-seen order. */
export function datasetColumns(rows: readonly unknown[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) if (isObject(row)) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/** The rows with column `name` added (empty text) to each; no row yet: one row holding it. */
export function addColumn(rows: readonly unknown[], name: string): Raw[] {
  if (rows.length === 0) return [{ [name]: '' }];
  return rows.map((row) => ({ ...(isObject(row) ? row : {}), [name]: '' }));
}

/** The rows without column `name`. */
export function removeColumn(rows: readonly unknown[], name: string): Raw[] {
  return rows.map((row) =>
    Object.fromEntries(Object.entries(isObject(row) ? row : {}).filter(([key]) => key !== name)),
  );
}

/** A new row: every column, empty. */
export function emptyRow(columns: readonly string[]): Raw {
  return Object.fromEntries(columns.map((column) => [column, '']));
}
