/** The re-run diff's verdict in numbers and words, from the comparison. */
import { describeDifference } from '../../../../shared/rerun/describe-difference.ts';
import type { DifferenceKind, RerunReport } from '../../../../shared/rerun/rerun-types.ts';

/** The verdict in numbers and words. */
export interface DiffSummary {
  same: boolean;
  /** How many differences in all. */
  total: number;
  byKind: Record<DifferenceKind, number>;
  /** The first divergence in one sentence, null when the calls are the same. */
  firstDivergence: string | null;
  firstDivergenceKind: DifferenceKind | null;
}

/** Counts and the first divergence's sentence. */
export function summarise(report: RerunReport): DiffSummary {
  const { differences, firstDivergence } = report.comparison;
  const byKind: Record<DifferenceKind, number> = {
    path: 0,
    spoken: 0,
    webhook: 0,
    variables: 0,
    outcome: 0,
  };
  for (const d of differences) byKind[d.kind]++;
  return {
    same: report.comparison.same,
    total: differences.length,
    byKind,
    firstDivergence: firstDivergence ? describeDifference(firstDivergence) : null,
    firstDivergenceKind: firstDivergence?.kind ?? null,
  };
}
