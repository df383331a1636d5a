/** The nodes that end the call: `transfer` and `hangup`, each after an optional prompt (spoken or recorded). */
import type { NodeOf } from '../../../shared/flow/flow-schema.ts';
import type { Ending } from '../call-ending.ts';
import { flowHangupEnding } from '../call-ending.ts';
import type { EngineContext } from '../engine-context.ts';

/** Hands the call to the rendered `target`. */
export async function runTransfer(
  ctx: EngineContext,
  id: string,
  node: NodeOf<'transfer'>,
): Promise<Ending> {
  await ctx.say(id, node.say, 'transfer', ['say'], node.audio);
  const target = ctx.render(id, node.target, ['target']);
  ctx.emit({ type: 'transfer', node: id, target });
  return { outcome: 'transfer', endedBy: 'flow', transferTarget: target, error: null };
}

/** The flow hangs up. */
export async function runHangup(
  ctx: EngineContext,
  id: string,
  node: NodeOf<'hangup'>,
): Promise<Ending> {
  await ctx.say(id, node.say, 'hangup', ['say'], node.audio);
  ctx.emit({ type: 'hangup', by: 'flow', node: id });
  return flowHangupEnding();
}
