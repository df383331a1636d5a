/** How each row status reads: the marker shows at a glance, the words say it (not colour alone). */
import type { RowStatus } from './diff-row-base.ts';

/** Marker, words and tooltip per status. */
export const STATUS: Record<RowStatus, { mark: string; text: string; title: string }> = {
  same: { mark: '=', text: 'same', title: 'The same in both calls' },
  changed: { mark: '≠', text: 'changed', title: 'Different in the re-run' },
  added: { mark: '+', text: 'added', title: 'Only in the re-run' },
  removed: { mark: '−', text: 'removed', title: 'Only in the original' },
};

/** A cell's modifier classes for a side of a row that differs, or none. */
export function sideClass(status: RowStatus, side: 'original' | 'rerun', present: boolean): string {
  if (!present) return 'diff-cell diff-cell--gap';
  if (status === 'changed') return 'diff-cell diff-cell--changed';
  if (status === 'added' && side === 'rerun') return 'diff-cell diff-cell--added';
  if (status === 'removed' && side === 'original') return 'diff-cell diff-cell--removed';
  return 'diff-cell';
}
