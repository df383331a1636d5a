/** The graph checks: nodes never reached, nodes with no way to an end, loops that never wait. */
import type { Flow, FlowNode } from '../flow-schema.ts';
import { loops, nodesThatCanEnd, reachableFrom, waitsForInput } from '../flow-graph.ts';
import type { Problems } from './problems.ts';

/** Checks reachability and loops from `start`; `next` is the flow's successor map. */
export function checkGraph(flow: Flow, next: Map<string, string[]>, problems: Problems): void {
  const reachable = reachableFrom(flow.start, next);
  const canEnd = nodesThatCanEnd(flow.nodes, next);
  for (const id of Object.keys(flow.nodes)) {
    if (!reachable.has(id)) {
      problems.warning(
        ['nodes', id],
        'unreachable',
        `node "${id}" cannot be reached from start "${flow.start}"`,
      );
    } else if (!canEnd.has(id)) {
      problems.warning(
        ['nodes', id],
        'no-end',
        `no way to end the call from "${id}": possible infinite loop without input`,
      );
    }
  }
  for (const component of loops(next)) {
    if (
      !component.some((id) => waitsForInput(flow.nodes[id] as FlowNode)) &&
      component.some((id) => reachable.has(id))
    ) {
      problems.warning(
        ['nodes', component[0] as string],
        'loop-without-input',
        `loop ${describeLoop(component)} never waits for the caller`,
      );
    }
  }
}

/** A loop as `a -> b -> a`; a long one shortened, so one warning never grows with the flow. */
function describeLoop(component: string[]): string {
  const shown = component.length <= 12 ? [...component, component[0]] : component.slice(0, 10);
  const more = component.length <= 12 ? '' : ` -> … (${component.length} nodes)`;
  return shown.join(' -> ') + more;
}
