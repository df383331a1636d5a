/** The webhooks section: per exchange, the shown fields of each side, changed ones marked. */
import type { ReactElement } from 'react';
import { CellMark, Gap, PerCallNote } from './diff-cell-parts.tsx';
import { DiffSection } from './diff-section.tsx';
import type { SectionProps } from './diff-section.tsx';
import { sideClass } from './row-status.ts';
import { webhookFieldLabel } from './webhook-fields.ts';
import type { WebhookRow } from './webhook-rows.ts';

function WebhookSide({
  row,
  which,
}: {
  row: WebhookRow;
  which: 'original' | 'rerun';
}): ReactElement {
  const number = which === 'original' ? row.originalNumber : row.rerunNumber;
  return (
    // A changed exchange is marked field by field, not as a whole cell.
    <td
      className={sideClass(row.status === 'changed' ? 'same' : row.status, which, number !== null)}
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
                <dt>{webhookFieldLabel(field.key)}</dt>
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
}

function WebhookCells({ row }: { row: WebhookRow }): ReactElement {
  return (
    <>
      <th scope="row" className="diff-table__key">
        <span className="diff-value">{row.node}</span>
        {row.onHangup && <span className="tag tag--hangup">on hang-up</span>}
      </th>
      <WebhookSide row={row} which="original" />
      <WebhookSide row={row} which="rerun" />
    </>
  );
}

/** Both calls' webhook exchanges, matched pairs level. */
export function WebhooksSection(props: SectionProps<WebhookRow>): ReactElement {
  return (
    <DiffSection
      {...props}
      title="Webhooks"
      rowHeader="Webhook"
      empty="No webhooks in either call."
    >
      {(row) => <WebhookCells row={row} />}
    </DiffSection>
  );
}
