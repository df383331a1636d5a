/**
 * What every row of the re-run diff has, whatever its section: how it compares and whether the
 * comparison's first divergence is about it.
 */
import type { Difference } from '../../../../shared/rerun/rerun-types.ts';
import type { VarMap, VarValue } from '../../../../shared/variables.ts';

/** How a row compares: `added` is in the re-run only, `removed` in the original only. */
export type RowStatus = 'same' | 'changed' | 'added' | 'removed';

/** What every row has. */
export interface DiffRowBase {
  /** Unique across all sections (`path-3`, `variables-balance`): a React key and a DOM id. */
  id: string;
  status: RowStatus;
  /** True on the row(s) the comparison's first divergence is about. */
  firstDivergence: boolean;
}

/**
 * Whether `d` is the first divergence, compared by content: the report may be a structured clone,
 * so the same difference is not the same object.
 */
export function isFirst(d: Difference, first: Difference | null): boolean {
  return (
    first !== null &&
    d.kind === first.kind &&
    d.index === first.index &&
    d.rerunIndex === first.rerunIndex &&
    d.key === first.key
  );
}

/**
 * A value in full, as JSON (strings quoted). Not `showValue`: that clips long values for a
 * sentence, and a clipped cell could hide the very part that differs.
 */
export function fullValue(value: VarValue | VarMap): string {
  return JSON.stringify(value);
}
