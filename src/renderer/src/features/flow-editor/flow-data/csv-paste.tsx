/**
 * "Paste CSV" for one dataset: a textarea for CSV or a spreadsheet's copied cells, and "Replace
 * rows", which replaces every row when the text parses, and otherwise says why (with the line)
 * and changes nothing.
 */
import { useId, useState } from 'react';
import type { ReactElement } from 'react';
import { parseCsv } from './parse-csv.ts';

/** Props of {@link CsvPaste}. */
export interface CsvPasteProps {
  dataset: string;
  /** Text pasted onto the table, put here for the user to check before replacing. */
  text: string;
  onTextChange(text: string): void;
  onReplace(rows: Record<string, string | number | boolean>[]): void;
  onClose(): void;
}

/** The paste area, opened under a dataset's table. */
export function CsvPaste(props: CsvPasteProps): ReactElement {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const replace = (): void => {
    const result = parseCsv(props.text);
    if ('error' in result) {
      setDone(null);
      return setError(result.error);
    }
    setError(null);
    setDone(`Replaced with ${result.rows.length} row${result.rows.length === 1 ? '' : 's'}.`);
    props.onReplace(result.rows);
  };
  return (
    <div className="flow-data__paste">
      <label className="flow-data__paste-label" htmlFor={`${id}-csv`}>
        CSV for {props.dataset}
      </label>
      <textarea
        id={`${id}-csv`}
        className="flow-data__input flow-data__csv"
        rows={5}
        value={props.text}
        placeholder={'phone,name,tier\n+3612345678,Anna,gold'}
        aria-describedby={`${id}-help`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => props.onTextChange(event.currentTarget.value)}
        spellCheck={false}
      />
      <p className="flow-data__help" id={`${id}-help`}>
        First line: the column names. Commas, or tabs as copied from a spreadsheet. true/false and
        plain numbers (12.5, not 0042 or +1555…) become JSON booleans and numbers.
      </p>
      {error && (
        <p className="flow-data__error" role="alert">
          {error}
        </p>
      )}
      {done && !error && (
        <p className="flow-data__help" role="status">
          {done}
        </p>
      )}
      <div className="flow-data__buttons">
        <button
          type="button"
          className="button button--small"
          disabled={props.text.trim() === ''}
          onClick={replace}
        >
          Replace rows<span className="visually-hidden"> of {props.dataset}</span>
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={props.onClose}
        >
          Close<span className="visually-hidden"> CSV for {props.dataset}</span>
        </button>
      </div>
    </div>
  );
}
