/**
 * The path the call took through the flow: the nodes entered, in order, the current one marked.
 */
import type { ReactElement } from 'react';

/** Props of {@link FlowPath}. */
export interface FlowPathProps {
  path: string[];
  /** True while the call runs: the last node is where it is now. */
  live: boolean;
}

/** The node chain. */
export function FlowPath({ path, live }: FlowPathProps): ReactElement {
  return (
    <ol className="flow-path" aria-label="Path through the flow" data-testid="flow-path">
      {path.map((node, index) => {
        const current = live && index === path.length - 1;
        return (
          <li
            key={index}
            className={`flow-path__node${current ? ' is-current' : ''}`}
            aria-current={current ? 'step' : undefined}
          >
            {node}
          </li>
        );
      })}
    </ol>
  );
}
