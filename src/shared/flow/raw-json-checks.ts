/**
 * Checks on a flow's parsed JSON before anything else reads it: keys that cannot be kept and
 * nesting too deep to walk safely. `__proto__` cannot be kept as a key of a parsed object
 * (assigning it changes the prototype), so a flow that uses it anywhere is refused rather than
 * silently losing it. Schema parsing, the engine and the UI all walk nested values, some
 * recursively; a flow nested thousands of levels deep (a few kilobytes of brackets) would
 * overflow their stacks, so the validator refuses it here, with an explicit stack and no
 * recursion of its own.
 */

/**
 * How deeply objects and arrays may nest in a flow file, the top-level object counting as the
 * first level. Real flows nest under 20; a branch condition still fits with its `all`/`any`
 * lists nested 29 deep. Documented in docs/flow-limits.md.
 */
export const MAX_FLOW_DEPTH = 64;

/** A problem found in the raw JSON, with the path of the offending key or value. */
export interface RawJsonProblem {
  path: (string | number)[];
  code: 'reserved-key' | 'too-deep';
  message: string;
}

/** A value still to visit; `parent` links let a path be built only when a problem needs one. */
interface Visit {
  value: unknown;
  key: string | number;
  parent: Visit | null;
  depth: number;
}

/**
 * Every `__proto__` key and every object or array nested deeper than `maxDepth` (reported once,
 * at its outermost too-deep level, without looking inside), in document order.
 */
export function checkRawJson(data: unknown, maxDepth = MAX_FLOW_DEPTH): RawJsonProblem[] {
  const problems: RawJsonProblem[] = [];
  const stack: Visit[] = [{ value: data, key: '', parent: null, depth: 1 }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    if (visit.key === '__proto__' && visit.parent !== null) {
      problems.push({
        path: pathOf(visit),
        code: 'reserved-key',
        message: '"__proto__" is reserved and cannot be used as a key',
      });
    }
    const { value } = visit;
    if (typeof value !== 'object' || value === null) continue;
    if (visit.depth > maxDepth) {
      problems.push({
        path: pathOf(visit),
        code: 'too-deep',
        message: `nested deeper than ${maxDepth} levels of objects and arrays`,
      });
      continue;
    }
    const isArray = Array.isArray(value);
    const keys = Object.keys(value);
    // Pushed last first, so they are visited (and reported) in document order.
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const inner = (value as Record<string, unknown>)[key];
      if (key !== '__proto__' && (typeof inner !== 'object' || inner === null)) continue;
      stack.push({
        value: inner,
        key: isArray ? Number(key) : key,
        parent: visit,
        depth: visit.depth + 1,
      });
    }
  }
  return problems;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}
