/**
 * Fixtures for the TLS and proxy tests: a real `node:https` server on 127.0.0.1 port 0 that
 * records what it received, and a real forward proxy (the `proxy` package) that records what
 * passed through it.
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { createProxy } from 'proxy';
import type { ProxyServer } from 'proxy';
import type { WebhookExchange, WebhookLimits } from '../../src/shared/webhook-types.ts';
import type { WebhookNetwork } from '../../src/main/webhook/network-options.ts';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { SeenRequest } from './helpers.ts';
import { httpNode } from './helpers.ts';

/** A running https server. */
export interface HttpsTestServer {
  port: number;
  /** `https://127.0.0.1:PORT`. */
  base: string;
  seen: SeenRequest[];
  /** TLS connections accepted (handshakes completed). */
  readonly secureConnections: number;
  close(): Promise<void>;
}

/** Options of the https server: its certificate, and mutual TLS settings. */
export type HttpsOptions = Pick<
  https.ServerOptions,
  'cert' | 'key' | 'ca' | 'requestCert' | 'rejectUnauthorized'
>;

/**
 * Starts an https server. Every path answers `{"fine": true, "path": …}`, plus `"client"` (the
 * client certificate's CN) when one was presented.
 */
export async function startHttpsServer(options: HttpsOptions): Promise<HttpsTestServer> {
  const seen: SeenRequest[] = [];
  const state = { secureConnections: 0 };
  const sockets = new Set<Socket>();
  const server = https.createServer(options, (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      const client = peer && typeof peer.subject?.CN === 'string' ? peer.subject.CN : null;
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ fine: true, path, ...(client === null ? {} : { client }) }));
    });
  });
  server.on('secureConnection', (socket: Socket) => {
    state.secureConnections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Failed handshakes must not crash the test: they are what several tests are about.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    base: `https://127.0.0.1:${port}`,
    seen,
    get secureConnections() {
      return state.secureConnections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What went through the proxy. */
export interface ProxySeen {
  /** `host:port` of each CONNECT. */
  connects: string[];
  /** Absolute-form request targets (`http://host:port/path`). */
  requests: string[];
  /** `Proxy-Authorization` of each CONNECT or request (null when absent). */
  authorizations: (string | null)[];
}

/** A running forward proxy. */
export interface TestProxy {
  port: number;
  /** `http://127.0.0.1:PORT`. */
  url: string;
  seen: ProxySeen;
  /** Forgets what was seen. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts a forward proxy on 127.0.0.1 port 0; with `credentials` (`user:password`) it answers 407
 * unless `Proxy-Authorization` carries them.
 */
export async function startProxy(credentials?: string): Promise<TestProxy> {
  const server: ProxyServer = createProxy(http.createServer());
  const seen: ProxySeen = { connects: [], requests: [], authorizations: [] };
  const sockets = new Set<Socket>();
  // Listeners added before the proxy's own ones would run first; these only record.
  server.on('connect', (req: IncomingMessage) => {
    seen.connects.push(req.url ?? '');
    seen.authorizations.push(req.headers['proxy-authorization'] ?? null);
  });
  server.on('request', (req: IncomingMessage) => {
    seen.requests.push(req.url ?? '');
    seen.authorizations.push(req.headers['proxy-authorization'] ?? null);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  if (credentials !== undefined) {
    const expected = `Basic ${Buffer.from(credentials).toString('base64')}`;
    server.authenticate = (req) => req.headers['proxy-authorization'] === expected;
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    seen,
    reset() {
      seen.connects.length = 0;
      seen.requests.length = 0;
      seen.authorizations.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One exchange to `url` with a client of its own (closed afterwards). */
export async function exchangeWith(
  network: WebhookNetwork,
  url: string,
  limits?: Partial<WebhookLimits>,
): Promise<WebhookExchange> {
  const client = createWebhookClient({ network, ...(limits ? { limits } : {}) });
  try {
    const { exchange } = await client.execute({
      nodeId: 'crm',
      node: httpNode({ url }),
      variables: {},
    });
    return exchange;
  } finally {
    await client.close();
  }
}
