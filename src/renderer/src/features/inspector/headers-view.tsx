/**
 * Header name/value pairs in the order they were sent or received.
 */
import type { ReactElement } from 'react';

/** Props of {@link HeadersView}. */
export interface HeadersViewProps {
  headers: readonly [string, string][];
  /** Open at first (request headers are few and matter); else collapsed. */
  open: boolean;
}

/** The headers, as a collapsible table. */
export function HeadersView({ headers, open }: HeadersViewProps): ReactElement {
  return (
    <details className="headers" open={open}>
      <summary>
        Headers <span className="count">{headers.length}</span>
      </summary>
      {headers.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        <table className="kv-table">
          <tbody>
            {headers.map(([name, value], index) => (
              <tr key={`${index}-${name}`}>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
