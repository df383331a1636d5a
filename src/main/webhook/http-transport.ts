/**
 * The HTTP transport of one client: a single keep-alive undici `Agent` (the engine makes one
 * client per call, so a call's webhooks to the same CRM share a socket), a connector that applies
 * each request's own connect timeout and measures connect time, and nothing that follows
 * redirects.
 */
import type { Socket } from 'node:net';
import { Agent, buildConnector, errors } from 'undici';
import { ResponseCollector } from './response-collector.ts';
import type { ConnectAttempt } from './response-collector.ts';
import type { TransportRequest, TransportResult } from './transport-types.ts';

/** Sends requests; never rejects. */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResult>;
  close(): Promise<void>;
}

/**
 * Creates the transport. `fallbackConnectTimeoutMs` applies if undici ever opens a socket that no
 * waiting request claims.
 */
export function createTransport(fallbackConnectTimeoutMs: number): Transport {
  const connectors = new Map<number, buildConnector.connector>();
  // Requests dispatched that have no socket yet, oldest first. undici opens a socket either
  // synchronously inside `dispatch` or, for a request queued in the pool, when an earlier one
  // releases its connection; either way the oldest waiting request of that origin is the one the
  // new socket serves. A request that reuses a kept-alive socket never reaches the connector,
  // so its connectMs stays null.
  const waiting = new Set<ConnectAttempt>();
  const release = (collector: ConnectAttempt): void => {
    waiting.delete(collector);
  };

  const claim = (origin: string): ConnectAttempt | null => {
    for (const attempt of waiting) {
      if (!attempt.connecting && attempt.origin === origin) {
        attempt.connecting = true;
        return attempt;
      }
    }
    return null;
  };

  const connect: buildConnector.connector = (options, callback) => {
    const attempt = claim(`${options.protocol}//${options.host ?? options.hostname}`);
    const timeoutMs = attempt?.connectTimeoutMs ?? fallbackConnectTimeoutMs;
    let connector = connectors.get(timeoutMs);
    if (connector === undefined) {
      // The real connector timeout: it destroys the socket and fails with ConnectTimeoutError.
      connector = buildConnector({ timeout: timeoutMs, allowH2: false });
      connectors.set(timeoutMs, connector);
    }
    const started = performance.now();
    // undici's connect timer runs on its coarse "fast timers" (about 500 ms resolution: a 300 ms
    // limit fired after a second). This precise timer fails the socket the same way, on time.
    let socket: Socket | undefined;
    const timer = setTimeout(() => {
      socket?.destroy(
        new errors.ConnectTimeoutError(
          `Connect Timeout Error (attempted address: ${options.hostname}:${options.port}, timeout: ${timeoutMs}ms)`,
        ),
      );
    }, timeoutMs);
    try {
      // The built-in connector returns the socket it opened, though its typings say void.
      socket = connector(options, (...result) => {
        clearTimeout(timer);
        if (attempt !== null) {
          attempt.connecting = false;
          if (result[0] === null) attempt.connectMs = performance.now() - started;
        }
        callback(...result);
      }) as unknown as Socket | undefined;
    } catch (error) {
      clearTimeout(timer);
      throw error;
    }
  };

  const agent = new Agent({
    connect,
    allowH2: false,
    // One socket per origin: sequential requests always reuse it. With more, undici's pool opens
    // a second socket whenever the first is still in its one-tick post-response check.
    connections: 1,
    // The collector enforces one total response deadline; undici's idle timers are not needed.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  let closing: Promise<void> | null = null;

  return {
    send(request) {
      return new Promise<TransportResult>((resolve) => {
        const collector = new ResponseCollector(request, performance.now(), resolve, release);
        waiting.add(collector);
        try {
          // Errors thrown here (closed agent, invalid header) reach collector.onResponseError.
          agent.dispatch(
            {
              origin: request.origin,
              path: request.path,
              method: request.method,
              headers: request.headers,
              body: request.body,
            },
            collector,
          );
        } catch (error) {
          collector.onResponseError(null, error as Error);
        }
      });
    },
    close() {
      closing ??= agent.close();
      return closing;
    },
  };
}
