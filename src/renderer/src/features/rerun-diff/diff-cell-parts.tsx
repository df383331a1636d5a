/** The small pieces inside the re-run diff's cells, shared by every section. */
import type { ReactElement } from 'react';
import type { RowStatus } from './diff-row-base.ts';
import { STATUS } from './row-status.ts';

/** The marker inside a differing cell: the same information as its colour. */
export function CellMark({ status }: { status: RowStatus }): ReactElement | null {
  if (status === 'same') return null;
  return (
    <span className="diff-mark" aria-hidden="true">
      {STATUS[status].mark}
    </span>
  );
}

/** What a side without the item shows, in words (the cell is hatched too). */
export function Gap({ text }: { text: string }): ReactElement {
  return <span className="diff-gap">— {text}</span>;
}

/** Why a value written differently is not marked as a difference. */
export function PerCallNote(): ReactElement {
  return (
    <span
      className="diff-per-call"
      title="Written differently only because of per-call values (uuid, short id, an overridden crm_base): not a difference"
    >
      differs only by per-call values
    </span>
  );
}
