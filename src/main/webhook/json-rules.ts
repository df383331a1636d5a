/**
 * The JSON reply rules of ../shared/spec/WEBHOOK.md, applied to a parsed object in one walk that
 * collects every violation with its dotted key path: key names at every level, depth, value types,
 * value length and the leaf-pair count. The walk is iterative and goes no deeper than the depth
 * limit.
 */
import type { Violation, WebhookLimits } from '../../shared/webhook-types.ts';
import type { VarObject } from '../../shared/variables.ts';
import { checkKey, checkLength, setOwn } from './value-rules.ts';

type Limits = Pick<WebhookLimits, 'maxKeys' | 'maxValueLength' | 'maxDepth'>;

/**
 * The checked object (arrays, nulls, non-finite numbers and objects past the depth limit left out)
 * and what was wrong. Nothing inside an object past the depth limit is checked or counted.
 */
export interface JsonCheck {
  value: VarObject;
  violations: Violation[];
}

interface Walk {
  limits: Limits;
  violations: Violation[];
  leaves: number;
}

/** An object being walked: where it is, its keys, and the copy being built. */
interface Frame {
  object: Record<string, unknown>;
  keys: string[];
  next: number;
  prefix: string;
  depth: number;
  out: VarObject;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one leaf value and, when it is kept, copies it into `out`. */
function checkLeaf(value: unknown, key: string, path: string, out: VarObject, state: Walk): void {
  state.leaves++;
  if (value === null) {
    state.violations.push({
      code: 'invalid_value_type',
      key: path,
      detail: 'null is not allowed',
    });
  } else if (Array.isArray(value)) {
    state.violations.push({
      code: 'invalid_value_type',
      key: path,
      detail: `arrays are not allowed (${value.length} items)`,
    });
  } else if (typeof value === 'string') {
    const long = checkLength(value, path, state.limits.maxValueLength);
    if (long !== null) state.violations.push(long);
    setOwn(out, key, value);
  } else if (typeof value === 'number' && !Number.isFinite(value)) {
    state.violations.push({
      code: 'invalid_value_type',
      key: path,
      detail: 'number out of range',
    });
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    setOwn(out, key, value);
  }
}

/**
 * Walks the tree depth first, in key order, with a stack of its own, and stops at the depth
 * limit: a hostile reply nested thousands of levels (a 64 KiB body holds about 10,000) neither
 * overflows the call stack nor yields a copy deeper than the limit to log, clone and show.
 */
function walk(root: Record<string, unknown>, state: Walk): VarObject {
  const top: VarObject = {};
  const stack: Frame[] = [
    { object: root, keys: Object.keys(root), next: 0, prefix: '', depth: 1, out: top },
  ];
  for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
    const key = frame.keys[frame.next++];
    if (key === undefined) {
      stack.pop();
      continue;
    }
    const path = frame.prefix === '' ? key : `${frame.prefix}.${key}`;
    const value = frame.object[key];
    const badKey = checkKey(key, path);
    if (badKey !== null) state.violations.push(badKey);
    if (!isObject(value)) {
      checkLeaf(value, key, path, frame.out, state);
      continue;
    }
    const depth = frame.depth + 1;
    if (depth > state.limits.maxDepth) {
      // The object that crosses the limit is the violation; what lies inside it is neither
      // checked nor kept, so a hostile reply nested ten thousand levels costs one entry.
      state.violations.push({
        code: 'too_deep',
        key: path,
        detail: `${depth} > ${state.limits.maxDepth} levels of objects`,
      });
      continue;
    }
    const out: VarObject = {};
    setOwn(frame.out, key, out);
    stack.push({ object: value, keys: Object.keys(value), next: 0, prefix: path, depth, out });
  }
  return top;
}

/**
 * Checks a parsed JSON object against the limits. The top-level object is level 1, so with
 * `maxDepth` 3 `{"a":{"b":{"c":1}}}` passes and one more level is `too_deep`.
 */
export function checkJsonObject(object: Record<string, unknown>, limits: Limits): JsonCheck {
  const state: Walk = { limits, violations: [], leaves: 0 };
  const value = walk(object, state);
  if (state.leaves > limits.maxKeys) {
    state.violations.push({ code: 'too_many_keys', detail: `${state.leaves} > ${limits.maxKeys}` });
  }
  return { value, violations: state.violations };
}
