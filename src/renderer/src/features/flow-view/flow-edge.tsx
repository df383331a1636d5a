/**
 * One edge of the flow graph, drawn along the route dagre computed (with room kept for its label)
 * rather than xyflow's handle-to-handle curve, so edges bend around boxes instead of across them.
 */
import { BaseEdge } from '@xyflow/react';
import type { Edge, EdgeProps } from '@xyflow/react';
import type { ReactElement } from 'react';
import type { LayoutEdge } from './flow-layout-types.ts';

/** What the graph passes to each edge (a type alias: xyflow wants a plain record type). */
export type FlowEdgeData = {
  edge: LayoutEdge;
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
  const { edge } = data;
  return (
    <BaseEdge
      id={id}
      path={edge.path}
      markerEnd={markerEnd}
      label={edge.label}
      labelX={edge.labelX}
      labelY={edge.labelY}
      labelBgPadding={[4, 2]}
      labelBgBorderRadius={3}
      interactionWidth={0}
    />
  );
}
