/**
 * Re-run with diff: a logged call and its re-run through the flow as it is now, side by side per
 * section (path, spoken text, webhooks, variables, outcome), the first divergence highlighted and
 * scrolled to. Differences are marked by colour and by a text marker, never by colour alone.
 */
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import type { ReactElement, ReactNode } from 'react';
import type { DifferenceKind, RerunReport } from '../../../../shared/rerun/rerun-types.ts';
import { buildDiffView } from './diff-rows.ts';
import type {
  DiffRowBase,
  DiffView,
  OutcomeRow,
  RowStatus,
  SequenceRow,
  VariableRow,
  WebhookRow,
} from './diff-rows.ts';
import './rerun-diff.css';

/** Props of {@link RerunDiff}. */
export interface RerunDiffProps {
  report: RerunReport;
  /** Opens a logged session; with it, a re-run that was logged gets a button to open it. */
  onOpenSession?: (id: string) => void;
}

const FIRST_SELECTOR = '[data-first-divergence="true"]';

const RERUN_HEADING = 'Re-run (flow as it is now)';

const KIND_LABELS: Record<DifferenceKind, string> = {
  path: 'the path',
  spoken: 'spoken text',
  webhook: 'webhooks',
  variables: 'variables',
  outcome: 'the outcome',
};

