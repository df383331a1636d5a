/**
 * A node's coverage badges: how many calls entered it (or `never`), and how many of its exits they
 * took, retries and endings included (those are drawn by no edge, so the node is where they show).
 */
import type { ReactElement } from 'react';
import type { NodePaint } from './coverage-paint.ts';

/** The node's badges: times entered (`3×` or `never`) and exits taken (`exits 2/4`). */
export function NodeCoverageBadges({ paint }: { paint: NodePaint }): ReactElement {
  const allExits = paint.exitsTaken === paint.exits.length;
  return (
    <>
      <span
        className={`badge flow-node__coverage flow-node__coverage--${paint.state}`}
        data-testid="node-count"
      >
        {paint.count > 0 ? `${paint.count}×` : 'never'}
      </span>
      {paint.exits.length > 0 && (
        <span
          className={`badge flow-node__exits${allExits ? '' : ' flow-node__exits--missed'}`}
          data-testid="node-exits"
        >
          exits {paint.exitsTaken}/{paint.exits.length}
        </span>
      )}
    </>
  );
}
