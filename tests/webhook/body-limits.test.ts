/**
 * The body cap (counted while streaming, never buffered beyond it) and UTF-8 decoding.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { WebhookClient } from '../../src/main/webhook/webhook-client.ts';
import type { TestServer } from './helpers.ts';
import { assertHealthy, httpNode, startServer } from './helpers.ts';

const CAP = 65536;
const CHUNK = 16 * 1024;
const MEGABYTE = 1024 * 1024;
const SOCKET_READ = 64 * 1024;

describe('body size and encoding', () => {
  let server: TestServer;
  let client: WebhookClient;
  const streamed = { written: 0, closedEarly: false, finished: false };

  before(async () => {
    server = await startServer();
    client = createWebhookClient();
    // 1 MB in 16 KiB chunks, paced so that the kernel buffers cannot swallow it all at once.
    server.route('/stream', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const pump = (): void => {
        if (res.destroyed) return;
        if (streamed.written >= MEGABYTE) {
          res.end();
          streamed.finished = true;
          return;
        }
        res.write(Buffer.alloc(CHUNK, 0x20));
        streamed.written += CHUNK;
        setTimeout(pump, 5);
      };
      res.on('close', () => {
        streamed.closedEarly = !res.writableFinished;
      });
      pump();
    });
    server.route('/length', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': MEGABYTE });
      res.end(Buffer.alloc(MEGABYTE, 0x61));
    });
    server.route('/exact', (req, res) => {
      const size = Number(new URL(req.url ?? '', server.base).searchParams.get('size'));
      const json = '{"a":1}';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(json + ' '.repeat(size - json.length));
    });
    server.route('/latin1', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0xff, 0xfe]));
    });
    server.route('/emoji-at-cap', (_req, res) => {
      // 65535 ASCII bytes then a 4-byte emoji: the cap cuts the emoji after its first byte.
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(Buffer.concat([Buffer.alloc(CAP - 1, 0x61), Buffer.from('😀')]));
    });
  });

  after(async () => {
    await client.close();
    await server.close();
  });

  test('a streamed 1 MB body stops at the cap: body_too_large', async () => {
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/stream` }),
      variables: {},
    });
    assert.equal(exchange.error, 'body_too_large');
    assert.deepEqual(exchange.variablesSet, {});
    assert.deepEqual(exchange.parsed, {});
    const response = exchange.response;
    assert.ok(response !== null);
    assert.equal(response.truncated, true);
    assert.ok(response.bytesRead > CAP, `bytesRead ${response.bytesRead}`);
    // Never more than the cap plus the one chunk that crossed it (a socket read is at most
    // 64 KiB; the paced 16 KiB writes normally arrive one by one).
    assert.ok(response.bytesRead <= CAP + SOCKET_READ, `bytesRead ${response.bytesRead}`);
    assert.equal(Buffer.byteLength(response.body), CAP);
    // The server saw the connection closed long before it could send the whole megabyte.
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(streamed.closedEarly, true);
    assert.equal(streamed.finished, false);
    assert.ok(streamed.written < MEGABYTE / 2, `server wrote ${streamed.written}`);
    await assertHealthy(client, server);
  });

  test('a Content-Length body over the cap is body_too_large too', async () => {
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/length`, setVariable: 'reply' }),
      variables: {},
    });
    assert.equal(exchange.error, 'body_too_large');
    assert.deepEqual(exchange.variablesSet, {});
    assert.ok((exchange.response?.bytesRead ?? Infinity) <= 2 * CAP);
    assert.equal(exchange.response?.body.length, CAP);
    await assertHealthy(client, server);
  });

  test('exactly 65536 bytes pass, 65537 do not', async () => {
    const fits = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/exact?size=${CAP}` }),
      variables: {},
    });
    assert.equal(fits.exchange.error, null);
    assert.deepEqual(fits.exchange.variablesSet, { a: 1 });
    assert.equal(fits.exchange.response?.bytesRead, CAP);
    assert.equal(fits.exchange.response?.truncated, false);

    const over = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/exact?size=${CAP + 1}` }),
      variables: {},
    });
    assert.equal(over.exchange.error, 'body_too_large');
    assert.deepEqual(over.exchange.variablesSet, {});
    await assertHealthy(client, server);
  });

  test('invalid UTF-8 is invalid_encoding, recorded lossy and as base64', async () => {
    const { exchange } = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/latin1`, setVariable: 'reply' }),
      variables: {},
    });
    assert.equal(exchange.error, 'invalid_encoding');
    assert.deepEqual(exchange.variablesSet, {});
    assert.equal(exchange.response?.body, 'caf\uFFFD\uFFFD\uFFFD');
    assert.equal(
      exchange.response?.bodyBase64,
      Buffer.from([0x63, 0x61, 0x66, 0xe9, 0xff, 0xfe]).toString('base64'),
    );
    await assertHealthy(client, server);
  });

  test('valid UTF-8 has no bodyBase64; a character cut by the cap is not an encoding error', async () => {
    const ok = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/ok` }),
      variables: {},
    });
    assert.equal(ok.exchange.response?.bodyBase64, undefined);

    const cut = await client.execute({
      nodeId: 'n',
      node: httpNode({ url: `${server.base}/emoji-at-cap`, setVariable: 'reply' }),
      variables: {},
    });
    assert.deepEqual(
      cut.exchange.violations.map((violation) => violation.code),
      ['body_too_large'],
    );
    assert.equal(cut.exchange.response?.bodyBase64, undefined);
    assert.equal(cut.exchange.response?.body, 'a'.repeat(CAP - 1));
  });
});
