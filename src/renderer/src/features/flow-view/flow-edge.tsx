/**
 * One edge of the flow graph, drawn along the route dagre computed (with room kept for its label)
 * rather than xyflow's handle-to-handle curve, so edges bend around boxes instead of across them.
 * Under coverage its label says how often it was taken, or `never`.
 */
import { BaseEdge } from '@xyflow/react';
import type { Edge, EdgeProps } from '@xyflow/react';
import type { ReactElement } from 'react';
import type { LayoutEdge } from './flow-layout-types.ts';
import type { EdgePaint } from './coverage-paint.ts';
import { paintedEdgeLabel } from './coverage-paint.ts';

/** What the graph passes to each edge (a type alias: xyflow wants a plain record type). */
export type FlowEdgeData = {
  edge: LayoutEdge;
  /**
   * Coverage mode: how often its exits were taken; null when coverage counts it not (it leaves
   * a node no call can reach). Absent outside coverage mode.
   */
  coverage?: EdgePaint | null;
};

/** The xyflow edge type of the flow view. */
export type FlowGraphEdge = Edge<FlowEdgeData, 'flow'>;

/** The custom edge component registered under the type `flow`. */
export function FlowEdgeView({
  id,
  data,
  markerEnd,
}: EdgeProps<FlowGraphEdge>): ReactElement | null {
  if (data === undefined) return null;
  const { edge, coverage } = data;
  const base = (
    <BaseEdge
      id={id}
      path={edge.path}
      markerEnd={markerEnd}
      label={coverage ? paintedEdgeLabel(edge.label, coverage) : edge.label}
      labelX={edge.labelX}
      labelY={edge.labelY}
      labelBgPadding={[4, 2]}
      labelBgBorderRadius={3}
      interactionWidth={0}
    />
  );
  if (coverage === undefined) return base;
  // A group of its own, so tests and styles can tell taken from never taken by attribute.
  return (
    <g
      className="flow-edge__coverage"
      data-edge-id={id}
      data-coverage={coverage?.state ?? 'none'}
      data-count={coverage?.count ?? 0}
    >
      {base}
    </g>
  );
}
