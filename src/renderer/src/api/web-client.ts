/**
 * Browser mode's client of the contract: the same `IvrApi` the preload gives the desktop app,
 * over the loopback HTTP transport, authenticated by the token in the URL the console printed.
 */
import type { Channel, ConsoleEvent, Envelope, IvrApi } from '../../../shared/contract.ts';

const TOKEN_KEY = 'ivr-console-token';

/** The token from `?token=` (kept for reloads in this tab), or null. */
export function browserModeToken(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the visible address and of history once read.
    window.history.replaceState(null, '', window.location.pathname);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** A client over fetch and EventSource. */
export function createWebClient(token: string): IvrApi {
  const listeners = new Set<(event: ConsoleEvent) => void>();
  let source: EventSource | null = null;
  const connect = (): void => {
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as ConsoleEvent;
      for (const listener of listeners) listener(event);
    };
  };
  return {
    async invoke<C extends Channel>(channel: C, input: unknown) {
      try {
        const response = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Envelope<never>;
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'failed',
            message: `the console did not answer: ${(error as Error).message}`,
          },
        };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
  } as IvrApi;
}
