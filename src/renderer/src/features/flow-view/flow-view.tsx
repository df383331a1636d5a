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
import type { CoverageReport } from '../../../../shared/coverage/coverage-report.ts';
import { CoverageLegend } from './coverage-legend.tsx';
import { coveragePaint, paintedEdgeLabel } from './coverage-paint.ts';
import { FlowGraph } from './flow-graph.tsx';
import { layoutFlow } from './flow-layout.ts';
import { FlowProblemList } from './flow-problem-list.tsx';
import { useEmSize } from './use-em-size.ts';
import './flow-view.css';
import './flow-node.css';
import './flow-edge.css';
import './flow-problems.css';
import './flow-coverage.css';

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
  /**
   * Coverage mode: nodes entered or never entered and edges taken or never taken, with their
   * counts, and a legend. Pass the same object while it is unchanged.
   */
  coverage?: CoverageReport;
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
  coverage,
}: FlowViewProps): ReactElement {
  const { probeRef, em } = useEmSize();
  const paint = useMemo(() => coverage && coveragePaint(coverage), [coverage]);
  // Laid out only when the flow, its problems, the type size or the coverage change, never on a
  // call step. Painted labels are longer (`onError · never · 0/4`): room is kept for them.
  const layout = useMemo(() => {
    if (flow === null) return null;
    if (!paint) return layoutFlow(flow, problems, { em });
    const labelText = (id: string, label: string): string => {
      const edge = paint.edges.get(id);
      return edge ? paintedEdgeLabel(label, edge) : label;
    };
    return layoutFlow(flow, problems, { em, labelText });
  }, [flow, problems, em, paint]);
  const name = title ?? flow?.name ?? '';

  return (
    <div className={`flow-view${paint ? ' flow-view--coverage' : ''}`} data-testid="flow-view">
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
          {coverage && <CoverageLegend report={coverage} />}
          <FlowGraph
            layout={layout}
            currentNode={currentNode}
            path={path}
            label={`Flow ${name}`.trim()}
            pickedNode={pickedNode}
            onNodeClick={onNodeClick}
            {...(paint ? { coverage: paint } : {})}
          />
          <FlowProblemList problems={layout.flowProblems} title="Flow problems" />
        </>
      )}
    </div>
  );
}
