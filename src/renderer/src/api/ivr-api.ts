/**
 * The one way the UI reaches main: `window.ivr` from the preload in the desktop app, or the
 * loopback client in browser mode. Both implement the same contract.
 */
import type { Channel, ChannelInput, ChannelOutput, IvrApi } from '../../../shared/contract.ts';
import { browserModeToken, createWebClient } from './web-client.ts';

/** The contract's error, thrown by {@link call} so UI code can `try`/`catch` it. */
export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

let api: IvrApi | null = null;

/** The API, or null when the page has neither the preload nor a browser-mode token. */
export function getApi(): IvrApi | null {
  if (api) return api;
  if (window.ivr && typeof window.ivr.invoke === 'function') api = window.ivr;
  else {
    const token = browserModeToken();
    if (token) api = createWebClient(token);
  }
  return api;
}

/** Calls a channel; resolves to its value or throws an {@link ApiError}. */
export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const current = getApi();
  if (!current)
    throw new ApiError(
      'forbidden',
      'not connected: open the URL the console printed (it carries a token)',
    );
  const envelope = await current.invoke(channel, input);
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  return envelope.value;
}
