/**
 * What exploring a flow produced: the generated cases (name, keys, caller, the exits each was kept
 * for) and the exits no case reached, with why.
 */
import type { ReactElement } from 'react';
import type { ExploredCase, UnreachedEdge } from '../../../../shared/contract.ts';

/** The generated cases as a table. */
export function GeneratedCases({ cases }: { cases: ExploredCase[] }): ReactElement {
  if (cases.length === 0) return <p className="empty">No case was generated.</p>;
  return (
    <div className="generate__table-wrap">
      <table className="generate__table" data-testid="generated-cases">
        <caption className="visually-hidden">Generated cases</caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Keys</th>
            <th scope="col">New exits</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c, index) => (
            <tr key={`${c.name}-${index}`} data-testid="generated-case">
              <td>
                {c.name}
                {c.source && <span className="generate__source"> · from {c.source}</span>}
              </td>
              <td>
                <code>{c.dtmf || '(none)'}</code>
              </td>
              <td title={c.newEdges.join('\n')}>{c.newEdges.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The exits no generated case reached, each with the reason. */
export function UnreachedExits({ unreached }: { unreached: UnreachedEdge[] }): ReactElement {
  if (unreached.length === 0) {
    return <p className="coverage-summary__all">The cases reach every reachable exit.</p>;
  }
  return (
    <ul className="generate__unreached" data-testid="unreached-exits">
      {unreached.map((edge) => (
        <li key={edge.edgeId}>
          <code>{edge.edgeId.split(' ')[0]}</code> {edge.label}: {edge.reason}
        </li>
      ))}
    </ul>
  );
}
