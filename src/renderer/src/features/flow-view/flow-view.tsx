/**
 * The flow view (surface 5): the flow as a graph, the current node highlighted during a call and
 * during replay, the path taken marked, validation problems on their nodes and flow-level ones
 * listed under the graph. A file that cannot be read shows its error and problems instead.
 */
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { ReactElement } from 'react';
import type { Flow } from '../../../../shared/flow/flow-schema.ts';
import type { FlowProblem } from '../../../../shared/flow/validate-flow.ts';
import { FlowGraph } from './flow-graph.tsx';
import { layoutFlow } from './flow-layout.ts';
import { FlowProblemList } from './flow-problem-list.tsx';
import { useEmSize } from './use-em-size.ts';
import './flow-view.css';
import './flow-node.css';
import './flow-edge.css';
import './flow-problems.css';

/** Props of {@link FlowView}. */
export interface FlowViewProps {
  /** The parsed flow, or null when the file cannot be read or parsed. */
  flow: Flow | null;
  /** Every validation problem of the file (pass the same array while it is unchanged). */
  problems: FlowProblem[];
  /** The node the call (or replay) is at now. */
  currentNode: string | null;
  /** The nodes the call entered, in order. */
  path: string[];
  /** Why the file could not be read, shown when `flow` is null. */
  readError?: string | null;
  /** The flow's name for the accessible label; the flow's `name` when absent. */
  title?: string;
  /** A node picked by the user (its request shown beside the graph), marked. */
  pickedNode?: string | null;
  /** A node clicked, or Enter on a focused node; absent: nodes are for reading only. */
  onNodeClick?: (nodeId: string) => void;
}

/** Draws the flow with the call's path and its problems, or says why the file cannot be shown. */
export function FlowView({
  flow,
  problems,
  currentNode,
  path,
  readError,
  title,
  pickedNode = null,
  onNodeClick,
}: FlowViewProps): ReactElement {
  const { probeRef, em } = useEmSize();
  // Laid out only when the flow, its problems or the type size change, never on a call step.
  const layout = useMemo(
    () => (flow === null ? null : layoutFlow(flow, problems, { em })),
    [flow, problems, em],
  );
  const name = title ?? flow?.name ?? '';

  return (
    <div className="flow-view" data-testid="flow-view">
      <span ref={probeRef} className="flow-view__em-probe" aria-hidden="true" />
      {layout === null ? (
        <div className="flow-view__unreadable">
          <p className="flow-view__unreadable-title">
            {name ? `The flow ${name} cannot be shown` : 'The flow cannot be shown'}
          </p>
          {readError && <p className="flow-view__read-error">{readError}</p>}
          <FlowProblemList problems={problems} title="Problems" />
        </div>
      ) : (
        <>
          <FlowGraph
            layout={layout}
            currentNode={currentNode}
            path={path}
            label={`Flow ${name}`.trim()}
            pickedNode={pickedNode}
            onNodeClick={onNodeClick}
          />
          <FlowProblemList problems={layout.flowProblems} title="Flow problems" />
        </>
      )}
    </div>
  );
}
