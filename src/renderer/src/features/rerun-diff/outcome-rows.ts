/** The outcome section: how each call ended, field by field. */
import type { Difference, RerunReport, RunRecord } from '../../../../shared/rerun/rerun-types.ts';
import { isFirst } from './diff-row-base.ts';
import type { DiffRowBase } from './diff-row-base.ts';

/** The outcome fields compared, in the order shown, each with its label and its text. */
const OUTCOME_FIELDS = [
  {
    field: 'outcome',
    label: 'Outcome',
    text: (record: RunRecord): string => record.outcome ?? 'never ended',
  },
  {
    field: 'endedBy',
    label: 'Ended by',
    text: (record: RunRecord): string => record.endedBy ?? '(none)',
  },
  {
    field: 'transferTarget',
    label: 'Transferred to',
    text: (record: RunRecord): string => record.transferTarget ?? '(none)',
  },
  {
    field: 'error',
    label: 'Error',
    text: (record: RunRecord): string =>
      record.error
        ? `${record.error.code}${record.error.node ? ` at ${record.error.node}` : ''}`
        : '(none)',
  },
] as const;

/** An outcome field compared. */
export type OutcomeField = (typeof OUTCOME_FIELDS)[number]['field'];

/** A row of the outcome section: one field of how each call ended. */
export interface OutcomeRow extends DiffRowBase {
  field: OutcomeField;
  label: string;
  original: string;
  rerun: string;
}

/** Outcome and who ended the call always; a transfer target or an error where either call had one. */
export function outcomeRows(report: RerunReport, first: Difference | null): OutcomeRow[] {
  const differing = new Map<string, Difference>();
  for (const d of report.comparison.differences) {
    if (d.kind === 'outcome' && d.key !== undefined) differing.set(d.key, d);
  }
  return OUTCOME_FIELDS.filter(({ field }) => {
    // Transfer target and error are noise when neither call had one.
    if (field === 'outcome' || field === 'endedBy' || differing.has(field)) return true;
    return report.original[field] !== null || report.rerun[field] !== null;
  }).map(({ field, label, text }) => {
    const difference = differing.get(field);
    return {
      id: `outcome-${field}`,
      status: difference ? 'changed' : 'same',
      firstDivergence: difference !== undefined && isFirst(difference, first),
      field,
      label,
      original: text(report.original),
      rerun: text(report.rerun),
    };
  });
}
