/**
 * Branch conditions (../shared/spec/FLOW.md): comparisons on variables, combined with `all` /
 * `any`. Data only; no code is ever evaluated.
 */
import type { Condition } from '../../shared/flow/flow-schema.ts';
import { matchesPattern } from '../../shared/flow/match-pattern.ts';
import type { VarMap, VarValue } from '../../shared/variables.ts';
import { formatValue, readPath } from '../../shared/variables.ts';

const NUMERIC = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

function asNumber(value: VarValue | undefined): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMERIC.test(value)) return Number(value);
  return null;
}

/** An `all` / `any` list being evaluated: its items and the next one to look at. */
interface Pending {
  items: readonly Condition[];
  next: number;
  all: boolean;
}

/**
 * True when `condition` holds for `vars`. Comparisons are numeric when both sides are numbers;
 * `all` / `any` stop at the first item that decides them. Iterative, so however deeply a flow
 * nests its lists, evaluating them cannot overflow the stack.
 */
export function evaluateCondition(condition: Condition, vars: VarMap): boolean {
  const pending: Pending[] = [];
  let current: Condition | undefined = condition;
  for (;;) {
    let result: boolean;
    if (current !== undefined && ('all' in current || 'any' in current)) {
      const all = 'all' in current;
      const items: readonly Condition[] = 'all' in current ? current.all : current.any;
      if (items.length > 0) {
        pending.push({ items, next: 1, all });
        current = items[0];
        continue;
      }
      // Empty lists cannot pass validation; read them as `every` / `some` would.
      result = all;
    } else {
      result = current !== undefined && compare(current, vars);
    }
    for (;;) {
      const top = pending.at(-1);
      if (top === undefined) return result;
      // `all` is decided by a false item, `any` by a true one, and both by their last item.
      if (top.all !== result || top.next >= top.items.length) {
        pending.pop();
        continue;
      }
      current = top.items[top.next++];
      break;
    }
  }
}

type Comparison = Extract<Condition, { var: string }>;

function compare(condition: Comparison, vars: VarMap): boolean {
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
      return matchesPattern(String(right), text);
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
