/**
 * The flow as positioned boxes and routed arrows for the flow view, laid out top to bottom by
 * dagre. Pure (no React, no DOM) so it runs under Node in the tests, and deterministic: the same
 * flow and problems always give the same layout, so a reload does not shuffle the picture.
 */
import dagre from '@dagrejs/dagre';
import type { Flow, NodeType } from '../../../../shared/flow/flow-schema.ts';
import { nodeEdges } from '../../../../shared/flow/flow-graph.ts';
import { toPointer } from '../../../../shared/flow/json-pointer.ts';
import type { FlowProblem } from '../../../../shared/flow/validate-flow.ts';
import { clip, nodeSummary } from './node-summary.ts';

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
}

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

/** Decodes one JSON Pointer segment (RFC 6901: `~1` is `/`, then `~0` is `~`). */
export function decodePointerSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

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

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * A smooth SVG path through dagre's points: straight to the first bend, a quadratic curve around
 * each bend (through the midpoints between bends), straight into the target so the arrowhead
 * points along the last leg.
 */
export function routePath(points: readonly { x: number; y: number }[]): string {
  const [first, ...rest] = points;
  if (first === undefined) return '';
  const parts = [`M ${round(first.x)} ${round(first.y)}`];
  for (let i = 0; i < rest.length - 1; i++) {
    const bend = rest[i] as { x: number; y: number };
    const after = rest[i + 1] as { x: number; y: number };
    const midX = (bend.x + after.x) / 2;
    const midY = (bend.y + after.y) / 2;
    parts.push(`Q ${round(bend.x)} ${round(bend.y)} ${round(midX)} ${round(midY)}`);
  }
  const last = rest[rest.length - 1];
  if (last !== undefined) parts.push(`L ${round(last.x)} ${round(last.y)}`);
  return parts.join(' ');
}

interface PendingEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  kind: EdgeKind;
  dangling: boolean;
}

/**
 * Node ids in the order dagre should meet them: breadth first from `start`, then the nodes the
 * start cannot reach in file order, then placeholders. Dagre breaks cycles and orders each rank
 * by insertion order, so this puts the start at the top left and the happy path first.
 */
function visitOrder(flow: Flow, targets: (id: string) => string[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = Object.hasOwn(flow.nodes, flow.start) ? [flow.start] : [];
  for (const id of queue) seen.add(id);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    order.push(id);
    for (const to of targets(id)) {
      if (!seen.has(to) && Object.hasOwn(flow.nodes, to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  for (const id of Object.keys(flow.nodes)) if (!seen.has(id)) order.push(id);
  return order;
}

/**
 * Edges that close a loop: depth first from the nodes in `order`, an edge to a node still on the
 * stack goes back up. Dagre reverses the same edges (its depth-first cycle breaker walks the
 * same insertion order), so these are the edges drawn upwards.
 */
function backEdges(order: string[], out: Map<string, PendingEdge[]>): Set<string> {
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  for (const root of order) {
    if (state.has(root)) continue;
    // Iterative, so a long flow cannot overflow the stack.
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { id: string; i: number };
      const edges = out.get(frame.id) ?? [];
      if (frame.i >= edges.length) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      const edge = edges[frame.i++] as PendingEdge;
      const seen = state.get(edge.target);
      if (seen === 'open') back.add(edge.id);
      else if (seen === undefined) {
        state.set(edge.target, 'open');
        stack.push({ id: edge.target, i: 0 });
      }
    }
  }
  return back;
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
        width: (edge.label.length * LABEL_CHAR_EM + LABEL_PAD_EM) * em,
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

/** What a call's path through the flow lights up. */
export interface PathHighlight {
  /** Every node the path entered. */
  nodes: Set<string>;
  /** Every consecutive pair of the path, as {@link pairKey} keys. */
  edges: Set<string>;
}

/** The key of the edge from `source` to `target` in {@link PathHighlight.edges}. */
export function pairKey(source: string, target: string): string {
  // JSON, so no choice of separator can be confused with characters inside an id.
  return JSON.stringify([source, target]);
}

/**
 * The nodes and edges a path visited. The path says which nodes followed each other, not through
 * which field, so when two edges join the same pair (menu key `9` and `onFail` both to
 * `goodbye`) both count as visited.
 */
export function pathHighlight(path: readonly string[]): PathHighlight {
  const edges = new Set<string>();
  for (let i = 1; i < path.length; i++) {
    edges.add(pairKey(path[i - 1] as string, path[i] as string));
  }
  return { nodes: new Set(path), edges };
}
