/**
 * The cases of a test run: passed or failed (in words and a mark, not colour alone), the keys,
 * the time, and for a failed case every unmet expectation or the error that stopped it.
 */
import type { ReactElement } from 'react';
import type { TestRunCase } from '../../../../shared/contract.ts';

/** One line per case, failures under it. */
export function TestCaseList({ cases }: { cases: TestRunCase[] }): ReactElement {
  return (
    <ul className="test-cases" aria-label="Cases">
      {cases.map((c, index) => (
        <li
          key={`${c.line}-${index}`}
          className={`test-case${c.passed ? '' : ' test-case--failed'}`}
          data-testid="test-case"
          data-passed={c.passed}
        >
          <div className="test-case__head">
            <span className={`badge ${c.passed ? 'badge--ok' : 'badge--error'}`}>
              {c.passed ? '✓ passed' : '✗ failed'}
            </span>
            <span className="test-case__name">{c.name}</span>
            <span className="test-case__time">{Math.round(c.timeMs)} ms</span>
          </div>
          <div className="test-case__meta">
            <span>
              keys <code>{c.dtmf || '(none)'}</code>
            </span>
            {c.outcome && <span>{c.outcome}</span>}
            <span>line {c.line}</span>
          </div>
          {c.error && <p className="test-case__error">Error: {c.error}</p>}
          {c.failures.length > 0 && (
            <ul className="test-case__failures" aria-label={`Failures of ${c.name}`}>
              {c.failures.map((failure, i) => (
                <li key={i}>{failure}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
