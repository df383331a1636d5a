/**
 * A request or response body: pretty JSON, form fields as a table (raw text kept under it), or
 * text as is.
 */
import type { ReactElement } from 'react';
import type { ShownBody } from './format-body.ts';

/** Shows a body as pretty JSON, a table of form fields over the raw text, or plain text. */
export function BodyView({ body, label }: { body: ShownBody; label: string }): ReactElement {
  switch (body.kind) {
    case 'empty':
      return <p className="muted">No body</p>;
    case 'json':
    case 'text':
      return (
        <pre className="code-block" aria-label={label} tabIndex={0}>
          {body.text}
        </pre>
      );
    case 'form':
      return (
        <div aria-label={label}>
          <table className="kv-table">
            <caption className="visually-hidden">Form fields</caption>
            <tbody>
              {body.fields.map(([name, value], index) => (
                <tr key={`${index}-${name}`}>
                  <th scope="row">{name}</th>
                  <td>{value === '' ? <span className="muted">(empty)</span> : value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <pre className="code-block code-block--raw">{body.raw}</pre>
        </div>
      );
  }
}
