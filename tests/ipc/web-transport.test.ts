import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Envelope } from '../../src/shared/contract.ts';
import type { WebServer } from '../../src/main/web/web-server.ts';
import { MAX_FLOW_TEXT_BODY_BYTES, startWebServer } from '../../src/main/web/web-server.ts';
import { tempDir } from '../helpers/cli-process.ts';
import type { RawAnswer, RawRequestOptions } from '../helpers/raw-request.ts';
import { rawRequest } from '../helpers/raw-request.ts';
import type { TestConsole } from '../helpers/console-services.ts';
import { startTestConsole } from '../helpers/console-services.ts';

let con: TestConsole;
let server: WebServer;
let port: number;

before(async () => {
  con = await startTestConsole();
  const staticDir = tempDir('ivr-static-');
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>IVR Test Console</title>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({ handlers: con.handlers, hub: con.services.hub, staticDir });
  port = Number(new URL(server.origin).port);
});
after(async () => {
  await server.close();
  await con.services.close();
});

/** One request with the path exactly as given. */
const raw = (path: string, options?: RawRequestOptions): Promise<RawAnswer> =>
  rawRequest(port, path, options);

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${channel}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${server.token}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });

describe('browser mode transport', () => {
  test('listens on loopback and prints a URL with a long random token', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  test('a request with the token answers the envelope', async () => {
    const answer = await api('app.info', {});
    assert.equal(answer.status, 200);
    const envelope = JSON.parse(answer.body);
    assert.equal(envelope.ok, true);
    assert.equal(envelope.value.shell, 'browser');
  });

  test('no token, a wrong token, or a token of another length are refused', async () => {
    for (const authorization of [
      undefined,
      'Bearer nope',
      `Bearer ${server.token}x`,
      server.token,
    ]) {
      const answer = await raw('/api/app.info', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: '{}',
      });
      assert.equal(answer.status, 403, String(authorization));
      assert.match(JSON.parse(answer.body).error.message, /token/);
    }
  });

  test('a foreign Origin or Host is refused even with the token (no cross-site use, no DNS rebinding)', async () => {
    const fromElsewhere = await api('app.info', {}, { origin: 'https://evil.example' });
    assert.equal(fromElsewhere.status, 403);
    assert.match(
      JSON.parse(fromElsewhere.body).error.message,
      /origin "https:\/\/evil\.example" is not this console/,
    );
    const otherPort = await api('app.info', {}, { origin: `http://127.0.0.1:${port + 1}` });
    assert.equal(otherPort.status, 403);
    const rebound = await api('app.info', {}, { host: `evil.example:${port}` });
    assert.equal(rebound.status, 403);
    assert.match(
      JSON.parse(rebound.body).error.message,
      /host "evil\.example:\d+" is not this console/,
    );
    const sameOrigin = await api(
      'app.info',
      {},
      { origin: `http://localhost:${port}`, host: `localhost:${port}` },
    );
    assert.equal(sameOrigin.status, 200);
  });

  test('only JSON POSTs of bounded size reach the dispatcher', async () => {
    const form = await raw('/api/app.info', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Bearer ${server.token}`,
      },
      body: 'a=1',
    });
    assert.equal(form.status, 415);
    const get = await raw('/api/app.info', {
      headers: { authorization: `Bearer ${server.token}` },
    });
    assert.equal(get.status, 405);
    const notJson = await raw('/api/app.info', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: '{oops',
    });
    assert.equal(notJson.status, 400);
    assert.match(JSON.parse(notJson.body).error.message, /body is not JSON/);
    const huge = await api('flows.open', { path: 'x'.repeat(300 * 1024) });
    assert.equal(huge.status, 413);
    const unknown = await api('fs.readFile', {});
    assert.equal(JSON.parse(unknown.body).error.code, 'unknown_channel');
    const invalid = await api('call.pressKey', { callId: 'x', key: '1' });
    assert.equal(JSON.parse(invalid.body).error.code, 'invalid_input');
    const still = await api('app.info', {});
    assert.equal(still.status, 200, 'the server is still healthy');
  });

  test("the editor's flow texts get a bigger bound, still a bound", async () => {
    // A 1 MiB flow, edited: the text and the one it started from, JSON-escaped on the way.
    const path = join(tempDir('ivr-web-flow-'), 'big.json');
    const text = JSON.stringify({ id: 'big', description: '"'.repeat(512 * 1024) }, null, 2);
    writeFileSync(path, text);
    const validated = await api('flows.validate', { path, text });
    assert.equal(validated.status, 200);
    const problems = JSON.parse(validated.body) as Envelope<{ pointer: string }[]>;
    assert.ok(
      problems.ok && problems.value.some((p) => p.pointer === '/nodes'),
      validated.body.slice(0, 500),
    );
    const saved = await api('flows.save', { path, text: `${text}\n`, base: text });
    assert.equal(JSON.parse(saved.body).ok, true);
    assert.equal(readFileSync(path, 'utf8'), `${text}\n`);
    const over = await api('flows.validate', { path, text: 'x'.repeat(MAX_FLOW_TEXT_BODY_BYTES) });
    assert.equal(over.status, 413);
    assert.match(JSON.parse(over.body).error.message, /request body over 10485760 bytes/);
  });

  test('static files are served with the CSP; nothing outside the folder is', async () => {
    const index = await raw('/');
    assert.equal(index.status, 200);
    assert.match(String(index.headers['content-security-policy']), /script-src 'self'/);
    assert.equal((await raw('/assets/app.js')).status, 200);
    for (const path of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/../../package.json',
    ]) {
      assert.equal((await raw(path)).status, 404, path);
    }
  });

  test('the event stream needs the token and carries console events', async () => {
    assert.equal((await raw('/api/events')).status, 403);
    assert.equal((await raw('/api/events?token=wrong')).status, 403);
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: `/api/events?token=${server.token}`,
          headers: { host: `127.0.0.1:${port}` },
        },
        (res) => {
          assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
          let text = '';
          res.setEncoding('utf8').on('data', (d: string) => {
            text += d;
            if (text.includes(': connected'))
              con.services.hub.emit({ kind: 'notice', level: 'info', message: 'hello' });
            if (text.includes('"hello"')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'ECONNRESET' ? undefined : reject(error),
      );
      req.end();
    });
    assert.match(received, /data: \{"kind":"notice","level":"info","message":"hello"\}/);
  });
});
