/** The `branch` node: the first case whose condition holds, else `default`. */
import type { NodeOf } from '../../../shared/flow/flow-schema.ts';
import { evaluateCondition } from '../conditions.ts';
import type { EngineContext } from '../engine-context.ts';

/** Picks the next node from the current variables and logs which case won. */
export function runBranch(ctx: EngineContext, id: string, node: NodeOf<'branch'>): string {
  const index = node.cases.findIndex((c) => evaluateCondition(c.if, ctx.vars));
  const next = index === -1 ? node.default : (node.cases[index]?.next ?? node.default);
  ctx.emit({ type: 'branch', node: id, caseIndex: index === -1 ? null : index, next });
  return next;
}
