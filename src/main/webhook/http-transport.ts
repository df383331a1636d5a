/**
 * The HTTP transport of one client: a single keep-alive undici `Agent` (the engine makes one
 * client per call, so a call's webhooks to the same CRM share a socket), our own connector (see
 * open-connection.ts) that applies each request's own connect timeout, measures connect and TLS
 * time, opens CONNECT tunnels through a proxy and applies the environment's TLS settings, and
 * nothing that follows redirects.
 *
 * Proxies are handled here rather than with undici's `ProxyAgent`, which brings its own
 * connectors: an https target is reached through a CONNECT tunnel the connector opens (undici then
 * sees an ordinary TLS socket to the target); an http target's request is dispatched to the
 * proxy's origin in absolute form (`GET http://crm.example/path`, `Host: crm.example`).
 */
import { Agent } from 'undici';
import type { buildConnector } from 'undici';
import type { WebhookNetwork } from './network-options.ts';
import { openConnection } from './open-connection.ts';
import { routeFor } from './proxy-route.ts';
import type { ProxyEndpoint, ProxyRoute } from './proxy-route.ts';
import { ResponseCollector } from './response-collector.ts';
import type { ConnectAttempt } from './response-collector.ts';
import { createTlsSetup } from './tls-settings.ts';
import type { TlsSetup } from './tls-settings.ts';
import type { TransportRequest, TransportResult } from './transport-types.ts';
import { unsent } from './transport-types.ts';

/** Sends requests; never rejects. */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResult>;
  close(): Promise<void>;
}

/** The request's headers plus what a proxy in absolute form needs (`Host`, credentials). */
function forwardedHeaders(request: TransportRequest, proxy: ProxyEndpoint): string[] {
  const headers = [...request.headers];
  let hasHost = false;
  for (let i = 0; i < headers.length; i += 2) {
    if (headers[i]?.toLowerCase() === 'host') hasHost = true;
  }
  if (!hasHost) headers.push('host', new URL(request.origin).host);
  if (proxy.authorization !== null) headers.push('proxy-authorization', proxy.authorization);
  return headers;
}

/**
 * Creates the transport. `fallbackConnectTimeoutMs` applies if undici ever opens a socket that no
 * waiting request claims; `network` brings the TLS settings and the proxy (headers are the
 * renderer's business).
 */
export function createTransport(
  fallbackConnectTimeoutMs: number,
  network: WebhookNetwork = {},
): Transport {
  // Built at the first https request: a call that only talks plain http never pays for it.
  let tlsSetup: TlsSetup | null = null;
  const tlsSettings = (): TlsSetup => (tlsSetup ??= createTlsSetup(network.tls));
  const sessions = new Map<string, Buffer>();
  // Routes by target origin (the decision only depends on it), and the proxies that http
  // requests are forwarded to, by the proxy's origin the pool connects to.
  const routes = new Map<string, ProxyRoute>();
  const forwardProxies = new Map<string, ProxyEndpoint>();
  const routeOf = (origin: string): ProxyRoute => {
    let route = routes.get(origin);
    if (route === undefined) {
      route = routeFor(new URL(origin), network);
      routes.set(origin, route);
    }
    return route;
  };

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
    const origin = `${options.protocol}//${options.host ?? options.hostname}`;
    const attempt = claim(origin);
    const timeoutMs = attempt?.connectTimeoutMs ?? fallbackConnectTimeoutMs;
    const https = options.protocol === 'https:';
    let proxy: ProxyEndpoint | null = null;
    if (https) {
      const route = routeOf(origin);
      if (route.kind === 'tunnel') proxy = route.proxy;
    } else {
      proxy = forwardProxies.get(origin) ?? null;
    }
    const settle = (error: Error | null): void => {
      if (attempt !== null) attempt.connecting = false;
      if (error !== null) callback(error, null);
    };
    try {
      openConnection(
        {
          protocol: https ? 'https:' : 'http:',
          hostname: options.hostname,
          port: Number(options.port) || (https ? 443 : 80),
          proxy,
          tls: https ? tlsSettings().settings : null,
          sessions,
        },
        timeoutMs,
        (error, socket, times) => {
          if (error !== null) {
            settle(error);
            return;
          }
          settle(null);
          if (attempt !== null) {
            attempt.connectMs = times.connectMs;
            attempt.tlsMs = times.tlsMs;
          }
          callback(null, socket);
        },
      );
    } catch (error) {
      settle(error as Error);
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
      const route = routeOf(request.origin);
      if (route.kind === 'invalid') {
        return Promise.resolve(unsent({ code: 'network_error', detail: route.detail }));
      }
      if (request.origin.startsWith('https:')) {
        const setup = tlsSettings();
        if (setup.error !== null) {
          return Promise.resolve(unsent({ code: 'tls_error', detail: setup.error }));
        }
      }
      let origin = request.origin;
      let path = request.path;
      let headers = request.headers;
      let proxy: ProxyEndpoint | null = null;
      if (route.kind === 'forward') {
        proxy = route.proxy;
        forwardProxies.set(proxy.origin, proxy);
        origin = proxy.origin;
        path = request.origin + request.path;
        headers = forwardedHeaders(request, proxy);
      } else if (route.kind === 'tunnel') {
        proxy = route.proxy;
      }
      return new Promise<TransportResult>((resolve) => {
        const collector = new ResponseCollector(request, performance.now(), resolve, release, {
          origin,
          proxy,
          forwarded: route.kind === 'forward',
        });
        waiting.add(collector);
        try {
          // Errors thrown here (closed agent, invalid header) reach collector.onResponseError.
          agent.dispatch(
            { origin, path, method: request.method, headers, body: request.body },
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
