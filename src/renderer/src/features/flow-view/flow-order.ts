/**
 * The order the layout meets a flow's nodes in, and which edges close a loop: both decide where
 * dagre puts things, so the start sits at the top left and loops are drawn upwards.
 */
import type { Flow } from '../../../../shared/flow/flow-schema.ts';
import type { LayoutEdge } from './flow-layout-types.ts';

/** An edge before dagre has routed it: what it links, without its route. */
export type PendingEdge = Pick<
  LayoutEdge,
  'id' | 'source' | 'target' | 'label' | 'kind' | 'dangling'
>;

/**
 * Node ids in the order dagre should meet them: breadth first from `start`, then the nodes the
 * start cannot reach in file order, then placeholders. Dagre breaks cycles and orders each rank
 * by insertion order, so this puts the start at the top left and the happy path first.
 */
export function visitOrder(flow: Flow, targets: (id: string) => string[]): string[] {
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
export function backEdges(order: string[], out: Map<string, PendingEdge[]>): Set<string> {
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
