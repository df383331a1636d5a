/**
 * The flow as a graph: its edges (with the pointer of the field that holds each), what is
 * reachable from the start, what can reach an end, and loops that wait for no input.
 */
import type { Flow, FlowNode } from './flow-schema.ts';
import { indexGraph, reachableComponents } from './indexed-graph.ts';

/** One edge: from a node, through a field, to a node id (which may not exist). */
export interface FlowEdge {
  from: string;
  to: string;
  /** Path segments of the field inside the node (`['options', '1']`, `['next']`). */
  field: (string | number)[];
}

/** The edges leaving a node, in the order a reader sees them. */
export function nodeEdges(id: string, node: FlowNode): FlowEdge[] {
  const edges: FlowEdge[] = [];
  const add = (to: string | undefined, ...field: (string | number)[]): void => {
    if (to !== undefined) edges.push({ from: id, to, field });
  };
  switch (node.type) {
    case 'play':
    case 'setVariable':
    case 'readBack':
      add(node.next, 'next');
      break;
    case 'getDigits':
      add(node.next, 'next');
      add(node.onFail, 'onFail');
      break;
    case 'menu':
      for (const [key, to] of Object.entries(node.options)) add(to, 'options', key);
      add(node.onFail, 'onFail');
      break;
    case 'http':
      add(node.next, 'next');
      add(node.onError, 'onError');
      break;
    case 'queryData':
      add(node.next, 'next');
      add(node.onNotFound, 'onNotFound');
      break;
    case 'branch':
      node.cases.forEach((c, i) => add(c.next, 'cases', i, 'next'));
      add(node.default, 'default');
      break;
    case 'transfer':
    case 'hangup':
      break;
  }
  return edges;
}

/**
 * True when the call can end at this node itself: transfer and hangup, an input node without
 * `onFail` (it hangs up after its last attempt), a webhook without `onError` (ends in error).
 */
export function canEndAt(node: FlowNode): boolean {
  switch (node.type) {
    case 'transfer':
    case 'hangup':
      return true;
    case 'getDigits':
    case 'menu':
      return node.onFail === undefined;
    case 'http':
      return node.onError === undefined && !node.sendOnHangup;
    default:
      return false;
  }
}

/** True for nodes that wait for the caller (so a loop through them is not a busy loop). */
export function waitsForInput(node: FlowNode): boolean {
  return node.type === 'getDigits' || node.type === 'menu';
}

/** Successor ids of every node, only edges to nodes that exist. */
export function successors(nodes: Flow['nodes']): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [id, node] of Object.entries(nodes)) {
    map.set(
      id,
      nodeEdges(id, node)
        .map((e) => e.to)
        .filter((to) => Object.hasOwn(nodes, to)),
    );
  }
  return map;
}

/** Node ids reachable from `start` (inclusive). */
export function reachableFrom(start: string, next: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = next.has(start) ? [start] : [];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const to of next.get(id) ?? []) if (!seen.has(to)) stack.push(to);
  }
  return seen;
}

/** Node ids from which some end of the call can be reached. */
export function nodesThatCanEnd(nodes: Flow['nodes'], next: Map<string, string[]>): Set<string> {
  const previous = new Map<string, string[]>();
  for (const [from, tos] of next) {
    for (const to of tos) {
      // Appended in place: copying the list per edge made a node with many callers quadratic.
      const list = previous.get(to);
      if (list) list.push(from);
      else previous.set(to, [from]);
    }
  }
  const canEnd = new Set<string>();
  const stack = Object.entries(nodes)
    .filter(([, node]) => canEndAt(node))
    .map(([id]) => id);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (canEnd.has(id)) continue;
    canEnd.add(id);
    for (const from of previous.get(id) ?? []) if (!canEnd.has(from)) stack.push(from);
  }
  return canEnd;
}

/**
 * Strongly connected components that form a loop (more than one node, or a node that leads to
 * itself), in the order Tarjan's algorithm finishes them, each from the node found first; linear
 * in nodes + edges and without recursion, so a long flow cannot overflow the stack.
 */
export function loops(next: Map<string, string[]>): string[][] {
  const graph = indexGraph(next);
  const parts = reachableComponents(graph, graph.ids.keys());
  const result: string[][] = [];
  for (let c = parts.count - 1; c >= 0; c--) {
    if (parts.cyclic[c] !== 1) continue;
    const members = parts.members.subarray(
      parts.memberOffsets[c] as number,
      parts.memberOffsets[c + 1] as number,
    );
    result.push(Array.from(members, (v) => graph.ids[v] as string));
  }
  return result;
}
