/** The `http` node: a webhook now, or registered to be sent once the call has ended. */
import type { HttpNode } from '../../../shared/flow/flow-schema.ts';
import type { StepResult } from '../call-ending.ts';
import { errorEnding } from '../call-ending.ts';
import type { EngineContext } from '../engine-context.ts';

/**
 * Sends the request and applies what the response sets; a failed exchange goes to `onError`, or
 * ends the call with the exchange's error when there is none.
 */
export async function runHttp(ctx: EngineContext, id: string, node: HttpNode): Promise<StepResult> {
  if (node.sendOnHangup) {
    ctx.sendOnHangup(id);
    ctx.emit({ type: 'webhook_registered', node: id });
    return node.next;
  }
  const exchange = await ctx.fireWebhook(id, node, false);
  ctx.alive();
  if (exchange.ok) {
    ctx.apply(exchange.variablesSet, 'webhook', id);
    return node.next;
  }
  if (node.onError !== undefined) return node.onError;
  const first = exchange.violations[0];
  return errorEnding(id, exchange.error ?? 'network_error', first?.detail ?? 'webhook failed');
}
