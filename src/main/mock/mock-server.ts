/**
 * The loopback server that answers mocked nodes (../shared/spec/WORKSPACE.md, "Mock replies").
 * The webhook client has already picked the rule; it sends the request here as
 * `/__mock/<section key>/<node>/<rule number><the original path and query>`, and the server
 * executes that rule on the request it really received: delay, status, headers, templated body,
 * fault. One per process, started at the first route asked for, on 127.0.0.1 port 0.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { MockRoute, MockRule, MockSection } from '../../shared/mock-types.ts';
import { after, writeDribble, writeReply, writeReset } from './mock-faults.ts';
import { renderMockReply } from './mock-reply.ts';
import { createRequestReader, splitTarget } from './mock-request-view.ts';
import { MOCK_PATH_PREFIX } from './mock-target.ts';

/** Largest request body read: a mock still handles whatever a flow's templates produce. */
export const MAX_MOCK_REQUEST_BYTES = 1024 * 1024;

/** Sections kept at once; the oldest is dropped beyond (a console edits its environments). */
const MAX_SECTIONS = 256;

/** The mock server of this process. */
export interface MockServer {
  /** The route to `nodes` (starts the server the first time); same section, same key. */
  route(nodes: MockSection): Promise<MockRoute>;
  /** Stops listening and drops every connection (requests held by `timeout` included). */
  close(): Promise<void>;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
  res.end(text);
}

/** Reads the body up to the cap; null when it is over (the request is then refused). */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_MOCK_REQUEST_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function delayOf(rule: MockRule): number {
  const delay = rule.delayMs;
  if (delay === null) return 0;
  if (typeof delay === 'number') return delay;
  const [min, max] = delay;
  return min + Math.floor(Math.random() * (max - min + 1));
}

/** A port of 127.0.0.1 where nothing listens: bound, read and closed. */
async function reservePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Creates the server (not yet listening: the first {@link MockServer.route} starts it). */
export function createMockServer(): MockServer {
  const keys = new Map<string, string>();
  const sections = new Map<string, MockSection>();
  let counter = 0;

  const ruleOf = (url: string): { rule: MockRule; target: string } | null => {
    if (!url.startsWith(MOCK_PATH_PREFIX)) return null;
    const parts = url.slice(MOCK_PATH_PREFIX.length).split('/');
    const [key, node, number] = parts;
    const section = key === undefined ? undefined : sections.get(key);
    if (section === undefined || node === undefined || number === undefined) return null;
    let nodeId: string;
    try {
      nodeId = decodeURIComponent(node);
    } catch {
      return null;
    }
    const rules = Object.hasOwn(section, nodeId) ? section[nodeId] : undefined;
    const rule = rules?.[Number(number) - 1];
    if (rule === undefined) return null;
    return { rule, target: `/${parts.slice(3).join('/')}` };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const found = ruleOf(req.url ?? '');
    if (found === null) {
      plain(res, 404, 'no such mock rule (the console re-registers its mocks per call)');
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      plain(res, 413, `request body over ${MAX_MOCK_REQUEST_BYTES} bytes`);
      return;
    }
    const { rule, target } = found;
    // `timeout`: the request is held, unanswered, until the client gives up.
    if (rule.fault === 'timeout') return;
    const read = createRequestReader({
      method: req.method ?? 'GET',
      ...splitTarget(target),
      headers: req.rawHeaders,
      body: req.method === 'GET' || req.method === 'DELETE' ? null : body,
    });
    const reply = renderMockReply(rule, read);
    const write =
      rule.fault === 'reset' ? writeReset : rule.fault === 'dribble' ? writeDribble : writeReply;
    const delay = delayOf(rule);
    if (delay === 0) write(res, reply);
    else after(res, delay, () => write(res, reply));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, 'mock server error');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  let started: Promise<{ origin: string; refuseOrigin: string }> | null = null;

  const start = async (): Promise<{ origin: string; refuseOrigin: string }> => {
    const refusePort = await reservePort();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    return { origin: `http://127.0.0.1:${port}`, refuseOrigin: `http://127.0.0.1:${refusePort}` };
  };

  return {
    async route(nodes) {
      started ??= start();
      const { origin, refuseOrigin } = await started;
      const text = JSON.stringify(nodes);
      let key = keys.get(text);
      if (key === undefined) {
        key = `s${++counter}`;
        keys.set(text, key);
        sections.set(key, nodes);
        if (sections.size > MAX_SECTIONS) {
          const [oldText, oldKey] = keys.entries().next().value as [string, string];
          keys.delete(oldText);
          sections.delete(oldKey);
        }
      }
      return { origin, refuseOrigin, key, nodes };
    },
    async close() {
      if (started === null) return;
      await started.catch(() => undefined);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
