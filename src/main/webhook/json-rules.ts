/**
 * The JSON reply rules of WEBHOOK.md, applied to a parsed object in one walk that collects every
 * violation with its dotted key path: key names at every level, depth, value types, value length
 * and the leaf-pair count.
 */
import type { Violation, WebhookLimits } from '../../shared/webhook-types.ts';
import type { VarObject } from '../../shared/variables.ts';
import { checkKey, checkLength, setOwn } from './value-rules.ts';

type Limits = Pick<WebhookLimits, 'maxKeys' | 'maxValueLength' | 'maxDepth'>;

/** The checked object (arrays, nulls and non-finite numbers left out) and what was wrong. */
export interface JsonCheck {
  value: VarObject;
  violations: Violation[];
}

interface Walk {
  limits: Limits;
  violations: Violation[];
  leaves: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(
  object: Record<string, unknown>,
  prefix: string,
  depth: number,
  state: Walk,
  deepReported: boolean,
): VarObject {
  const out: VarObject = {};
  for (const key of Object.keys(object)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const value = object[key];
    const badKey = checkKey(key, path);
    if (badKey !== null) state.violations.push(badKey);
    if (isObject(value)) {
      let reported = deepReported;
      if (depth + 1 > state.limits.maxDepth && !deepReported) {
        // Reported once, where the limit is first crossed; what lies deeper is the same problem.
        state.violations.push({
          code: 'too_deep',
          key: path,
          detail: `${depth + 1} > ${state.limits.maxDepth} levels of objects`,
        });
        reported = true;
      }
      setOwn(out, key, walk(value, path, depth + 1, state, reported));
      continue;
    }
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
  return out;
}

/**
 * Checks a parsed JSON object against the limits. The top-level object is level 1, so with
 * `maxDepth` 3 `{"a":{"b":{"c":1}}}` passes and one more level is `too_deep`.
 */
export function checkJsonObject(object: Record<string, unknown>, limits: Limits): JsonCheck {
  const state: Walk = { limits, violations: [], leaves: 0 };
  const value = walk(object, '', 1, state, false);
  if (state.leaves > limits.maxKeys) {
    state.violations.push({ code: 'too_many_keys', detail: `${state.leaves} > ${limits.maxKeys}` });
  }
  return { value, violations: state.violations };
}
