/**
 * The flow as positioned boxes and routed arrows for the flow view, laid out top to bottom by
 * dagre. Pure (no React, no DOM) so it runs under Node in the tests, and deterministic: the same
 * flow and problems always give the same layout, so a reload does not shuffle the picture.
 */
import dagre from '@dagrejs/dagre';
import type { Flow } from '../../../../shared/flow/flow-schema.ts';
import { nodeEdges } from '../../../../shared/flow/flow-graph.ts';
import { decodePointerSegment, toPointer } from '../../../../shared/json-pointer.ts';
import type { FlowProblem } from '../../../../shared/flow/validate-flow.ts';
import type {
  EdgeKind,
  FlowLayout,
  LayoutEdge,
  LayoutNode,
  LayoutOptions,
} from './flow-layout-types.ts';
import { backEdges, visitOrder } from './flow-order.ts';
import type { PendingEdge } from './flow-order.ts';
import { clip, nodeSummary } from './node-summary.ts';
import { round, routePath } from './route-path.ts';

// Box and spacing sizes in em: the node component's CSS uses the same numbers, so the boxes dagre
// places are the boxes the browser draws.
/** Node box width, in em. */
export const NODE_WIDTH_EM = 16;
/** Node box height, in em. */
export const NODE_HEIGHT_EM = 6;
const NODE_SEP_EM = 2;
const RANK_SEP_EM = 3.5;
const EDGE_SEP_EM = 1;
// Edge labels are set at 0.75em in a monospace face, about 0.6 of their size per character.
const LABEL_CHAR_EM = 0.75 * 0.62;
const LABEL_PAD_EM = 0.9;
const LABEL_HEIGHT_EM = 1.4;

const DEFAULT_EM = 14;

/** The node id a problem points into (`/nodes/<id>/…`), or null for any other pointer. */
export function problemNodeId(pointer: string): string | null {
  const segments = pointer.split('/');
  // A pointer is '' (the root) or starts with '/', so segments[0] is always ''.
  if (segments.length < 3 || segments[0] !== '' || segments[1] !== 'nodes') return null;
  return decodePointerSegment(segments[2] as string);
}

function edgeLabel(field: (string | number)[]): { label: string; kind: EdgeKind } {
  const [head, second] = field;
  switch (head) {
    case 'next':
      return { label: 'next', kind: 'next' };
    case 'options':
      return { label: String(second), kind: 'option' };
    case 'cases':
      return { label: `case ${Number(second) + 1}`, kind: 'case' };
    case 'default':
      return { label: 'default', kind: 'default' };
    default:
      // onFail, onError, onNotFound: the ways out when a step fails.
      return { label: String(head), kind: 'failure' };
  }
}

/**
 * Lays the flow out top to bottom. Problems are attached to the node their pointer points into;
 * the rest are flow-level. An edge (or `start`) naming a node that does not exist goes to a
 * placeholder node of type `missing` with that id, so a broken flow still draws.
 */
export function layoutFlow(
  flow: Flow,
  problems: readonly FlowProblem[],
  options: LayoutOptions = {},
): FlowLayout {
  const em = options.em ?? DEFAULT_EM;
  const labelText = options.labelText ?? ((_id: string, label: string) => label);
  const ids = Object.keys(flow.nodes);

  const out = new Map<string, PendingEdge[]>();
  const missing = new Set<string>();
  for (const id of ids) {
    const node = flow.nodes[id];
    if (node === undefined) continue;
    out.set(
      id,
      nodeEdges(id, node).map((edge) => {
        const dangling = !Object.hasOwn(flow.nodes, edge.to);
        if (dangling) missing.add(edge.to);
        return {
          id: toPointer(['nodes', id, ...edge.field]),
          source: id,
          target: edge.to,
          dangling,
          ...edgeLabel(edge.field),
        };
      }),
    );
  }
  const startMissing = !Object.hasOwn(flow.nodes, flow.start);
  if (startMissing) missing.add(flow.start);

  const order = [
    ...visitOrder(flow, (id) => (out.get(id) ?? []).map((e) => e.target)),
    ...[...missing].sort(),
  ];
  const pending = order.flatMap((id) => out.get(id) ?? []);
  const back = backEdges(order, out);

  // Problems by node; pointers into ids that are not nodes stay flow-level.
  const byNode = new Map<string, FlowProblem[]>();
  const flowProblems: FlowProblem[] = [];
  for (const problem of problems) {
    const id = problemNodeId(problem.pointer);
    if (id !== null && Object.hasOwn(flow.nodes, id)) {
      byNode.set(id, [...(byNode.get(id) ?? []), problem]);
    } else {
      flowProblems.push(problem);
    }
  }

  // Dagre keys are n0, n1, …: a flow's node id such as `_d1` could collide with dagre's own
  // dummy nodes. A multigraph, because a menu key and onFail may both lead to the same node.
  const key = new Map(order.map((id, i) => [id, `n${i}`]));
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({
    rankdir: 'TB',
    nodesep: NODE_SEP_EM * em,
    ranksep: RANK_SEP_EM * em,
    edgesep: EDGE_SEP_EM * em,
    marginx: em,
    marginy: em,
  });
  g.setDefaultEdgeLabel(() => ({}));
  const width = NODE_WIDTH_EM * em;
  const height = NODE_HEIGHT_EM * em;
  for (const id of order) g.setNode(key.get(id) as string, { width, height });
  pending.forEach((edge, i) => {
    g.setEdge(
      { v: key.get(edge.source) as string, w: key.get(edge.target) as string, name: `e${i}` },
      {
        width: (labelText(edge.id, edge.label).length * LABEL_CHAR_EM + LABEL_PAD_EM) * em,
        height: LABEL_HEIGHT_EM * em,
        labelpos: 'c',
      },
    );
  });
  dagre.layout(g);

  const nodes = order.map((id): LayoutNode => {
    const box = g.node(key.get(id) as string);
    const node = flow.nodes[id];
    const isMissing = node === undefined || !Object.hasOwn(flow.nodes, id);
    const full = isMissing ? 'missing node' : nodeSummary(node);
    return {
      id,
      type: isMissing ? 'missing' : node.type,
      summary: clip(full),
      fullSummary: full,
      start: id === flow.start,
      missing: isMissing,
      problems: byNode.get(id) ?? [],
      x: round((box.x ?? 0) - width / 2),
      y: round((box.y ?? 0) - height / 2),
      width,
      height,
    };
  });

  const edges = pending.map((edge, i): LayoutEdge => {
    const route = g.edge({
      v: key.get(edge.source) as string,
      w: key.get(edge.target) as string,
      name: `e${i}`,
    });
    const points = route.points ?? [];
    const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return {
      ...edge,
      back: back.has(edge.id),
      path: routePath(points),
      labelX: round(route.x ?? middle.x),
      labelY: round(route.y ?? middle.y),
    };
  });

  const graph = g.graph();
  return {
    nodes,
    edges,
    flowProblems,
    width: round(graph.width ?? 0),
    height: round(graph.height ?? 0),
  };
}
