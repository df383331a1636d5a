/**
 * One dataset of the flow: its name (renamed in place), a table of its rows under the union of
 * their keys, cells committed on Enter or leaving them, rows and columns added and removed, and
 * "Paste CSV" to replace every row. Pasting several lines of tabbed or comma text onto the table
 * opens the paste area with that text, for the user to check before replacing.
 */
import { useState } from 'react';
import type { ClipboardEvent, ReactElement } from 'react';
import { CloseIcon, PlusIcon } from '../../../ui/icons.tsx';
import { AddNameLine } from './add-name-line.tsx';
import { CommitInput } from './commit-input.tsx';
import { CsvPaste } from './csv-paste.tsx';
import {
  addColumn,
  datasetColumns,
  emptyRow,
  plainNameProblem,
  removeColumn,
  renameKey,
  valueText,
} from './flow-data-values.ts';
import { typeCell } from './parse-csv.ts';
import { isObject } from '../raw-json.ts';

type OnSet = (path: (string | number)[], value: unknown) => void;

/** Props of {@link DatasetTable}. */
export interface DatasetTableProps {
  name: string;
  /** The flow's whole `datasets` object (a rename rewrites it, keeping order). */
  datasets: Record<string, unknown>;
  onSet: OnSet;
}

/** Text on the clipboard that looks like a table: several lines, with tabs or commas. */
const looksLikeTable = (text: string): boolean => /\r?\n./.test(text.trim()) && /[\t,]/.test(text);

/** The name field of the dataset: commits on Enter or leaving it, refused names say why. */
function DatasetName({ name, datasets, onSet }: DatasetTableProps): ReactElement {
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(name);
  if (shown !== name) {
    setShown(name);
    setError(null);
  }
  const rename = (text: string): void => {
    const to = text.trim();
    if (to === name) return setError(null);
    const others = Object.keys(datasets).filter((key) => key !== name);
    const problem = plainNameProblem(to, others, 'dataset');
    setError(problem);
    if (!problem) onSet(['datasets'], renameKey(datasets, name, to));
  };
  return (
    <div className="flow-data__dataset-name">
      <CommitInput
        label={`Name of dataset ${name}`}
        initial={name}
        className="flow-data__input"
        invalid={error !== null}
        onCommit={rename}
      />
      {error && (
        <p className="flow-data__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The dataset's section. */
export function DatasetTable({ name, datasets, onSet }: DatasetTableProps): ReactElement {
  const value = datasets[name];
  const rows: unknown[] = Array.isArray(value) ? value : [];
  const columns = datasetColumns(rows);
  const [csv, setCsv] = useState<string | null>(null);
  // Keyed by place (a rename keeps focus): text pasted for one dataset never carries over to
  // another that takes its place after a removal.
  const [shownName, setShownName] = useState(name);
  if (shownName !== name) {
    setShownName(name);
    setCsv(null);
  }

  const commitCell = (index: number, column: string, shown: string, text: string): void => {
    if (text === shown) return;
    onSet(['datasets', name, index, column], typeCell(text));
  };
  const onPaste = (event: ClipboardEvent<HTMLElement>): void => {
    const text = event.clipboardData.getData('text/plain');
    if (!looksLikeTable(text)) return;
    event.preventDefault();
    setCsv(text);
  };

  return (
    <section className="flow-data__dataset" aria-label={`Dataset ${name}`}>
      <div className="flow-data__dataset-head">
        <DatasetName name={name} datasets={datasets} onSet={onSet} />
        <button
          type="button"
          className="button button--small"
          aria-expanded={csv !== null}
          onClick={() => setCsv(csv === null ? '' : null)}
        >
          Paste CSV<span className="visually-hidden"> into {name}</span>
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Remove dataset ${name}`}
          title={`Remove dataset ${name}`}
          onClick={() => onSet(['datasets', name], undefined)}
        >
          <CloseIcon size={14} />
        </button>
      </div>
      {!Array.isArray(value) && (
        <p className="note note--error">
          This dataset is not a list of rows: replace its rows, or remove it.
        </p>
      )}
      <div className="flow-data__scroll" onPaste={onPaste}>
        <table className="flow-data__table flow-data__table--rows">
          <caption className="visually-hidden">Dataset {name}</caption>
          <thead>
            <tr>
              <th scope="col" className="flow-data__row-number">
                #
              </th>
              {columns.map((column) => (
                <th scope="col" key={column}>
                  <span className="flow-data__column">
                    <span className="flow-data__column-name">{column}</span>
                    <button
                      type="button"
                      className="icon-button flow-data__column-remove"
                      aria-label={`Remove column ${column} of ${name}`}
                      title={`Remove column ${column}`}
                      onClick={() => onSet(['datasets', name], removeColumn(rows, column))}
                    >
                      <CloseIcon size={12} />
                    </button>
                  </span>
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length + 2} className="muted flow-data__empty">
                  No rows yet: add a column, or paste CSV.
                </td>
              </tr>
            )}
            {rows.map((row, index) => (
              <tr key={index}>
                <th scope="row" className="flow-data__row-number">
                  {index + 1}
                </th>
                {columns.map((column) => {
                  const shown = isObject(row) ? valueText(row[column]) : '';
                  return (
                    <td key={column}>
                      <CommitInput
                        label={`${column}, row ${index + 1} of ${name}`}
                        initial={shown}
                        className="flow-data__input"
                        onCommit={(text) => commitCell(index, column, shown, text)}
                      />
                    </td>
                  );
                })}
                <td className="flow-data__remove">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove row ${index + 1} of ${name}`}
                    title={`Remove row ${index + 1}`}
                    onClick={() => onSet(['datasets', name, index], undefined)}
                  >
                    <CloseIcon size={14} />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flow-data__buttons">
        <button
          type="button"
          className="button button--small"
          disabled={columns.length === 0}
          title={columns.length === 0 ? 'Add a column first' : undefined}
          onClick={() => onSet(['datasets', name], [...rows, emptyRow(columns)])}
        >
          <PlusIcon size={14} />
          Add row<span className="visually-hidden"> to {name}</span>
        </button>
      </div>
      <AddNameLine
        label={`New column for ${name}`}
        placeholder="column"
        action={
          <>
            Add column<span className="visually-hidden"> to {name}</span>
          </>
        }
        problemOf={(column) => plainNameProblem(column, columns, 'column')}
        onAdd={(column) => onSet(['datasets', name], addColumn(rows, column))}
      />
      {csv !== null && (
        <CsvPaste
          dataset={name}
          text={csv}
          onTextChange={setCsv}
          onReplace={(parsed) => onSet(['datasets', name], parsed)}
          onClose={() => setCsv(null)}
        />
      )}
    </section>
  );
}
