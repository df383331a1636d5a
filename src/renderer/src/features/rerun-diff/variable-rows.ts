/**
 * The variables section: each variable's final value in both calls, by name, leaving out the
 * per-call ones as the comparison does.
 */
import type { Difference, RerunReport } from '../../../../shared/rerun/rerun-types.ts';
import { PER_CALL_VARIABLES } from '../../../../shared/variables.ts';
import type { VarValue } from '../../../../shared/variables.ts';
import { fullValue, isFirst } from './diff-row-base.ts';
import type { DiffRowBase, RowStatus } from './diff-row-base.ts';

/**
 * Variables that differ between any two calls by design, left out of the variables table as the
 * comparison leaves them out (the same list: src/shared/variables.ts).
 */
export { PER_CALL_VARIABLES };

/** A row of the variables section: a variable's final value on both sides (null = not set). */
export interface VariableRow extends DiffRowBase {
  name: string;
  original: string | null;
  rerun: string | null;
  /**
   * True when the values as written differ but are equal once per-call values (uuid, short id,
   * an overridden crm_base) are set aside: shown, but not a difference.
   */
  differsOnlyByPerCall: boolean;
}

/** A value as text that does not depend on key order, to tell values written differently. */
function canonicalText(value: VarValue | undefined): string {
  const sorted = (v: unknown): unknown =>
    v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
        )
      : v;
  return JSON.stringify(sorted(value ?? null));
}

/** One row per variable either call ended with, by name. */
export function variableRows(report: RerunReport, first: Difference | null): VariableRow[] {
  const a = report.original.variables;
  const b = report.rerun.variables;
  const perCall: ReadonlySet<string> = new Set(PER_CALL_VARIABLES);
  const differing = new Map<string, Difference>();
  for (const d of report.comparison.differences) {
    if (d.kind === 'variables' && d.key !== undefined) differing.set(d.key, d);
  }
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((name) => !perCall.has(name))
    .sort();
  return names.map((name) => {
    const was = Object.hasOwn(a, name) ? a[name] : undefined;
    const now = Object.hasOwn(b, name) ? b[name] : undefined;
    const difference = differing.get(name);
    const status: RowStatus = !difference
      ? 'same'
      : was === undefined
        ? 'added'
        : now === undefined
          ? 'removed'
          : 'changed';
    return {
      id: `variables-${name}`,
      status,
      firstDivergence: difference !== undefined && isFirst(difference, first),
      name,
      original: was === undefined ? null : fullValue(was),
      rerun: now === undefined ? null : fullValue(now),
      differsOnlyByPerCall: !difference && canonicalText(was) !== canonicalText(now),
    };
  });
}
