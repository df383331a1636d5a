/**
 * A map field as a table: `headers`, `assign` and `match` (name and value text; values are
 * templates where the schema says so) and menu `options` (a DTMF key and the node it leads to).
 * Rows are added and removed; the field commits its whole object, in row order, on blur or Enter
 * of a text cell and on each change of a select, so a rename is one undo step.
 */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { CloseIcon, PlusIcon } from '../../../ui/icons.tsx';
import type { FieldSpec } from './node-fields.ts';
import type { MapRow } from './map-rows.ts';
import { freeMenuKey, MENU_KEYS, newRowId, objectOf, rowsOf } from './map-rows.ts';
import { TemplateInput } from './template-input.tsx';
import { commitOnEnter } from './use-draft.ts';

/** Props of {@link MapField}. */
export interface MapFieldProps {
  id: string;
  spec: FieldSpec;
  value: unknown;
  /** Sets the whole map; undefined removes an optional one. */
  onSet(value: Record<string, string> | undefined): void;
  nodeIds: readonly string[];
  variables: readonly string[];
}

/** The table and its Add button. */
export function MapField({
  id,
  spec,
  value,
  onSet,
  nodeIds,
  variables,
}: MapFieldProps): ReactElement {
  const menu = spec.kind === 'nodeRefMap';
  const signature = JSON.stringify(value ?? null);
  const [base, setBase] = useState(signature);
  const [rows, setRows] = useState(() => rowsOf(value));
  const [error, setError] = useState<string | null>(null);
  // Changed from outside (undo, a rename): show it. Our own commits set `base` first, so the rows
  // (and the focus in them) stay as they are when the commit comes back.
  if (signature !== base) {
    setBase(signature);
    setRows(rowsOf(value));
    setError(null);
  }

  const commit = (next: readonly MapRow[]): void => {
    const made = objectOf(next, menu);
    if ('error' in made) return setError(made.error);
    setError(null);
    const object =
      Object.keys(made.object).length === 0 && !spec.required ? undefined : made.object;
    const nextSignature = JSON.stringify(object ?? null);
    if (nextSignature === signature) return;
    setBase(nextSignature);
    onSet(object);
  };
  const update = (row: number, patch: Partial<MapRow>, andCommit: boolean): void => {
    const next = rows.map((entry) => (entry.id === row ? { ...entry, ...patch } : entry));
    setRows(next);
    if (andCommit) commit(next);
  };
  const remove = (row: number): void => {
    const next = rows.filter((entry) => entry.id !== row);
    setRows(next);
    commit(next);
  };
  const add = (): void => {
    setRows([...rows, { id: newRowId(), name: menu ? freeMenuKey(rows) : '', value: '' }]);
  };

  const name = spec.name;
  const columns = menu ? ['key', 'node'] : ['name', 'value'];
  return (
    <div className="prop-map">
      {rows.length === 0 ? (
        <p className="field__help">{menu ? 'No options yet.' : 'No rows yet.'}</p>
      ) : (
        <table className="prop-map__table">
          <thead>
            <tr>
              <th scope="col">{columns[0]}</th>
              <th scope="col">{columns[1]}</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const label = `${name} ${index + 1}`;
              return (
                <tr key={row.id} data-path={`${name}/${row.name}`}>
                  <td>
                    {menu ? (
                      <select
                        className="prop-input prop-input--mono"
                        aria-label={`${label} key`}
                        value={row.name}
                        onChange={(event) =>
                          update(row.id, { name: event.currentTarget.value }, true)
                        }
                      >
                        {!MENU_KEYS.includes(row.name) && (
                          <option value={row.name}>{row.name || '(key)'}</option>
                        )}
                        {MENU_KEYS.map((key) => (
                          <option key={key} value={key}>
                            {key}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input
                        type="text"
                        className="prop-input prop-input--mono"
                        aria-label={`${label} name`}
                        value={row.name}
                        spellCheck={false}
                        autoComplete="off"
                        onChange={(event) =>
                          update(row.id, { name: event.currentTarget.value }, false)
                        }
                        onBlur={() => commit(rows)}
                        onKeyDown={(event) => commitOnEnter(event, () => commit(rows))}
                      />
                    )}
                  </td>
                  <td>
                    {menu ? (
                      <select
                        className="prop-input prop-input--mono"
                        aria-label={`${label} node`}
                        value={row.value}
                        aria-invalid={
                          row.value !== '' && !nodeIds.includes(row.value) ? true : undefined
                        }
                        onChange={(event) =>
                          update(row.id, { value: event.currentTarget.value }, true)
                        }
                      >
                        {row.value === '' && <option value="">(choose a node)</option>}
                        {row.value !== '' && !nodeIds.includes(row.value) && (
                          <option value={row.value}>{row.value} (missing)</option>
                        )}
                        {nodeIds.map((nodeId) => (
                          <option key={nodeId} value={nodeId}>
                            {nodeId}
                          </option>
                        ))}
                      </select>
                    ) : spec.kind === 'templateMap' ? (
                      <TemplateInput
                        id={`${id}-${row.id}-value`}
                        ariaLabel={`${label} value`}
                        value={row.value}
                        variables={variables}
                        onCommit={(text) => update(row.id, { value: text }, true)}
                      />
                    ) : (
                      <input
                        type="text"
                        className="prop-input prop-input--mono"
                        aria-label={`${label} value`}
                        value={row.value}
                        spellCheck={false}
                        autoComplete="off"
                        onChange={(event) =>
                          update(row.id, { value: event.currentTarget.value }, false)
                        }
                        onBlur={() => commit(rows)}
                        onKeyDown={(event) => commitOnEnter(event, () => commit(rows))}
                      />
                    )}
                  </td>
                  <td className="prop-map__remove">
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove ${label}`}
                      title={`Remove ${label}`}
                      onClick={() => remove(row.id)}
                    >
                      <CloseIcon size={14} />
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {error && (
        <p className="prop-field__error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="button button--small"
        disabled={menu && freeMenuKey(rows) === ''}
        onClick={add}
      >
        <PlusIcon size={14} />
        {menu ? 'Add option' : 'Add row'}
        {!menu && <span className="visually-hidden"> to {name}</span>}
      </button>
    </div>
  );
}
