/**
 * The line under a flow-data table that adds an entry by name (a variable, a dataset): the name
 * checked as it is added, its problem said under the field, Enter or the button adds it.
 */
import { useState } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { PlusIcon } from '../../../ui/icons.tsx';

/** Props of {@link AddNameLine}. */
export interface AddNameLineProps {
  /** The field's accessible name (`New variable name`). */
  label: string;
  placeholder: string;
  /** The button's text (`Add variable`), with any words only a screen reader needs. */
  action: ReactNode;
  /** Why `name` cannot be added, or null. */
  problemOf(name: string): string | null;
  onAdd(name: string): void;
}

/** A name field and its Add button. */
export function AddNameLine(props: AddNameLineProps): ReactElement {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = (): void => {
    const wanted = name.trim();
    const problem = props.problemOf(wanted);
    setError(problem);
    if (problem) return;
    props.onAdd(wanted);
    setName('');
  };
  return (
    <div className="flow-data__add-line">
      <div className="flow-data__add">
        <input
          className="flow-data__input"
          aria-label={props.label}
          placeholder={props.placeholder}
          value={name}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setName(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="button" className="button button--small" onClick={add}>
          <PlusIcon size={14} />
          {props.action}
        </button>
      </div>
      {error && (
        <p className="flow-data__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
