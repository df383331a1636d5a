/**
 * A name/value table of an environment (variables, headers): a row per entry, each editable,
 * rows added and removed; read-only for a built-in environment.
 */
import type { ReactElement } from 'react';
import { CloseIcon, PlusIcon } from '../../ui/icons.tsx';
import type { DraftRow } from './environment-draft.ts';
import { emptyRow } from './environment-draft.ts';

/** Props of {@link KeyValueTable}. */
export interface KeyValueTableProps {
  /** One entry, in words (`variable`, `header`). */
  noun: string;
  rows: readonly DraftRow[];
  onChange?: (rows: DraftRow[]) => void;
  namePlaceholder?: string;
  valuePlaceholder?: string;
  /** Said when there is no row. */
  empty: string;
}

/** Edits an environment's variables or headers by row; without `onChange` it only shows them. */
export function KeyValueTable({
  noun,
  rows,
  onChange,
  namePlaceholder,
  valuePlaceholder,
  empty,
}: KeyValueTableProps): ReactElement {
  const update = (key: number, patch: Partial<DraftRow>) =>
    onChange?.(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const remove = (key: number) => onChange?.(rows.filter((row) => row.key !== key));
  const title = noun.charAt(0).toUpperCase() + noun.slice(1);

  return (
    <div className="kv-editor">
      {rows.length === 0 ? (
        <p className="muted kv-editor__empty">{empty}</p>
      ) : (
        <table className="kv-editor__table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              {onChange && (
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const which = row.name.trim() || `${noun} ${index + 1}`;
              return (
                <tr key={row.key}>
                  <td>
                    <input
                      type="text"
                      value={row.name}
                      readOnly={!onChange}
                      aria-label={`${title} ${index + 1} name`}
                      placeholder={namePlaceholder}
                      onChange={(e) => update(row.key, { name: e.target.value })}
                      autoComplete="off"
                      spellCheck={false}
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      value={row.value}
                      readOnly={!onChange}
                      aria-label={`Value of ${which}`}
                      placeholder={valuePlaceholder}
                      onChange={(e) => update(row.key, { value: e.target.value })}
                      autoComplete="off"
                      spellCheck={false}
                    />
                  </td>
                  {onChange && (
                    <td className="kv-editor__remove">
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={`Remove ${which}`}
                        title={`Remove ${which}`}
                        onClick={() => remove(row.key)}
                      >
                        <CloseIcon size={14} />
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {onChange && (
        <button
          type="button"
          className="button button--small kv-editor__add"
          onClick={() => onChange([...rows, emptyRow()])}
        >
          <PlusIcon size={14} />
          Add {noun}
        </button>
      )}
    </div>
  );
}
