/**
 * The flow's top-level `variables` as a table of name / type / value: add, rename (in place,
 * keeping key order), retype, edit and remove. Each commit is one `onSet`, so one undo step; a
 * refused name or value says why under its cell and changes nothing.
 */
import { useId, useState } from 'react';
import type { ReactElement } from 'react';
import { CloseIcon } from '../../../ui/icons.tsx';
import { CommitInput } from './commit-input.tsx';
import {
  convertValue,
  kindOf,
  parseValueText,
  renameKey,
  valueText,
  variableNameProblem,
} from './flow-data-values.ts';
import type { ValueKind } from './flow-data-values.ts';
import { AddNameLine } from './add-name-line.tsx';
import './flow-data.css';

type OnSet = (path: (string | number)[], value: unknown) => void;

/** Props of {@link VariablesTable}. */
export interface VariablesTableProps {
  /** The flow's `variables` object ({} when absent). */
  variables: Record<string, unknown>;
  /** Sets (undefined: removes) a value at `path` from the flow's root. */
  onSet: OnSet;
}

const KIND_LABELS: Record<ValueKind, string> = {
  text: 'text',
  number: 'number',
  boolean: 'true/false',
  object: 'JSON',
};

interface VariableRowProps {
  name: string;
  value: unknown;
  variables: Record<string, unknown>;
  onSet: OnSet;
}

/** One variable's row; its errors show under the row's cells. */
function VariableRow({ name, value, variables, onSet }: VariableRowProps): ReactElement {
  const errorId = useId();
  const [nameError, setNameError] = useState<string | null>(null);
  const [valueError, setValueError] = useState<string | null>(null);
  // A type picked that the value does not read as yet: the next value typed is read as it.
  const [pendingKind, setPendingKind] = useState<ValueKind | null>(null);
  // Rows are keyed by place (a rename keeps focus), so a row that now shows another variable or
  // value (a removal above it, an undo) drops what it said about the old one.
  const identity = `${name}\u0000${kindOf(value)}\u0000${valueText(value)}`;
  const [shown, setShown] = useState(identity);
  if (shown !== identity) {
    setShown(identity);
    setNameError(null);
    setValueError(null);
    setPendingKind(null);
  }
  const kind = pendingKind ?? kindOf(value);

  const rename = (text: string): void => {
    const to = text.trim();
    if (to === name) return setNameError(null);
    const problem = variableNameProblem(
      to,
      Object.keys(variables).filter((key) => key !== name),
    );
    setNameError(problem);
    if (!problem) onSet(['variables'], renameKey(variables, name, to));
  };
  const setValue = (next: unknown): void => {
    setValueError(null);
    setPendingKind(null);
    if (JSON.stringify(next) !== JSON.stringify(value)) onSet(['variables', name], next);
  };
  const commitText = (text: string): void => {
    const parsed = parseValueText(text, kind);
    if ('error' in parsed) setValueError(parsed.error);
    else setValue(parsed.value);
  };
  const retype = (to: ValueKind): void => {
    const converted = convertValue(value, to);
    if ('error' in converted) {
      setPendingKind(to);
      setValueError(converted.error);
    } else setValue(converted.value);
  };
  const error = nameError ?? valueError;

  return (
    <>
      <tr>
        <td>
          <CommitInput
            label={`Name of ${name}`}
            initial={name}
            className="flow-data__input"
            invalid={nameError !== null}
            describedBy={nameError ? errorId : undefined}
            onCommit={rename}
          />
        </td>
        <td>
          <select
            className="flow-data__input flow-data__type"
            aria-label={`Type of ${name}`}
            value={kind}
            onChange={(event) => retype(event.currentTarget.value as ValueKind)}
          >
            {Object.entries(KIND_LABELS).map(([option, label]) => (
              <option key={option} value={option}>
                {label}
              </option>
            ))}
          </select>
        </td>
        <td>
          {kind === 'boolean' ? (
            <select
              className="flow-data__input"
              aria-label={`Value of ${name}`}
              value={value === true ? 'true' : 'false'}
              onChange={(event) => setValue(event.currentTarget.value === 'true')}
            >
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          ) : (
            <CommitInput
              label={`Value of ${name}`}
              initial={valueText(value)}
              multiline={kind === 'object'}
              className="flow-data__input"
              invalid={valueError !== null}
              describedBy={valueError ? errorId : undefined}
              onCommit={commitText}
            />
          )}
        </td>
        <td className="flow-data__remove">
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove ${name}`}
            title={`Remove ${name}`}
            onClick={() => onSet(['variables', name], undefined)}
          >
            <CloseIcon size={14} />
          </button>
        </td>
      </tr>
      {error && (
        <tr className="flow-data__error-row">
          <td colSpan={4}>
            <p className="flow-data__error" id={errorId} role="alert">
              {error}
            </p>
          </td>
        </tr>
      )}
    </>
  );
}

/** The name field and button that add a variable (an empty text). */
function AddVariable({ variables, onSet }: VariablesTableProps): ReactElement {
  return (
    <AddNameLine
      label="New variable name"
      placeholder="new_variable"
      action="Add variable"
      problemOf={(name) => variableNameProblem(name, Object.keys(variables))}
      onAdd={(name) => onSet(['variables', name], '')}
    />
  );
}

/** The flow's variables: a row per variable, then the line that adds one. */
export function VariablesTable({ variables, onSet }: VariablesTableProps): ReactElement {
  const entries = Object.entries(variables);
  return (
    <div className="flow-data">
      <table className="flow-data__table flow-data__table--variables">
        <caption className="flow-data__caption">Variables</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Value</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 && (
            <tr>
              <td colSpan={4} className="muted flow-data__empty">
                No variables yet: add one below, then use it as <code>{'${name}'}</code>.
              </td>
            </tr>
          )}
          {entries.map(([name, value], index) => (
            // Keyed by place: renaming re-renders the row rather than replacing it, so focus stays.
            <VariableRow
              key={index}
              name={name}
              value={value}
              variables={variables}
              onSet={onSet}
            />
          ))}
        </tbody>
      </table>
      <AddVariable variables={variables} onSet={onSet} />
    </div>
  );
}
