/**
 * The per-node table of a load run, as `ivr-console load` prints it: for each webhook node the
 * exchanges, those that passed every rule, latency percentiles, those past the platform's
 * timeouts, and the errors by code.
 */
import type { ReactElement } from 'react';
import type { LoadJson } from '../../../../shared/load/load-types.ts';
import { formatMs } from './load-figures.ts';

/** The webhooks of `result`, one row per node. */
export function LoadTable({ result }: { result: LoadJson }): ReactElement {
  const nodes = Object.entries(result.webhooks);
  if (nodes.length === 0) return <p className="load-table__none">No webhook was fired.</p>;
  return (
    <div className="load-table__wrap">
      <table className="load-table" data-testid="load-table">
        <caption className="visually-hidden">Webhook figures per node</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col" className="num">
              Count
            </th>
            <th scope="col" className="num">
              OK
            </th>
            <th scope="col" className="num">
              p50
            </th>
            <th scope="col" className="num">
              p90
            </th>
            <th scope="col" className="num">
              p99
            </th>
            <th scope="col" className="num">
              Max
            </th>
            <th scope="col" className="num">
              Over limit
            </th>
            <th scope="col">Errors</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map(([id, node]) => {
            const errors = Object.entries(node.errors);
            return (
              <tr key={id} data-node={id}>
                <th scope="row" className="mono">
                  {id}
                </th>
                <td className="num">{node.count.toLocaleString()}</td>
                <td className="num">{node.ok.toLocaleString()}</td>
                <td className="num">{formatMs(node.latencyMs.p50)}</td>
                <td className="num">{formatMs(node.latencyMs.p90)}</td>
                <td className="num">{formatMs(node.latencyMs.p99)}</td>
                <td className="num">{formatMs(node.latencyMs.max)}</td>
                <td className={`num${node.overLimit > 0 ? ' load-table__bad' : ''}`}>
                  {node.overLimit.toLocaleString()}
                </td>
                <td>
                  {errors.length === 0 ? (
                    <span className="load-table__muted">none</span>
                  ) : (
                    <ul className="load-table__errors">
                      {errors.map(([code, n]) => (
                        <li key={code}>
                          <span className="mono">{code}</span> {n.toLocaleString()}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