/** Marker and words per status: the marker shows at a glance, the words say it (not colour). */
const STATUS: Record<RowStatus, { mark: string; text: string; title: string }> = {
  same: { mark: '=', text: 'same', title: 'The same in both calls' },
  changed: { mark: '≠', text: 'changed', title: 'Different in the re-run' },
  added: { mark: '+', text: 'added', title: 'Only in the re-run' },
  removed: { mark: '−', text: 'removed', title: 'Only in the original' },
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function verdict(view: DiffView): string {
  const { summary } = view;
  if (summary.same) return 'Same as the original';
  return `${plural(summary.total, 'difference', 'differences')} — first: ${summary.firstDivergence ?? ''}`;
}

/**
 * Scrolls the first divergence to the middle of the view's own scrolling body; `focus` also moves
 * keyboard focus to it. The body is scrolled by hand: `scrollIntoView` would also scroll every
 * ancestor, the console's fixed layout included.
 */
function showFirst(root: HTMLElement | null, focus: boolean): void {
  const row = root?.querySelector<HTMLElement>(FIRST_SELECTOR);
  const body = root?.querySelector<HTMLElement>('.rerun-diff__body');
  if (!row || !body) return;
  if (body.scrollHeight > body.clientHeight) {
    const rowBox = row.getBoundingClientRect();
    const bodyBox = body.getBoundingClientRect();
    body.scrollTop +=
      rowBox.top - bodyBox.top - Math.max(0, (body.clientHeight - rowBox.height) / 2);
  } else if (typeof row.scrollIntoView === 'function') {
    // Mounted without a bounded height, the body does not scroll: let the page's container do it.
    row.scrollIntoView({ block: 'nearest' });
  }
  if (focus) row.focus({ preventScroll: true });
}

/** The whole view. */
export function RerunDiff({ report, onOpenSession }: RerunDiffProps): ReactElement {
  const view = useMemo(() => buildDiffView(report), [report]);
  const rootRef = useRef<HTMLDivElement>(null);
  const ids = useId();

  // On mount (and for each new report) the first divergence is what a person wants to see.
  useEffect(() => showFirst(rootRef.current, false), [view]);
  const jump = useCallback(() => showFirst(rootRef.current, true), []);

  const rerunSessionId = report.rerunSessionId;
  const { sections } = view;
  const anchorId = view.firstDivergenceRowId;
  return (
    <div className="rerun-diff" ref={rootRef} data-testid="rerun-diff">
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
            <button type="button" className="button button--small" onClick={jump}>
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
      <div className="rerun-diff__body">
        <Section
          id={`${ids}-path`}
          anchorId={anchorId}
          title="Path"
          rows={sections.path}
          empty="No nodes entered."
        >
          {(row) => <SequenceCells row={row} gap="not entered" />}
        </Section>
        <Section
          id={`${ids}-spoken`}
          anchorId={anchorId}
          title="Spoken text"
          rows={sections.spoken}
          empty="Nothing was said."
        >
          {(row) => <SequenceCells row={row} gap="not said" />}
        </Section>
        <Section
          id={`${ids}-webhooks`}
          anchorId={anchorId}
          title="Webhooks"
          rows={sections.webhooks}
          rowHeader="Webhook"
          empty="No webhooks in either call."
        >
          {(row) => <WebhookCells row={row} />}
        </Section>
        <Section
          id={`${ids}-variables`}
          anchorId={anchorId}
          title="Variables"
          note="Final values. The per-call uuid and short id are left out."
          rows={sections.variables}
          rowHeader="Variable"
          empty="No variables."
        >
          {(row) => <VariableCells row={row} />}
        </Section>
        <Section
          id={`${ids}-outcome`}
          anchorId={anchorId}
          title="Outcome"
          rows={sections.outcome}
          rowHeader="Field"
        >
          {(row) => <OutcomeCells row={row} />}
        </Section>
      </div>
    </div>
  );
}

/** One section: a heading and a table whose rows `children` fills (after the status cell). */
function Section<Row extends DiffRowBase>(props: {
  id: string;
  /** The first divergence's own row id (see {@link DiffView.firstDivergenceRowId}). */
  anchorId: string | null;
  title: string;
  note?: string;
  rows: Row[];
  rowHeader?: string;
  empty?: string;
  children: (row: Row) => ReactNode;
}): ReactElement {
  const differing = props.rows.filter((row) => row.status !== 'same').length;
  return (
    <section className="diff-section" aria-labelledby={props.id}>
      <h3 className="diff-section__title" id={props.id}>
        {props.title}{' '}
        {differing > 0 && (
          <span className="count count--alert">
            {differing}
            <span className="visually-hidden"> differing</span>
          </span>
        )}
      </h3>
      {props.note && <p className="diff-section__note muted">{props.note}</p>}
      {props.rows.length === 0 ? (
        <p className="diff-section__empty muted">{props.empty}</p>
      ) : (
        <table className="diff-table" aria-labelledby={props.id}>
          <thead>
            <tr>
              <th scope="col" className="diff-table__status">
                <span className="visually-hidden">Change</span>
              </th>
              {props.rowHeader && (
                <th scope="col" className="diff-table__key">
                  {props.rowHeader}
                </th>
              )}
              <th scope="col">Original</th>
              <th scope="col">{RERUN_HEADING}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <DiffRow key={row.id} row={row} anchor={row.id === props.anchorId}>
                {props.children(row)}
              </DiffRow>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
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

/**
 * A table row with its status cell. The first divergence's own row is the anchor (class, data
 * attribute, focusable for the jump); the other rows of the same difference are tinted with it.
 */
function DiffRow({
  row,
  anchor,
  children,
}: {
  row: DiffRowBase;
  anchor: boolean;
  children: ReactNode;
}): ReactElement {
  const status = STATUS[row.status];
  const className = [
    'diff-row',
    `diff-row--${row.status}`,
    anchor ? 'diff-row--first' : row.firstDivergence ? 'diff-row--in-first' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <tr
      className={className}
      data-status={row.status}
      data-first-divergence={anchor ? 'true' : undefined}
      tabIndex={anchor ? -1 : undefined}
    >
      <td className="diff-table__status" title={status.title}>
        <span className={`diff-status diff-status--${row.status}`}>
          <span aria-hidden="true">{status.mark}</span>
          {row.status === 'same' ? (
            <span className="visually-hidden"> {status.text}</span>
          ) : (
            <span> {status.text}</span>
          )}
        </span>
        {anchor && <span className="diff-first-tag">First divergence</span>}
      </td>
      {children}
    </tr>
  );
}

/** A cell's modifier class for a side of a row that differs, or none. */
function sideClass(status: RowStatus, side: 'original' | 'rerun', present: boolean): string {
  if (!present) return 'diff-cell diff-cell--gap';
  if (status === 'changed') return 'diff-cell diff-cell--changed';
  if (status === 'added' && side === 'rerun') return 'diff-cell diff-cell--added';
  if (status === 'removed' && side === 'original') return 'diff-cell diff-cell--removed';
  return 'diff-cell';
}

/** The marker inside a differing cell: the same information as its colour. */
function CellMark({ status }: { status: RowStatus }): ReactElement | null {
  if (status === 'same') return null;
  return (
    <span className="diff-mark" aria-hidden="true">
      {STATUS[status].mark}
    </span>
  );
}

function Gap({ text }: { text: string }): ReactElement {
  return <span className="diff-gap">— {text}</span>;
}

function SequenceCells({ row, gap }: { row: SequenceRow; gap: string }): ReactElement {
  const side = (number: number | null, text: string | null, which: 'original' | 'rerun') => (
    <td className={sideClass(row.status, which, text !== null)}>
      {text === null ? (
        <Gap text={`${gap} ${which === 'original' ? 'originally' : 'in the re-run'}`} />
      ) : (
        <span className="diff-line">
          <CellMark status={row.status} />
          <span className="diff-num">{number}</span>
          <span className="diff-value">{text}</span>
        </span>
      )}
    </td>
  );
  return (
    <>
      {side(row.originalNumber, row.original, 'original')}
      {side(row.rerunNumber, row.rerun, 'rerun')}
    </>
  );
}

function WebhookCells({ row }: { row: WebhookRow }): ReactElement {
  const side = (which: 'original' | 'rerun') => {
    const number = which === 'original' ? row.originalNumber : row.rerunNumber;
    return (
      // A changed exchange is marked field by field, not as a whole cell.
      <td
        className={sideClass(
          row.status === 'changed' ? 'same' : row.status,
          which,
          number !== null,
        )}
      >
        {number === null ? (
          <Gap text={which === 'original' ? 'not sent originally' : 'not sent in the re-run'} />
        ) : (
          <>
            {/* One side only: the whole exchange is the difference, marked like a row's cells. */}
            {(row.status === 'added' || row.status === 'removed') && (
              <p className="diff-line diff-side-note">
                <CellMark status={row.status} />
                {which === 'original' ? 'only in the original' : 'only in the re-run'}
              </p>
            )}
            <dl className="diff-fields">
              {row.fields.map((field) => (
                <div
                  key={field.key}
                  className={`diff-field${field.changed ? ' diff-field--changed' : ''}`}
                >
                  <dt>{field.label}</dt>
                  <dd className="diff-line">
                    {field.changed && (
                      <span className="diff-mark" title="Different in the re-run">
                        ≠<span className="visually-hidden"> changed:</span>
                      </span>
                    )}
                    <span className="diff-value">
                      {field[which]}
                      {field.differsOnlyByPerCall && <PerCallNote />}
                    </span>
                  </dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </td>
    );
  };
  return (
    <>
      <th scope="row" className="diff-table__key">
        <span className="diff-value">{row.node}</span>
        {row.onHangup && <span className="tag tag--hangup">on hang-up</span>}
      </th>
      {side('original')}
      {side('rerun')}
    </>
  );
}

function VariableCells({ row }: { row: VariableRow }): ReactElement {
  const side = (text: string | null, which: 'original' | 'rerun') => (
    <td className={sideClass(row.status, which, text !== null)}>
      {text === null ? (
        <Gap text="not set" />
      ) : (
        <span className="diff-line">
          <CellMark status={row.status} />
          <span className="diff-value">{text}</span>
        </span>
      )}
    </td>
  );
  return (
    <>
      <th scope="row" className="diff-table__key">
        <span className="diff-value">{row.name}</span>
        {row.differsOnlyByPerCall && <PerCallNote />}
      </th>
      {side(row.original, 'original')}
      {side(row.rerun, 'rerun')}
    </>
  );
}

/** Why a value written differently is not marked as a difference. */
function PerCallNote(): ReactElement {
  return (
    <span
      className="diff-per-call"
      title="Written differently only because of per-call values (uuid, short id, an overridden crm_base): not a difference"
    >
      differs only by per-call values
    </span>
  );
}

function OutcomeCells({ row }: { row: OutcomeRow }): ReactElement {
  const side = (text: string, which: 'original' | 'rerun') => (
    <td className={sideClass(row.status, which, true)}>
      <span className="diff-line">
        <CellMark status={row.status} />
        <span className="diff-value">{text}</span>
      </span>
    </td>
  );
  return (
    <>
      <th scope="row" className="diff-table__key">
        {row.label}
      </th>
      {side(row.original, 'original')}
      {side(row.rerun, 'rerun')}
    </>
  );
}
