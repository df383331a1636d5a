/** A row of any section of the re-run diff: its status cell, then the section's own cells. */
import type { ReactElement, ReactNode } from 'react';
import type { DiffRowBase } from './diff-row-base.ts';
import { STATUS } from './row-status.ts';

/**
 * A table row with its status cell. The first divergence's own row is the anchor (class, data
 * attribute, focusable for the jump); the other rows of the same difference are tinted with it.
 */
export function DiffRow({
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
