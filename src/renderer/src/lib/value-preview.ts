/**
 * A variable value in one line, as a developer reads it: strings quoted, numbers and booleans
 * bare, objects as `{ key: value, … }`.
 */
import type { VarValue } from '../../../shared/variables.ts';
import { isVarObject } from '../../../shared/variables.ts';

/** `"Anna"`, `1250.75`, `{ balance: 1250.75, currency: "EUR" }`. */
export function valuePreview(value: VarValue): string {
  if (isVarObject(value)) {
    const inner = Object.entries(value)
      .map(([key, v]) => `${key}: ${valuePreview(v)}`)
      .join(', ');
    return inner ? `{ ${inner} }` : '{}';
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
