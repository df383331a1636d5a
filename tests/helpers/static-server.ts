/**
 * The one static file server of the tests: serves a folder over HTTP on 127.0.0.1 (a free port),
 * the way a browser tab sees the built renderer or a bundled test page in browser mode. GET only;
 * unknown paths are 404 so a missing asset shows up as a failed request.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { LoopbackServer } from './loopback-server.ts';
import { startLoopbackServer } from './loopback-server.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * Starts the server.
 *
 * @param root - the folder to serve; `/` answers with its index.html
 */
export function serveFolder(root: string): Promise<LoopbackServer> {
  return startLoopbackServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    // Never serve outside `root`, even for a crafted `..` path.
    const inside = file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
    if (req.method !== 'GET' || !inside || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
}
