/**
 * The flow as a graph: its edges (with the pointer of the field that holds each), what is
 * reachable from the start, what can reach an end, and loops that wait for no input.
 */
import type { Flow, FlowNode } from './flow-schema.ts';

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
    for (const to of tos) previous.set(to, [...(previous.get(to) ?? []), from]);
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
 * itself), by Tarjan's algorithm, iteratively so a long flow cannot overflow the stack.
 */
export function loops(next: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of next.keys()) {
    if (index.has(root)) continue;
    const work: { id: string; i: number }[] = [{ id: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; i: number };
      const tos = next.get(frame.id) ?? [];
      if (frame.i < tos.length) {
        const to = tos[frame.i++] as string;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, i: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(to) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent)
        low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfLoop = component.length === 1 && tos.includes(frame.id);
        if (component.length > 1 || selfLoop) result.push(component.reverse());
      }
    }
  }
  return result;
}
