/**
 * Values worth trying for a variable the caller gives (a getDigits node's `variable`, or the
 * caller's number `source`), mined from what the flow and its environment compare it with: mock
 * rules' `when` values on request fields filled from it, dataset rows matched on it, and branch
 * cases that test it. A caller who gives each of these takes each mocked outcome and each branch.
 */
import type { Condition, Flow, FlowNode } from '../../shared/flow/flow-schema.ts';
import type { MockSection } from '../../shared/mock-types.ts';
import { requestFieldTemplate, valueFor } from './template-fields.ts';

/** Adds the values a condition compares `variable` with (and either side of an ordering). */
function conditionValues(condition: Condition, variable: string, into: string[]): void {
  if ('all' in condition) {
    for (const c of condition.all) conditionValues(c, variable, into);
    return;
  }
  if ('any' in condition) {
    for (const c of condition.any) conditionValues(c, variable, into);
    return;
  }
  if (condition.var !== variable || condition.value === undefined) return;
  const value = condition.value;
  into.push(String(value));
  if (['lt', 'lte', 'gt', 'gte'].includes(condition.op) && typeof value === 'number') {
    into.push(String(value - 1), String(value + 1));
  }
}

/**
 * The values `variable` is compared with in `flow` and `mocks`, in the order found (mock rules
 * first, node by node and rule by rule, then datasets, then branches), each once.
 */
export function minedValues(flow: Flow, mocks: MockSection | null, variable: string): string[] {
  const found: string[] = [];
  const nodes = Object.entries(flow.nodes) as [string, FlowNode][];
  for (const [id, rules] of Object.entries(mocks ?? {})) {
    const node = flow.nodes[id];
    if (node?.type !== 'http') continue;
    for (const rule of rules) {
      for (const [key, wanted] of Object.entries(rule.when)) {
        if (wanted.includes('${')) continue;
        const template = requestFieldTemplate(node, key);
        const value = template === null ? null : valueFor(template, variable, wanted);
        if (value !== null) found.push(value);
      }
    }
  }
  for (const [, node] of nodes) {
    if (node.type !== 'queryData') continue;
    const rows = flow.datasets?.[node.dataset] ?? [];
    for (const [field, template] of Object.entries(node.match)) {
      for (const row of rows) {
        const cell = (row as Record<string, unknown>)[field];
        if (cell === undefined || cell === null || typeof cell === 'object') continue;
        const value = valueFor(template, variable, String(cell as string | number | boolean));
        if (value !== null) found.push(value);
      }
    }
  }
  for (const [, node] of nodes) {
    if (node.type !== 'branch') continue;
    for (const c of node.cases) conditionValues(c.if, variable, found);
  }
  return [...new Set(found)];
}
