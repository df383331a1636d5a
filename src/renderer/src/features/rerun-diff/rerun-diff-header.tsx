/**
 * The re-run diff's fixed header: the verdict, how many differences of each kind, how the re-run
 * ran (webhooks, keys fed, unused steps, flow) and the actions.
 */
import type { ReactElement } from 'react';
import type { DifferenceKind, RerunReport } from '../../../../shared/rerun/rerun-types.ts';
import type { DiffView } from './diff-rows.ts';

const KIND_LABELS: Record<DifferenceKind, string> = {
  path: 'the path',
  spoken: 'spoken text',
  webhook: 'webhooks',
  variables: 'variables',
  outcome: 'the outcome',
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function verdict(view: DiffView): string {
  const { summary } = view;
  if (summary.same) return 'Same as the original';
  return `${plural(summary.total, 'difference', 'differences')} — first: ${summary.firstDivergence ?? ''}`;
}

/** How many differences of each kind, for a sense of scale next to the verdict. */
function KindCounts({ view }: { view: DiffView }): ReactElement {
  const parts = (Object.keys(KIND_LABELS) as DifferenceKind[])
    .filter((kind) => view.summary.byKind[kind] > 0)
    .map((kind) => `${view.summary.byKind[kind]} in ${KIND_LABELS[kind]}`);
  return <p className="rerun-diff__counts muted">{parts.join(' · ')}</p>;
}

/** The caller's input as the CLI writes it (`12345#~1111, then hangs up`); `~` explained. */
function CallerKeys({ script }: { script: string }): ReactElement {
  return (
    <>
      <code className="rerun-diff__keys">{script}</code>
      {script.includes('~') && (
        <span className="muted"> (~ is a silence that let a wait time out)</span>
      )}
    </>
  );
}

/** Props of {@link RerunDiffHeader}. */
export interface RerunDiffHeaderProps {
  report: RerunReport;
  view: DiffView;
  /** Scrolls to and focuses the first divergence. */
  onJump: () => void;
  /** Opens a logged session; with it, a re-run that was logged gets a button to open it. */
  onOpenSession?: (id: string) => void;
}

/** The header above the sections. */
export function RerunDiffHeader({
  report,
  view,
  onJump,
  onOpenSession,
}: RerunDiffHeaderProps): ReactElement {
  const rerunSessionId = report.rerunSessionId;
  return (
    <header className="rerun-diff__header">
      <p
        className={`rerun-diff__verdict rerun-diff__verdict--${view.summary.same ? 'same' : 'different'}`}
        role="status"
        data-testid="rerun-diff-verdict"
      >
        <span className="rerun-diff__verdict-mark" aria-hidden="true">
          {view.summary.same ? '✓' : '≠'}
        </span>
        {/* Clamped: a webhook reply in the sentence can run long; the row shows it whole. */}
        <span className="rerun-diff__verdict-text" title={verdict(view)}>
          {verdict(view)}
        </span>
      </p>
      {!view.summary.same && <KindCounts view={view} />}
      <dl className="rerun-diff__facts">
        <div>
          <dt>Webhooks</dt>
          <dd>{report.mode === 'mock' ? 'recorded replies' : 'live webhooks'}</dd>
        </div>
        <div>
          <dt>Keys fed</dt>
          <dd>
            <CallerKeys script={report.script} />
          </dd>
        </div>
        <div>
          <dt>Unused steps</dt>
          <dd>
            {report.unusedSteps === 0
              ? 'none'
              : `${report.unusedSteps} (the flow now asks for less)`}
          </dd>
        </div>
        <div>
          <dt>Flow</dt>
          <dd title={report.flowPath ?? undefined}>{report.flowId}</dd>
        </div>
      </dl>
      <div className="rerun-diff__actions">
        {view.firstDivergenceRowId !== null && (
          <button type="button" className="button button--small" onClick={onJump}>
            Jump to first divergence
          </button>
        )}
        {rerunSessionId && onOpenSession && (
          <button
            type="button"
            className="button button--small"
            onClick={() => onOpenSession(rerunSessionId)}
          >
            Open the re-run’s session
          </button>
        )}
      </div>
    </header>
  );
}
