/** The flow view's picture: positioned node boxes and routed edges, as the layout hands them over. */
import type { NodeType } from '../../../../shared/flow/flow-schema.ts';
import type { FlowProblem } from '../../../../shared/flow/validate-flow.ts';

/** What an edge means, for styling: the happy path, a choice, or a way out after a failure. */
export type EdgeKind = 'next' | 'option' | 'case' | 'default' | 'failure';

/** A positioned node box. Coordinates are the top-left corner, in pixels. */
export interface LayoutNode {
  id: string;
  /** The node's type, or `missing` for the placeholder of an id that no node has. */
  type: NodeType | 'missing';
  /** What the node says or does, clipped for the box. */
  summary: string;
  /** The same, unclipped, for the tooltip. */
  fullSummary: string;
  /** True for the flow's `start` node. */
  start: boolean;
  /** True for a placeholder: some edge (or `start`) names this id but no node has it. */
  missing: boolean;
  /** Problems whose pointer points into this node, in the order given. */
  problems: FlowProblem[];
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A routed edge. */
export interface LayoutEdge {
  /** JSON Pointer of the field that holds the edge (`/nodes/menu/options/1`): unique per edge. */
  id: string;
  source: string;
  target: string;
  /** `next`, `onFail`, a menu key such as `1`, `case 1`, `default`, `onError`, `onNotFound`. */
  label: string;
  kind: EdgeKind;
  /** True when the target is a missing node (drawn to its placeholder). */
  dangling: boolean;
  /** True when the edge goes back to a node seen earlier from the start (a loop): drawn upwards. */
  back: boolean;
  /** SVG path data through dagre's route. */
  path: string;
  /** Centre of the label. */
  labelX: number;
  labelY: number;
}

/** The whole picture. */
export interface FlowLayout {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Problems that point into no node (`/start`, the root, a node id that does not exist). */
  flowProblems: FlowProblem[];
  width: number;
  height: number;
}

/** Sizing, in pixels per em, so boxes grow with the type (presenter mode). */
export interface LayoutOptions {
  /** Pixels per em of the view's text; 14 (the app's base size) when absent. */
  em?: number;
  /**
   * The text an edge's label is drawn with, when it is not the label itself (coverage adds how
   * often the edge was taken): room is kept for that text.
   */
  labelText?: (edgeId: string, label: string) => string;
}
