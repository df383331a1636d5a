/** The outcome section: how each call ended, field by field. */
import type { ReactElement } from 'react';
import { CellMark } from './diff-cell-parts.tsx';
import { DiffSection } from './diff-section.tsx';
import type { SectionProps } from './diff-section.tsx';
import type { OutcomeRow } from './outcome-rows.ts';
import { sideClass } from './row-status.ts';

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

/** Both calls' outcome, who ended them, and any transfer target or error. */
export function OutcomeSection(props: SectionProps<OutcomeRow>): ReactElement {
  return (
    <DiffSection {...props} title="Outcome" rowHeader="Field">
      {(row) => <OutcomeCells row={row} />}
    </DiffSection>
  );
}
