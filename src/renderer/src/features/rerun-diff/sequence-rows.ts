/**
 * The path and spoken-text sections: two sequences (nodes entered, prompts said) aligned around
 * the comparison's hunks, so an inserted node is one row facing a gap and every later step stays
 * level with its counterpart.
 */
import type { Difference, RerunReport } from '../../../../shared/rerun/rerun-types.ts';
import { isFirst } from './diff-row-base.ts';
import type { DiffRowBase, RowStatus } from './diff-row-base.ts';

/** A row of the path or spoken-text section: one node or prompt per side, or a gap (null). */
export interface SequenceRow extends DiffRowBase {
  /** 1-based position in each call (the step or prompt number people read), null in a gap. */
  originalNumber: number | null;
  rerunNumber: number | null;
  original: string | null;
  rerun: string | null;
}

/** The sections drawn as sequences; each is also the kind of difference that reports on it. */
export type SequenceKind = 'path' | 'spoken';

/** A run of differing items, as a path or spoken difference reports it. */
interface SequenceHunk {
  index: number;
  rerunIndex: number;
  original: string[];
  rerun: string[];
  first: boolean;
}

function strings(items: unknown): string[] {
  return Array.isArray(items) ? items.map(String) : [];
}

function hunksOf(
  differences: readonly Difference[],
  kind: SequenceKind,
  first: Difference | null,
): SequenceHunk[] {
  return differences
    .filter((d) => d.kind === kind)
    .map((d) => ({
      index: d.index ?? 0,
      rerunIndex: d.rerunIndex ?? 0,
      original: strings(d.original),
      rerun: strings(d.rerun),
      first: isFirst(d, first),
    }))
    .sort((x, y) => x.index - y.index || x.rerunIndex - y.rerunIndex);
}

/**
 * Aligns two sequences around the comparison's hunks: items between hunks pair up as the same;
 * inside a hunk they pair up as changed, and the longer side's extra items face a gap.
 */
function alignSequence(
  prefix: string,
  original: readonly string[],
  rerun: readonly string[],
  hunks: readonly SequenceHunk[],
): SequenceRow[] {
  const rows: SequenceRow[] = [];
  let i = 0;
  let j = 0;
  const push = (a: number | null, b: number | null, status: RowStatus, first: boolean): void => {
    rows.push({
      id: `${prefix}-${rows.length}`,
      status,
      firstDivergence: first,
      originalNumber: a === null ? null : a + 1,
      rerunNumber: b === null ? null : b + 1,
      original: a === null ? null : (original[a] ?? null),
      rerun: b === null ? null : (rerun[b] ?? null),
    });
  };
  /** Pairs the equal items up to `endA` / `endB`; a mismatch in counts (never expected) faces gaps. */
  const pairUpTo = (endA: number, endB: number): void => {
    while (i < endA && j < endB) push(i++, j++, 'same', false);
    while (i < endA) push(i++, null, 'removed', false);
    while (j < endB) push(null, j++, 'added', false);
  };
  for (const hunk of hunks) {
    pairUpTo(hunk.index, hunk.rerunIndex);
    const length = Math.max(hunk.original.length, hunk.rerun.length);
    for (let k = 0; k < length; k++) {
      const a = k < hunk.original.length ? i++ : null;
      const b = k < hunk.rerun.length ? j++ : null;
      push(a, b, a === null ? 'added' : b === null ? 'removed' : 'changed', hunk.first);
    }
  }
  pairUpTo(original.length, rerun.length);
  return rows;
}

/** The aligned rows of the path (`kind` 'path') or the spoken text ('spoken') of both calls. */
export function sequenceRows(
  report: RerunReport,
  kind: SequenceKind,
  first: Difference | null,
): SequenceRow[] {
  return alignSequence(
    kind,
    report.original[kind],
    report.rerun[kind],
    hunksOf(report.comparison.differences, kind, first),
  );
}
