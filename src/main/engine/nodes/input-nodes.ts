/** The nodes that wait for the caller's keys: `getDigits` and `menu`. */
import type { NodeOf } from '../../../shared/flow/flow-schema.ts';
import type { StepResult } from '../call-ending.ts';
import type { EngineContext } from '../engine-context.ts';
import { runAttempts } from './input-attempts.ts';

/**
 * Collects digits into `variable` until the terminator (not stored), `maxDigits`, or the
 * inter-digit timeout; fewer than `minDigits` is a failed attempt.
 */
export function runGetDigits(
  ctx: EngineContext,
  id: string,
  node: NodeOf<'getDigits'>,
): Promise<StepResult> {
  return runAttempts(ctx, id, node, 'digits', async (attempt) => {
    let digits = '';
    for (;;) {
      const timeout = digits === '' ? node.timeoutMs : node.interDigitTimeoutMs;
      const key = await ctx.nextKey(timeout, {
        node: id,
        mode: 'digits',
        collected: digits,
        attempt,
      });
      if (key === null || key === node.terminator) break;
      digits += key;
      if (digits.length >= node.maxDigits) break;
    }
    if (digits.length >= node.minDigits) {
      ctx.emit({ type: 'input_received', node: id, value: digits, variable: node.variable });
      ctx.apply({ [node.variable]: digits }, 'getDigits', id);
      return { next: node.next };
    }
    return { failure: digits === '' ? 'timeout' : 'too_short', value: digits };
  });
}

/** Takes one key and goes to its option; no key or a key with no option is a failed attempt. */
export function runMenu(ctx: EngineContext, id: string, node: NodeOf<'menu'>): Promise<StepResult> {
  return runAttempts(ctx, id, node, 'menu', async (attempt) => {
    const key = await ctx.nextKey(node.timeoutMs, {
      node: id,
      mode: 'menu',
      collected: '',
      attempt,
    });
    const target = key === null ? undefined : node.options[key];
    if (key !== null && target !== undefined) {
      ctx.emit({ type: 'input_received', node: id, value: key });
      return { next: target };
    }
    return { failure: key === null ? 'timeout' : 'invalid_option', value: key ?? '' };
  });
}
