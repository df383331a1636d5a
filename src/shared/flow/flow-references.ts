/**
 * Which variables a flow defines where, and which `${...}` each node reads: the data behind the
 * validator's "unknown variable" warnings.
 */
import { SYSTEM_VARIABLES } from '../variables.ts';
import type { Condition, Flow, FlowNode } from './flow-schema.ts';
import { successors } from './flow-graph.ts';
import { findReferences } from './template.ts';

/** A template-bearing field of a node. */
export interface NodeTemplate {
  field: (string | number)[];
  template: string;
}

/** A variable path a branch condition reads, with its field. */
export interface ConditionRead {
  field: (string | number)[];
  path: string;
  condition: Extract<Condition, { var: string }>;
}

/** Every template of a node, with the field path that holds it. */
export function nodeTemplates(node: FlowNode): NodeTemplate[] {
  const out: NodeTemplate[] = [];
  const add = (template: string | undefined, ...field: (string | number)[]): void => {
    if (template !== undefined) out.push({ field, template });
  };
  if ('say' in node) add(node.say, 'say');
  if ('invalidSay' in node) add(node.invalidSay, 'invalidSay');
  switch (node.type) {
    case 'http':
      add(node.url, 'url');
      add(node.body, 'body');
      for (const [name, value] of Object.entries(node.headers ?? {})) add(value, 'headers', name);
      break;
    case 'setVariable':
      for (const [name, value] of Object.entries(node.assign)) add(value, 'assign', name);
      break;
    case 'queryData':
      for (const [field, value] of Object.entries(node.match)) add(value, 'match', field);
      break;
    case 'readBack':
      add(node.value, 'value');
      break;
    case 'transfer':
      add(node.target, 'target');
      break;
    default:
      break;
  }
  return out;
}

/** Every variable a branch's conditions read, depth first. */
export function conditionReads(node: FlowNode): ConditionRead[] {
  if (node.type !== 'branch') return [];
  const out: ConditionRead[] = [];
  const walk = (c: Condition, field: (string | number)[]): void => {
    if ('all' in c) c.all.forEach((inner, i) => walk(inner, [...field, 'all', i]));
    else if ('any' in c) c.any.forEach((inner, i) => walk(inner, [...field, 'any', i]));
    else out.push({ field: [...field, 'var'], path: c.var, condition: c });
  };
  node.cases.forEach((c, i) => walk(c.if, ['cases', i, 'if']));
  return out;
}

/** The variables a node defines, and whether it may define any (a webhook's response). */
export function nodeDefinitions(node: FlowNode): { names: string[]; any: boolean } {
  switch (node.type) {
    case 'getDigits':
      return { names: [node.variable], any: false };
    case 'setVariable':
      return { names: Object.keys(node.assign), any: false };
    case 'queryData':
      return { names: Object.keys(node.assign), any: false };
    case 'http':
      if (node.sendOnHangup) return { names: [], any: false };
      return { names: node.setVariable ? [node.setVariable] : [], any: true };
    default:
      return { names: [], any: false };
  }
}

/** What may be defined on entry to a node: names, and whether a webhook may have set more. */
export interface DefinedOnEntry {
  names: Set<string>;
  afterWebhook: boolean;
}

/**
 * For every node, the variables that some path from the start may have defined on entry
 * (system, flow `variables`, and what earlier nodes set), by a fixed-point over the graph.
 */
export function definedOnEntry(flow: Flow): Map<string, DefinedOnEntry> {
  const next = successors(flow.nodes);
  const initial = new Set<string>([...SYSTEM_VARIABLES, ...Object.keys(flow.variables)]);
  const entry = new Map<string, DefinedOnEntry>();
  if (!Object.hasOwn(flow.nodes, flow.start)) return entry;
  entry.set(flow.start, { names: new Set(initial), afterWebhook: false });
  const queue = [flow.start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const here = entry.get(id) as DefinedOnEntry;
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

/** Every variable any node of the flow may define (what an on-hang-up request can read). */
export function definedAnywhere(flow: Flow): DefinedOnEntry {
  const names = new Set<string>([...SYSTEM_VARIABLES, ...Object.keys(flow.variables)]);
  let afterWebhook = false;
  for (const node of Object.values(flow.nodes)) {
    const defs = nodeDefinitions(node);
    defs.names.forEach((n) => names.add(n));
    afterWebhook ||= defs.any;
  }
  return { names, afterWebhook };
}

/**
 * The `${refs}` a webhook request reads, each once, first use first: the node's URL, body and
 * headers, then the header templates its environment adds to every request. Invalid references
 * (a validation error) are left out; secrets are kept (callers decide what they show).
 */
export function requestReferencePaths(
  node: Extract<FlowNode, { type: 'http' }>,
  environmentHeaders: Iterable<string> = [],
): string[] {
  const seen = new Set<string>();
  for (const template of [...nodeTemplates(node).map((t) => t.template), ...environmentHeaders]) {
    for (const reference of findReferences(template)) {
      if (reference.valid) seen.add(reference.path);
    }
  }
  return [...seen];
}
