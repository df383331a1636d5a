/**
 * Browser mode's transport: the same contract as the Electron IPC, over HTTP on loopback only.
 * `POST /api/<channel>` with a JSON body answers an envelope; `GET /api/events` streams console
 * events (server-sent events); everything else serves the built renderer.
 *
 * Guards, in order, on every request: the Host header must name this loopback server (so a page
 * elsewhere cannot reach it through DNS rebinding), an Origin header if present must be this
 * server's, and API requests must carry the random token printed at start (as a Bearer header,
 * or as `?token=` for the event stream, which EventSource cannot give headers).
 *
 * A malformed request (a path that is not a path, broken percent-encoding, a NUL byte, a body
 * that is not JSON or too large) is answered 4xx with an envelope saying what is wrong; only a
 * bug answers 500, and even then nothing but one line reaches stderr.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import type { ConsoleEvent, Envelope, ErrorCode } from '../../shared/contract.ts';
import { PRODUCTION_CSP } from '../app/content-security-policy.ts';
import type { ChannelHandlers } from '../ipc/channel-handlers.ts';
import { dispatchRequest } from '../ipc/dispatch-request.ts';
import type { EventHub } from '../services/event-hub.ts';
import { readRequestBody } from './read-request-body.ts';
import { requestPath } from './request-path.ts';

/** Largest request body accepted (the contract's inputs are far smaller). */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Largest body of the channels that carry a whole flow text: the editor's save carries two (the
 * text and the one it started from), each up to the 2 MiB flow file limit, and JSON escaping can
 * double a flow text (every quote and line break is escaped).
 */
export const MAX_FLOW_TEXT_BODY_BYTES = 10 * 1024 * 1024;
const FLOW_TEXT_CHANNELS: ReadonlySet<string> = new Set(['flows.save', 'flows.validate']);

/** Options of {@link startWebServer}. */
export interface WebServerOptions {
  handlers: ChannelHandlers;
  hub: EventHub;
  /** The built renderer (`out/renderer`). */
  staticDir: string;
  port?: number;
  /** A fixed token (tests); random 32 bytes otherwise. */
  token?: string;
}

/** A running browser-mode server. */
export interface WebServer {
  /** Base URL, `http://127.0.0.1:PORT`. */
  origin: string;
  /** The URL to open: origin plus `/?token=…`. */
  url: string;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const envelope: Envelope<never> = { ok: false, error: { code, message } };
  send(res, status, envelope);
}

/** Starts the server on 127.0.0.1. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const sockets = new Set<Socket>();
  const streams = new Set<ServerResponse>();
  let allowedHosts: Set<string> = new Set();
  let origins: Set<string> = new Set();

  const tokenOk = (given: string | null | undefined): boolean => {
    if (!given) return false;
    const bytes = Buffer.from(given);
    return bytes.length === tokenBytes.length && timingSafeEqual(bytes, tokenBytes);
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      // A bug, not a bad request (those are answered 4xx above). One line, no stack and no URL
      // (the event stream's carries the token): requests must not be able to fill the log.
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[web] ${req.method ?? '?'} request failed: ${message.slice(0, 200)}`);
      if (!res.headersSent) refuse(res, 500, 'failed', 'internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host))
      return refuse(res, 403, 'forbidden', `host "${host.slice(0, 100)}" is not this console`);
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) {
      return refuse(res, 403, 'forbidden', `origin "${origin.slice(0, 100)}" is not this console`);
    }
    const target = requestPath(req.url);
    if (!target.ok) return refuse(res, target.status, 'invalid_input', target.message);
    const { path, query } = target;
    if (path === '/api/events') return events(req, res, query);
    if (path.startsWith('/api/')) return api(req, res, path.slice('/api/'.length));
    return files(req, res, path);
  }

  async function api(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    const auth = req.headers.authorization;
    if (!tokenOk(auth?.startsWith('Bearer ') ? auth.slice(7) : null)) {
      return refuse(
        res,
        403,
        'forbidden',
        'missing or wrong token: open the URL the console printed',
      );
    }
    if (req.method !== 'POST') return refuse(res, 405, 'invalid_input', 'API requests are POST');
    // JSON only: a cross-site form cannot send this type without a CORS preflight.
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return refuse(res, 415, 'invalid_input', 'send the input as application/json');
    }
    const maxBytes = FLOW_TEXT_CHANNELS.has(channel) ? MAX_FLOW_TEXT_BODY_BYTES : MAX_BODY_BYTES;
    const tooLarge = (): void => {
      res.setHeader('connection', 'close');
      refuse(res, 413, 'invalid_input', `request body over ${maxBytes} bytes`);
      // Let a normal client finish sending so it reads the answer; cut off one that goes on.
      let drained = 0;
      req.on('data', (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > 4 * maxBytes) req.destroy();
      });
      req.resume();
    };
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return tooLarge();
    const body = await readRequestBody(req, maxBytes);
    // A client that hung up mid-body is owed no answer.
    if (body === 'aborted') return void res.destroy();
    if (body === 'too_large') return tooLarge();
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch (error) {
      return refuse(res, 400, 'invalid_input', `body is not JSON: ${(error as Error).message}`);
    }
    send(res, 200, await dispatchRequest(options.handlers, channel, input));
  }

  function events(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    if (req.method !== 'GET') return refuse(res, 405, 'invalid_input', 'the event stream is GET');
    if (!tokenOk(query.get('token')))
      return refuse(res, 403, 'forbidden', 'missing or wrong token');
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = options.hub.subscribe((event: ConsoleEvent) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    // A comment now and then keeps proxies and idle timers from closing the stream.
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  }

  async function files(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(res, 405, 'invalid_input', 'GET only');
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = await servableFile(relative);
    const info = file === null ? null : await stat(file).catch(() => null);
    if (file === null || !info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        relative === 'index.html'
          ? `The console's UI is not built: run "npm run build" (missing ${resolve(options.staticDir, relative)}).`
          : 'not found',
      );
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'content-security-policy': PRODUCTION_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    // pipeline, not pipe: a file removed or unreadable after stat() must end this response, not
    // raise an unhandled 'error' that takes the whole server down.
    pipeline(createReadStream(file), res, (error) => {
      if (error) res.destroy();
    });
  }

  /**
   * The file under the renderer's folder that `relative` names, symlinks resolved, or null when
   * it does not exist or lies outside that folder (`..`, a link pointing elsewhere).
   */
  async function servableFile(relative: string): Promise<string | null> {
    try {
      const root = await realpath(options.staticDir);
      const lexical = resolve(root, relative);
      // Checked before touching the disk too: on Windows a UNC path (\\host\share) would make
      // realpath reach out to another machine.
      if (!lexical.startsWith(root + sep)) return null;
      const file = await realpath(lexical);
      return file.startsWith(root + sep) ? file : null;
    } catch {
      return null; // missing, or not reachable: either way there is nothing to serve
    }
  }

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  origins = new Set([...allowedHosts].map((h) => `http://${h}`));
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/?token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
