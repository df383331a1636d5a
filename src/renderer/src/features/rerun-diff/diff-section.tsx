/** One section of the re-run diff: a heading with its count of differing rows, and the table. */
import type { ReactElement, ReactNode } from 'react';
import type { DiffRowBase } from './diff-row-base.ts';
import { DiffRow } from './diff-row.tsx';

const RERUN_HEADING = 'Re-run (flow as it is now)';

/** What every section component takes. */
export interface SectionProps<Row extends DiffRowBase> {
  /** The heading's DOM id, which labels the section and its table. */
  id: string;
  /** The first divergence's own row id (`DiffView.firstDivergenceRowId`). */
  anchorId: string | null;
  rows: Row[];
}

/** One section: a heading and a table whose rows `children` fills (after the status cell). */
export function DiffSection<Row extends DiffRowBase>(
  props: SectionProps<Row> & {
    title: string;
    note?: string;
    rowHeader?: string;
    empty?: string;
    children: (row: Row) => ReactNode;
  },
): ReactElement {
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
