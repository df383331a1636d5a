/**
 * Which `${...}` and conditions each node reads, and which variables it defines: the data behind
 * the validator's "unknown variable" warnings (the dataflow itself is in `defined-on-entry.ts`).
 */
import { SYSTEM_VARIABLES } from '../variables.ts';
import type { Condition, Flow, FlowNode } from './flow-schema.ts';
import { findReferences, isSecretReference, referenceRoot } from './template.ts';

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
  // An explicit stack, last item first, so a deeply nested condition cannot overflow the stack
  // and the reads still come out in document order.
  const stack: { condition: Condition; field: (string | number)[] }[] = [];
  for (let i = node.cases.length - 1; i >= 0; i--) {
    stack.push({ condition: (node.cases[i] as { if: Condition }).if, field: ['cases', i, 'if'] });
  }
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { condition: c, field } = top;
    if ('all' in c || 'any' in c) {
      const key = 'all' in c ? 'all' : 'any';
      const items = 'all' in c ? c.all : c.any;
      for (let i = items.length - 1; i >= 0; i--) {
        stack.push({ condition: items[i] as Condition, field: [...field, key, i] });
      }
    } else out.push({ field: [...field, 'var'], path: c.var, condition: c });
  }
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

/** Names that can be asked about: a `Set`, or anything else that answers `has`. */
export interface NameSet {
  has(name: string): boolean;
}

/** What may be defined on entry to a node: names, and whether a webhook may have set more. */
export interface DefinedOnEntry {
  names: NameSet;
  afterWebhook: boolean;
}

/**
 * The root variable of every `${...}` and condition a node reads (secrets left out), each once:
 * what the dataflow must answer for it.
 */
export function nodeReadRoots(node: FlowNode): string[] {
  const roots = new Set<string>();
  for (const { template } of nodeTemplates(node)) {
    for (const ref of findReferences(template)) {
      if (ref.valid && !isSecretReference(ref.path)) roots.add(referenceRoot(ref.path));
    }
  }
  for (const read of conditionReads(node)) roots.add(referenceRoot(read.path));
  return [...roots];
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
