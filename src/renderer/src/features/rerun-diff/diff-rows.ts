/**
 * A re-run report as aligned side-by-side rows, one table per section (path, spoken text,
 * webhooks, variables, outcome), for the re-run diff view. Pure: no React, no DOM. Each section's
 * rows are built in a file of its own (sequence-rows, webhook-rows, variable-rows, outcome-rows).
 *
 * The comparison in main already aligned both calls (longest common subsequence) and normalised
 * the per-call values (uuid, short id, an overridden crm_base). Its differences are the truth
 * here: rows are aligned from their `index` / `rerunIndex` and marked changed only where a
 * difference says so, never by comparing raw values again, so the view and the CLI never disagree.
 */
import type { RerunReport } from '../../../../shared/rerun/rerun-types.ts';
import type { DiffRowBase } from './diff-row-base.ts';
import { summarise } from './diff-summary.ts';
import type { DiffSummary } from './diff-summary.ts';
import { outcomeRows } from './outcome-rows.ts';
import type { OutcomeRow } from './outcome-rows.ts';
import { sequenceRows } from './sequence-rows.ts';
import type { SequenceRow } from './sequence-rows.ts';
import { variableRows } from './variable-rows.ts';
import type { VariableRow } from './variable-rows.ts';
import { webhookRows } from './webhook-rows.ts';
import type { WebhookRow } from './webhook-rows.ts';

/** Every section's rows. */
export interface DiffSections {
  path: SequenceRow[];
  spoken: SequenceRow[];
  webhooks: WebhookRow[];
  variables: VariableRow[];
  outcome: OutcomeRow[];
}

/** What the view draws. */
export interface DiffView {
  summary: DiffSummary;
  sections: DiffSections;
  /** The id of the first row marked {@link DiffRowBase.firstDivergence}, null when same. */
  firstDivergenceRowId: string | null;
}

/** Builds every section's aligned rows and the summary from a report. */
export function buildDiffView(report: RerunReport): DiffView {
  const first = report.comparison.firstDivergence ?? null;
  const sections: DiffSections = {
    path: sequenceRows(report, 'path', first),
    spoken: sequenceRows(report, 'spoken', first),
    webhooks: webhookRows(report, first),
    variables: variableRows(report, first),
    outcome: outcomeRows(report, first),
  };
  // One difference is the first, so the flagged rows all sit in one section: the first found leads.
  const all: DiffRowBase[] = [
    ...sections.path,
    ...sections.spoken,
    ...sections.webhooks,
    ...sections.variables,
    ...sections.outcome,
  ];
  return {
    summary: summarise(report),
    sections,
    firstDivergenceRowId: all.find((row) => row.firstDivergence)?.id ?? null,
  };
}
