/**
 * One line of text per flow node for the flow view: what the node says or does, so a reader can
 * tell nodes apart without opening the file. Pure, so it runs under Node in the tests.
 */
import type { Condition, FlowNode } from '../../../../shared/flow/flow-schema.ts';

/** Longest summary shown on a node; the full text goes to the tooltip. */
export const SUMMARY_MAX = 60;

/** Cuts `text` to `max` characters, ending with an ellipsis when it was longer. */
export function clip(text: string, max = SUMMARY_MAX): string {
  // Newlines and runs of spaces in prompts would waste the node's two lines.
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** A branch condition as a reader would say it: `authenticated eq true`. */
export function describeCondition(condition: Condition): string {
  if ('all' in condition) return condition.all.map(describeCondition).join(' and ');
  if ('any' in condition) return condition.any.map(describeCondition).join(' or ');
  const value = condition.value === undefined ? '' : ` ${String(condition.value)}`;
  return `${condition.var} ${condition.op}${value}`;
}

/** What a speaking node says: its text, else the recording it plays. */
function promptSummary(node: { say?: string; audio?: string }): string | undefined {
  return node.say ?? (node.audio === undefined ? undefined : `recording ${node.audio}`);
}

/** The full, unclipped summary of a node. */
export function nodeSummary(node: FlowNode): string {
  switch (node.type) {
    case 'play':
      return promptSummary(node) ?? '';
    case 'getDigits':
      return promptSummary(node) ?? `digits into ${node.variable}`;
    case 'menu':
      return promptSummary(node) ?? '';
    case 'http':
      return `${node.method} ${node.url}`;
    case 'setVariable':
      return Object.entries(node.assign)
        .map(([name, value]) => `${name} = ${value}`)
        .join(', ');
    case 'queryData':
      return `${node.dataset} by ${Object.keys(node.match).join(', ')}`;
    case 'branch': {
      const [first, ...rest] = node.cases;
      if (first === undefined) return `always ${node.default}`;
      const more = rest.length > 0 ? ` (+${rest.length} more)` : '';
      return `if ${describeCondition(first.if)}${more}`;
    }
    case 'readBack':
      return `${node.value} as ${node.sayAs}`;
    case 'transfer':
      return `to ${node.target}`;
    case 'hangup':
      return promptSummary(node) ?? 'ends the call';
  }
}
