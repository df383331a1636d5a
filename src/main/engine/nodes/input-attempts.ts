/**
 * The attempt loop both input nodes share: prompt, wait for the caller, and on a failed attempt
 * log it, speak `invalidSay` and try again until `retries` run out; then `onFail`, or hang up.
 */
import type { InputFailure } from '../../../shared/call-events.ts';
import type { NodeOf } from '../../../shared/flow/flow-schema.ts';
import type { StepResult } from '../call-ending.ts';
import { flowHangupEnding } from '../call-ending.ts';
import type { KeyWait } from '../call-types.ts';
import type { EngineContext } from '../engine-context.ts';

/** What one attempt came to: the node to go to, or why it failed with what was pressed. */
export type AttemptOutcome = { next: string } | { failure: InputFailure; value: string };

/** The fields of an input node the loop reads (`getDigits` and `menu` share them). */
type InputNode = Pick<
  NodeOf<'getDigits'> | NodeOf<'menu'>,
  'say' | 'audio' | 'timeoutMs' | 'retries' | 'invalidSay' | 'onFail'
>;

/**
 * Runs up to `retries + 1` attempts of an input node. Each speaks `say` (when set), announces the
 * wait, and hands over to `collect` for the keys.
 */
export async function runAttempts(
  ctx: EngineContext,
  id: string,
  node: InputNode,
  mode: KeyWait['mode'],
  collect: (attempt: number) => Promise<AttemptOutcome>,
): Promise<StepResult> {
  const attempts = node.retries + 1;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await ctx.say(id, node.say, 'say', ['say'], node.audio);
    ctx.emit({ type: 'awaiting_input', node: id, mode, attempt, timeoutMs: node.timeoutMs });
    const outcome = await collect(attempt);
    if ('next' in outcome) return outcome.next;
    const willRetry = attempt < attempts;
    ctx.emit({
      type: 'input_failed',
      node: id,
      reason: outcome.failure,
      attempt,
      value: outcome.value,
      willRetry,
    });
    if (node.invalidSay !== undefined)
      await ctx.say(id, node.invalidSay, 'invalid', ['invalidSay']);
    if (!willRetry) break;
  }
  // Out of attempts with no `onFail`: the platform disconnects.
  if (node.onFail !== undefined) return node.onFail;
  ctx.emit({ type: 'hangup', by: 'flow', node: id });
  return flowHangupEnding();
}
