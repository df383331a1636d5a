/**
 * The key of the flow view painted by coverage: what each mark means, and over how many calls.
 * Taken and never taken differ by line style and words, not by colour alone. (The totals are
 * beside the view, in the screen that shows it.)
 */
import type { ReactElement } from 'react';
import type { CoverageReport } from '../../../../shared/coverage/coverage-report.ts';
import { plural } from '../../lib/plural.ts';

/** A short line drawn the way the graph draws an edge of that state. */
function LineSwatch({ state }: { state: 'taken' | 'untaken' }): ReactElement {
  return (
    <svg className={`coverage-legend__line coverage-legend__line--${state}`} viewBox="0 0 28 8">
      <line x1="1" y1="4" x2="27" y2="4" />
    </svg>
  );
}

/** The legend above a graph painted by `report`. */
export function CoverageLegend({ report }: { report: CoverageReport }): ReactElement {
  return (
    <div className="coverage-legend" role="group" aria-label="Coverage legend">
      <ul className="coverage-legend__keys">
        <li>
          <LineSwatch state="taken" /> taken, <code>3×</code> = 3 times
        </li>
        <li>
          <LineSwatch state="untaken" /> never taken, <code>never</code>
        </li>
        <li>
          <span className="coverage-legend__box coverage-legend__box--untaken" aria-hidden="true" />{' '}
          node never entered
        </li>
        <li>
          <span className="badge flow-node__exits">exits 2/4</span> of a node's exits taken (retries
          and endings too: hover the node)
        </li>
        <li className="coverage-legend__calls">over {plural(report.calls, 'call')}</li>
      </ul>
    </div>
  );
}
