/**
 * A flow's coverage in numbers: nodes entered and exits taken (out of how many, in percent, with
 * a bar), and every exit never taken by its label. Shared by the Tests screen and the Generate
 * tests result (which lists the exits not reached with reasons instead).
 */
import type { ReactElement } from 'react';
import type { CoverageRatio, CoverageReport } from '../../../../shared/coverage/coverage-report.ts';

/** One ratio: its name, `taken / total (percent %)` and a bar of the share. */
function Ratio({ name, ratio, id }: { name: string; ratio: CoverageRatio; id: string }) {
  return (
    <div className="coverage-summary__ratio" data-testid={`coverage-${id}`}>
      <span className="coverage-summary__name">{name}</span>
      <span className="coverage-summary__figures">
        <strong data-testid={`coverage-${id}-taken`}>{ratio.taken}</strong> /{' '}
        <span data-testid={`coverage-${id}-total`}>{ratio.total}</span>{' '}
        <span className="coverage-summary__percent">({ratio.percent} %)</span>
      </span>
      {/* The figures say it in words; the bar is for the eye only. */}
      <span className="coverage-summary__bar" aria-hidden="true">
        <span
          className="coverage-summary__fill"
          style={{ width: `${Math.min(100, ratio.percent)}%` }}
        />
      </span>
    </div>
  );
}

/** The coverage figures: nodes entered and exits taken, each with its bar. */
export function CoverageFigures({ report }: { report: CoverageReport }): ReactElement {
  return (
    <section className="coverage-summary" aria-label="Coverage">
      <div className="coverage-summary__ratios">
        <Ratio name="Nodes entered" ratio={report.nodes} id="nodes" />
        <Ratio name="Exits taken" ratio={report.edges} id="edges" />
      </div>
    </section>
  );
}

/** Every exit no call took, by its node and label (or that there is none). */
export function UntakenExits({ report }: { report: CoverageReport }): ReactElement {
  const untaken = report.edges.list.filter((e) => e.count === 0);
  if (untaken.length === 0) return <p className="coverage-summary__all">Every exit was taken.</p>;
  return (
    <details className="coverage-summary__untaken" open>
      <summary>
        Exits never taken <span className="badge badge--warning">{untaken.length}</span>
      </summary>
      <ul data-testid="untaken-exits">
        {untaken.map((exit) => (
          <li key={exit.id}>
            <code>{exit.from}</code> {exit.label}
          </li>
        ))}
      </ul>
    </details>
  );
}
