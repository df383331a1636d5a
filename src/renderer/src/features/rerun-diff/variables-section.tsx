/** The variables section: each variable's final value in both calls. */
import type { ReactElement } from 'react';
import { CellMark, Gap, PerCallNote } from './diff-cell-parts.tsx';
import { DiffSection } from './diff-section.tsx';
import type { SectionProps } from './diff-section.tsx';
import { sideClass } from './row-status.ts';
import type { VariableRow } from './variable-rows.ts';

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

/** Both calls' final variables, by name. */
export function VariablesSection(props: SectionProps<VariableRow>): ReactElement {
  return (
    <DiffSection
      {...props}
      title="Variables"
      note="Final values. The per-call uuid and short id are left out."
      rowHeader="Variable"
      empty="No variables."
    >
      {(row) => <VariableCells row={row} />}
    </DiffSection>
  );
}
