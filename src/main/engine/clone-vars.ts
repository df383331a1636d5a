/**
 * Copies of variable values, taken wherever the engine hands its state out (events, webhook
 * snapshots, the result). `structuredClone` did this at a cost that showed in a load run's profile
 * (a tenth of its CPU at ten thousand calls a second); variable values are only scalars and plain
 * objects, which a direct copy handles in a fraction of that. The copy walks with a stack of its
 * own, so no nesting a flow file can hold overflows the call stack.
 */
import type { VarMap, VarObject, VarValue } from '../../shared/variables.ts';
import { setOwn } from './set-own.ts';

/** Stores `value` under `key`; a key named `__proto__` stays a key, never the prototype. */
function put(target: VarObject, key: string, value: VarValue): void {
  if (key === '__proto__') setOwn(target, key, value);
  else target[key] = value;
}

/** A fresh container for `value`: an array stays one (not a variable value, but kept if given). */
function emptyLike(value: object): VarObject {
  return (Array.isArray(value) ? [] : {}) as VarObject;
}

/** A deep copy of `value`. */
export function cloneVarValue(value: VarValue): VarValue {
  if (typeof value !== 'object' || value === null) return value;
  const root = emptyLike(value);
  const pending: [VarObject, VarObject][] = [[value, root]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [from, to] = next;
    for (const key of Object.keys(from)) {
      const item = from[key] as VarValue;
      if (typeof item !== 'object' || item === null) {
        put(to, key, item);
      } else {
        const copy = emptyLike(item);
        put(to, key, copy);
        pending.push([item, copy]);
      }
    }
  }
  return root;
}

/** A deep copy of a variable map. */
export function cloneVarMap(vars: Readonly<VarMap>): VarMap {
  return cloneVarValue(vars as VarObject) as VarMap;
}
