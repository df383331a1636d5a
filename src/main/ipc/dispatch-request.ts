/**
 * The edge every request crosses, whatever the transport: the channel must be in the contract,
 * the input must pass its schema, and the answer always comes back as an envelope. Nothing a
 * renderer sends reaches a service unvalidated, and no error crosses as a bare exception.
 */
import type { Envelope } from '../../shared/contract.ts';
import { isChannel } from '../../shared/contract.ts';
import { CHANNEL_INPUTS } from '../../shared/contract-schemas.ts';
import { ServiceError } from '../services/service-errors.ts';
import type { ChannelHandlers } from './channel-handlers.ts';

const MAX_ISSUES = 5;

/** Validates and runs one request. Never throws. */
export async function dispatchRequest(
  handlers: ChannelHandlers,
  channel: unknown,
  input: unknown,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    const name = typeof channel === 'string' ? `"${channel.slice(0, 80)}"` : typeof channel;
    return { ok: false, error: { code: 'unknown_channel', message: `unknown channel ${name}` } };
  }
  const parsed = CHANNEL_INPUTS[channel].safeParse(input === undefined ? {} : input);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_ISSUES).map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'input';
      return `${where}: ${issue.message}`;
    });
    return {
      ok: false,
      error: { code: 'invalid_input', message: `${channel}: ${issues.join('; ')}` },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    return { ok: true, value: (await handler(parsed.data)) ?? null };
  } catch (error) {
    if (error instanceof ServiceError)
      return { ok: false, error: { code: error.code, message: error.message } };
    console.error(`[ipc] ${channel} failed:`, error);
    return {
      ok: false,
      error: { code: 'failed', message: error instanceof Error ? error.message : String(error) },
    };
  }
}
