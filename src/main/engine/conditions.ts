/**
 * Branch conditions (FLOW.md): comparisons on variables, combined with `all` / `any`. Data only;
 * no code is ever evaluated.
 */
import type { Condition } from '../../shared/flow/flow-schema.ts';
import type { VarMap, VarValue } from '../../shared/variables.ts';
import { formatValue, readPath } from '../../shared/variables.ts';

const NUMERIC = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

function asNumber(value: VarValue | undefined): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value);
  return null;
}

/** True when `condition` holds for `vars`. Comparisons are numeric when both sides are numbers. */
export function evaluateCondition(condition: Condition, vars: VarMap): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, vars));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, vars));
  const left = readPath(vars, condition.var);
  const right = condition.value;
  switch (condition.op) {
    case 'exists':
      return left !== undefined;
    case 'empty':
      return left === undefined || left === '';
    case 'ne':
      return !compareEqual(left, right);
    case 'eq':
      return compareEqual(left, right);
    default:
      break;
  }
  if (left === undefined || right === undefined) return false;
  const text = formatValue(left);
  switch (condition.op) {
    case 'contains':
      return text.includes(String(right));
    case 'matches':
      return new RegExp(String(right)).test(text);
    default: {
      const a = asNumber(left);
      const b = asNumber(right);
      const order =
        a !== null && b !== null ? a - b : text < String(right) ? -1 : text > String(right) ? 1 : 0;
      if (condition.op === 'lt') return order < 0;
      if (condition.op === 'lte') return order <= 0;
      if (condition.op === 'gt') return order > 0;
      return order >= 0;
    }
  }
}

function compareEqual(
  left: VarValue | undefined,
  right: string | number | boolean | undefined,
): boolean {
  if (left === undefined || right === undefined) return left === right;
  const a = asNumber(left);
  const b = asNumber(right);
  if (a !== null && b !== null) return a === b;
  return formatValue(left) === String(right);
}
