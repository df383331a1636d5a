/**
 * Shared fixtures for the webhook client tests: real loopback servers (node:http, and a python
 * socket that never accepts), an `http` node builder, and the "still healthy" check.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { HttpNode } from '../../src/shared/flow/flow-schema.ts';
import type { WebhookClient } from '../../src/main/webhook/webhook-client.ts';

/** A request as the test server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Handles one request; the body is already read. */
export type Route = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A loopback test server with routes by path (query ignored). */
export interface TestServer {
  port: number;
  /** `http://127.0.0.1:PORT`. */
  base: string;
  /** Every request received, in order. */
  seen: SeenRequest[];
  /** TCP connections accepted. */
  connections: number;
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

/** Sends a JSON reply. */
export function sendJson(res: ServerResponse, value: unknown, type = 'application/json'): void {
  res.writeHead(200, { 'content-type': type });
  res.end(typeof value === 'string' ? value : JSON.stringify(value));
}

/** Starts a server on 127.0.0.1 port 0. `/ok` answers `{"fine": true}`. */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const seen: SeenRequest[] = [];
  const state = { connections: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const handler = routes.get(path);
      if (handler === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('no route');
        return;
      }
      handler(req, res, body);
    });
  });
  server.on('connection', () => state.connections++);
  routes.set('/ok', (_req, res) => sendJson(res, { fine: true }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    seen,
    get connections() {
      return state.connections;
    },
    route: (path, handler) => routes.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An `http` node with the schema's defaults; `url` is required. */
export function httpNode(fields: Partial<HttpNode> & Pick<HttpNode, 'url'>): HttpNode {
  return {
    type: 'http',
    method: 'GET',
    contentType: 'form',
    sendOnHangup: false,
    next: 'after',
    ...fields,
  };
}

/**
 * Asserts the client still works after a failure: a request to `/ok` on `server` succeeds and
 * applies its variable.
 */
export async function assertHealthy(client: WebhookClient, server: TestServer): Promise<void> {
  const { exchange } = await client.execute({
    nodeId: 'health',
    node: httpNode({ url: `${server.base}/ok` }),
    variables: {},
  });
  assert.equal(exchange.error, null, JSON.stringify(exchange.violations));
  assert.deepEqual(exchange.variablesSet, { fine: true });
}

/** A 127.0.0.1 port whose listener never accepts and whose backlog is full: SYNs go unanswered. */
export interface BlackHole {
  port: number;
  close(): void;
}

const NEVER_ACCEPT = `
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
s.listen(0)
print(s.getsockname()[1], flush=True)
sys.stdin.read()
`;

function tryConnect(port: number, waitMs: number): Promise<net.Socket | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(null);
    }, waitMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}

/**
 * Starts a python listener with backlog 0 that never calls accept(), then fills its accept queue
 * so that the kernel drops further SYNs: a connect to it hangs until the client's own timeout.
 */
export async function startBlackHole(): Promise<BlackHole> {
  const child: ChildProcess = spawn('python3', ['-c', NEVER_ACCEPT], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout?.once('data', (data: Buffer) => resolve(Number.parseInt(data.toString(), 10)));
  });
  const fillers: net.Socket[] = [];
  for (let i = 0; i < 8; i++) {
    const socket = await tryConnect(port, 300);
    if (socket === null) break;
    fillers.push(socket);
  }
  return {
    port,
    close() {
      for (const socket of fillers) socket.destroy();
      child.stdin?.end();
      child.kill();
    },
  };
}
