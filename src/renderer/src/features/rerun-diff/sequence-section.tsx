/** The path and spoken-text sections: numbered nodes or prompts side by side, gaps hatched. */
import type { ReactElement } from 'react';
import { CellMark, Gap } from './diff-cell-parts.tsx';
import { DiffSection } from './diff-section.tsx';
import type { SectionProps } from './diff-section.tsx';
import { sideClass } from './row-status.ts';
import type { SequenceKind, SequenceRow } from './sequence-rows.ts';

/** Each sequence's heading, what an empty one says, and what a gap says (`not entered originally`). */
const SEQUENCES: Record<SequenceKind, { title: string; empty: string; gap: string }> = {
  path: { title: 'Path', empty: 'No nodes entered.', gap: 'not entered' },
  spoken: { title: 'Spoken text', empty: 'Nothing was said.', gap: 'not said' },
};

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

/** The path (`kind` 'path') or the spoken text ('spoken') of both calls. */
export function SequenceSection({
  kind,
  ...props
}: SectionProps<SequenceRow> & { kind: SequenceKind }): ReactElement {
  const { title, empty, gap } = SEQUENCES[kind];
  return (
    <DiffSection {...props} title={title} empty={empty}>
      {(row) => <SequenceCells row={row} gap={gap} />}
    </DiffSection>
  );
}
