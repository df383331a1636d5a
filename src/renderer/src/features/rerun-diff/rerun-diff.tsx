/**
 * Re-run with diff: a logged call and its re-run through the flow as it is now, side by side per
 * section (path, spoken text, webhooks, variables, outcome), the first divergence highlighted and
 * scrolled to. Differences are marked by colour and by a text marker, never by colour alone.
 */
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import type { ReactElement } from 'react';
import type { RerunReport } from '../../../../shared/rerun/rerun-types.ts';
import { buildDiffView } from './diff-rows.ts';
import { OutcomeSection } from './outcome-section.tsx';
import { RerunDiffHeader } from './rerun-diff-header.tsx';
import { SequenceSection } from './sequence-section.tsx';
import { showFirst } from './show-first.ts';
import { VariablesSection } from './variables-section.tsx';
import { WebhooksSection } from './webhooks-section.tsx';
// In the cascade's order: the view's frame, then the tables, then the webhook fields inside them.
import './rerun-diff.css';
import './diff-table.css';
import './webhook-fields.css';

/** Props of {@link RerunDiff}. */
export interface RerunDiffProps {
  report: RerunReport;
  /** Opens a logged session; with it, a re-run that was logged gets a button to open it. */
  onOpenSession?: (id: string) => void;
}

/** The whole view: the header over the scrolling sections. */
export function RerunDiff({ report, onOpenSession }: RerunDiffProps): ReactElement {
  const view = useMemo(() => buildDiffView(report), [report]);
  const rootRef = useRef<HTMLDivElement>(null);
  const ids = useId();

  // On mount (and for each new report) the first divergence is what a person wants to see.
  useEffect(() => showFirst(rootRef.current, false), [view]);
  const jump = useCallback(() => showFirst(rootRef.current, true), []);

  const { sections } = view;
  const anchorId = view.firstDivergenceRowId;
  return (
    <div className="rerun-diff" ref={rootRef} data-testid="rerun-diff">
      <RerunDiffHeader report={report} view={view} onJump={jump} onOpenSession={onOpenSession} />
      <div className="rerun-diff__body">
        <SequenceSection kind="path" id={`${ids}-path`} anchorId={anchorId} rows={sections.path} />
        <SequenceSection
          kind="spoken"
          id={`${ids}-spoken`}
          anchorId={anchorId}
          rows={sections.spoken}
        />
        <WebhooksSection id={`${ids}-webhooks`} anchorId={anchorId} rows={sections.webhooks} />
        <VariablesSection id={`${ids}-variables`} anchorId={anchorId} rows={sections.variables} />
        <OutcomeSection id={`${ids}-outcome`} anchorId={anchorId} rows={sections.outcome} />
      </div>
    </div>
  );
}
