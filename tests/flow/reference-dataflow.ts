/**
 * The validator's dataflow as it was first written: a plain fixed point over the graph that
 * copies the set of names along every edge. Quadratic on dense flows (the reason it was
 * replaced), but simple enough to be obviously right, so the tests compare the fast version's
 * answers with it on small flows.
 */
import type { Flow, FlowNode } from '../../src/shared/flow/flow-schema.ts';
import { successors } from '../../src/shared/flow/flow-graph.ts';
import { nodeDefinitions } from '../../src/shared/flow/flow-references.ts';
import { SYSTEM_VARIABLES } from '../../src/shared/variables.ts';

/** What may be defined on entry to a node, as the reference computes it. */
export interface ReferenceEntry {
  names: Set<string>;
  afterWebhook: boolean;
}

/** For every node reachable from the start, every name defined on entry to it. */
export function referenceDefinedOnEntry(flow: Flow): Map<string, ReferenceEntry> {
  const next = successors(flow.nodes);
  const initial = new Set<string>([...SYSTEM_VARIABLES, ...Object.keys(flow.variables)]);
  const entry = new Map<string, ReferenceEntry>();
  if (!Object.hasOwn(flow.nodes, flow.start)) return entry;
  entry.set(flow.start, { names: new Set(initial), afterWebhook: false });
  const queue = [flow.start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const here = entry.get(id) as ReferenceEntry;
    const defs = nodeDefinitions(flow.nodes[id] as FlowNode);
    const outNames = new Set([...here.names, ...defs.names]);
    const outAny = here.afterWebhook || defs.any;
    for (const to of next.get(id) ?? []) {
      const target = entry.get(to);
      if (!target) {
        entry.set(to, { names: new Set(outNames), afterWebhook: outAny });
        queue.push(to);
        continue;
      }
      let grew = !target.afterWebhook && outAny;
      for (const name of outNames) {
        if (!target.names.has(name)) {
          target.names.add(name);
          grew = true;
        }
      }
      target.afterWebhook ||= outAny;
      if (grew) queue.push(to);
    }
  }
  return entry;
}
