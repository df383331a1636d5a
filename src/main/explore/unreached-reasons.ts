/**
 * Why exploring did not reach an exit, in words a flow designer can act on: the node was never
 * reached, a branch tests a value no input, mock reply or dataset row gives, no mock rule produces
 * that webhook outcome (or the node is not mocked at all), an entry rule makes the failure
 * impossible, or a bound stopped the search first.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { UnreachedEdge } from '../../shared/contract/coverage-types.ts';
import type { CoverageEdge, ErrorFamily } from '../../shared/coverage/coverage-edges.ts';
import type { Condition, Flow, FlowNode } from '../../shared/flow/flow-schema.ts';
import type { MockRule, MockSection } from '../../shared/mock-types.ts';
import type { ExploreRun } from './explore-run.ts';
import type { SearchBounds, SearchResult } from './explore-search.ts';

type Outcome = ErrorFamily | 'ok';

/** What a mock rule can make of an exchange (a 200 reply may still break a platform rule). */
function ruleOutcomes(rule: MockRule): Outcome[] {
  switch (rule.fault) {
    case 'refuse':
      return ['network'];
    case 'reset':
      return ['network', 'reply'];
    case 'timeout':
      return ['timeout'];
    case 'dribble':
      return ['ok', 'timeout', 'reply'];
    default:
      return rule.status === 200 ? ['ok', 'reply'] : ['status'];
  }
}

/** A condition as text: `authenticated eq true`. */
function describeCondition(condition: Condition): string {
  if ('all' in condition) return condition.all.map(describeCondition).join(' and ');
  if ('any' in condition) return `(${condition.any.map(describeCondition).join(' or ')})`;
  const value = condition.value === undefined ? '' : ` ${JSON.stringify(condition.value)}`;
  return `${condition.var} ${condition.op}${value}`;
}

/** The variables a condition reads. */
function conditionVariables(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionVariables);
  if ('any' in condition) return condition.any.flatMap(conditionVariables);
  return [condition.var];
}

/** Each value of `names` the calls had when they came to branch `node` (as JSON, each once). */
function valuesAtBranch(runs: readonly ExploreRun[], node: string, names: string[]): string[] {
  const seen = new Set<string>();
  for (const run of runs) {
    let vars: Record<string, unknown> = {};
    for (const event of run.events as CallEvent[]) {
      if (event.type === 'call_started') vars = { ...event.variables };
      if (event.type === 'variables_changed') {
        for (const change of event.changes) vars[change.name] = change.to;
      }
      if (event.type === 'branch' && event.node === node) {
        for (const name of names) {
          const value = vars[name.split('.')[0] as string];
          seen.add(`${name} = ${value === undefined ? '(not set)' : JSON.stringify(value)}`);
        }
      }
    }
  }
  return [...seen].slice(0, 6);
}

/** The reason for one exit of a node the calls entered. */
function reasonAt(
  edge: CoverageEdge,
  node: FlowNode,
  runs: readonly ExploreRun[],
  mocks: MockSection | null,
): string | null {
  if (node.type === 'http' && !node.sendOnHangup) {
    const wanted: Outcome = edge.exit === 'next' ? 'ok' : (edge.exit.slice(6) as ErrorFamily);
    const what = wanted === 'ok' ? 'a reply the platform accepts' : `a ${wanted} error`;
    const rules = mocks?.[edge.from];
    if (rules === undefined) {
      return `not mocked: its reply comes from ${node.url}, which gave no call ${what}`;
    }
    const giving = rules.findIndex((rule) => ruleOutcomes(rule).includes(wanted));
    if (giving === -1) return `no mock rule of ${edge.from} gives ${what}`;
    const when = Object.entries((rules[giving] as MockRule).when)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ');
    return `mock rule ${giving + 1} of ${edge.from} may give ${what}, but no generated request matched it (${when || 'any request'}) or its reply was judged otherwise`;
  }
  if (node.type === 'branch') {
    const all = node.cases.map((c) => c.if);
    const names = [...new Set(all.flatMap(conditionVariables))];
    const seen = valuesAtBranch(runs, edge.from, names);
    const seenText = seen.length === 0 ? '' : `; calls came with ${seen.join(', ')}`;
    if (edge.exit === 'default') {
      return `every call matched a case (${all.map(describeCondition).join('; ')})${seenText}`;
    }
    const index = Number(edge.exit.slice(5));
    const condition = node.cases[index]?.if;
    if (condition === undefined) return null;
    const earlier = index > 0 ? ' (or an earlier case matched first)' : '';
    return `no input, mock reply or dataset row gave ${describeCondition(condition)}${earlier}${seenText}`;
  }
  if (node.type === 'queryData') {
    return edge.exit === 'notFound'
      ? `every call found a row of dataset ${node.dataset}`
      : `no call found a row of dataset ${node.dataset} (match ${JSON.stringify(node.match)})`;
  }
  return null;
}

/** The exits of `edges` no run took, each with its reason. */
export function unreachedEdges(
  flow: Flow,
  edges: readonly CoverageEdge[],
  search: SearchResult,
  bounds: SearchBounds,
  mocks: MockSection | null,
): UnreachedEdge[] {
  const taken = new Set(search.runs.flatMap((r) => r.edges));
  const entered = new Set(search.runs.flatMap((r) => r.nodes));
  const cuts: string[] = [];
  if (search.depthCut) cuts.push(`--max-depth ${bounds.maxDepth} inputs per call`);
  if (search.callsCut) cuts.push(`--max-calls ${bounds.maxCalls}`);
  const bound =
    cuts.length === 0 ? '' : ` (exploring stopped at ${cuts.join(' and ')}; a loop, or too deep?)`;
  const out: UnreachedEdge[] = [];
  for (const edge of edges) {
    if (taken.has(edge.id)) continue;
    const node = flow.nodes[edge.from] as FlowNode;
    let reason: string;
    if (!entered.has(edge.from)) reason = `${edge.from} was never reached`;
    else reason = reasonAt(edge, node, search.runs, mocks) ?? 'no generated caller took it';
    out.push({ edgeId: edge.id, label: edge.label, reason: reason + bound });
  }
  return out;
}
