/**
 * The variables a template at a node may name, for the editor's `${` completion: the system
 * variables, the flow's and the environment's, and those set by any node on a way from the start
 * to this one (the node itself too when it lies on a loop). A webhook may set more (its reply's
 * keys); those cannot be known before a call. Linear in nodes and edges. Pure.
 */
import type { Flow } from '../../../../shared/flow/flow-schema.ts';
import { successors } from '../../../../shared/flow/flow-graph.ts';
import { nodeDefinitions } from '../../../../shared/flow/flow-references.ts';
import { SYSTEM_VARIABLES } from '../../../../shared/variables.ts';

/**
 * The names known at node `id`, sorted. A node the start does not reach yet (one just added, not
 * connected) is offered every name any node sets: it will be connected somewhere.
 */
export function knownVariables(
  flow: Flow,
  id: string,
  environment: Iterable<string> = [],
): string[] {
  const names = new Set<string>([
    ...SYSTEM_VARIABLES,
    ...Object.keys(flow.variables),
    ...environment,
  ]);
  const next = successors(flow.nodes);
  // Nodes that can reach `id`, walking edges backwards from it.
  const before = new Map<string, string[]>();
  for (const [from, tos] of next) {
    for (const to of tos) before.set(to, [...(before.get(to) ?? []), from]);
  }
  const seen = new Set<string>();
  const stack = [...(before.get(id) ?? [])];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...(before.get(at) ?? []));
  }
  // Only those the start reaches: a node no call enters sets nothing.
  const fromStart = new Set<string>();
  const forward = Object.hasOwn(flow.nodes, flow.start) ? [flow.start] : [];
  for (let at = forward.pop(); at !== undefined; at = forward.pop()) {
    if (fromStart.has(at)) continue;
    fromStart.add(at);
    forward.push(...(next.get(at) ?? []));
  }
  const reached = fromStart.has(id);
  for (const nodeId of reached ? seen : Object.keys(flow.nodes)) {
    const node = flow.nodes[nodeId];
    if (!node || (reached && !fromStart.has(nodeId))) continue;
    for (const name of nodeDefinitions(node).names) names.add(name);
  }
  return [...names].sort();
}
