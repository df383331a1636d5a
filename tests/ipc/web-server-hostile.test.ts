/**
 * Browser mode against hostile requests: the real `npm run web` entry in a child process, raw
 * HTTP on loopback (node:http with paths as written, or a bare socket, since fetch would clean
 * them up first). Every malformed request gets a clear 4xx, never a 500 or a stack trace on the
 * server's stderr, nothing outside the renderer's folder is ever served, and the server stays up.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../helpers/cli-process.ts';
import type { RawAnswer, RawRequestOptions } from '../helpers/raw-request.ts';
import { rawRequest } from '../helpers/raw-request.ts';

const LAUNCHER = join(ROOT, 'src/main/web/main.ts');
const URL_LINE = /\(browser mode\): http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+)/;
/** Written beside the renderer's folder: no request may ever read it. */
const SECRET = 'the-secret-next-door';

let work: string;
let port: number;
let token: string;
let stderr = '';
let stop: () => Promise<void>;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'ivr-web-hostile-'));
  const staticDir = join(work, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>IVR Test Console</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(work, 'secret.txt'), SECRET);
  if (process.platform !== 'win32')
    symlinkSync(join(work, 'secret.txt'), join(staticDir, 'link.txt'));
  const child = spawn(
    process.execPath,
    [LAUNCHER, '--port', '0', '--data-dir', join(work, 'data'), '--static-dir', staticDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(work, { recursive: true, force: true });
  };
  [port, token] = await new Promise<[number, string]>((resolve, reject) => {
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const match = URL_LINE.exec(stdout);
      if (match) resolve([Number(match[1]), match[2] as string]);
    });
    void exited.then(() => reject(new Error(`the web server exited: ${stderr}`)));
  });
});
after(() => stop());

/** One request with the path exactly as given. */
const raw = (path: string, options?: RawRequestOptions): Promise<RawAnswer> =>
  rawRequest(port, path, options);

/** Bytes on a bare socket (for request lines no HTTP client would send); the status line back. */
function socketRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.setEncoding('utf8').on('data', (d: string) => {
      answer += d;
      if (answer.includes('\r\n\r\n')) socket.end();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

const auth = () => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

/** A 4xx with the envelope's invalid_input error matching `message`. */
function assertRefused(answer: RawAnswer, status: number, message: RegExp, what: string): void {
  assert.equal(answer.status, status, `${what}: ${answer.body}`);
  const envelope = JSON.parse(answer.body);
  assert.equal(envelope.ok, false, what);
  assert.equal(envelope.error.code, 'invalid_input', what);
  assert.match(envelope.error.message, message, what);
}

describe('browser mode on hostile requests', () => {
  test('bad percent-encoding is a 400 naming the problem, for files and for the API', async () => {
    for (const path of ['/%', '/%c0%ae%c0%ae/etc/passwd', '/%zz', '/assets/%E0%A4%A']) {
      assertRefused(await raw(path), 400, /malformed percent-encoding/, `GET ${path}`);
    }
    for (const path of ['/api/%', '/api/app.info%ff']) {
      const answer = await raw(path, { method: 'POST', headers: auth(), body: '{}' });
      assertRefused(answer, 400, /malformed percent-encoding/, `POST ${path}`);
    }
  });

  test('a NUL byte in the path is a 400', async () => {
    for (const path of ['/%00', '/index.html%00.js']) {
      assertRefused(await raw(path), 400, /NUL byte/, `GET ${path}`);
    }
    const api = await raw('/api/app.info%00', { method: 'POST', headers: auth(), body: '{}' });
    assertRefused(api, 400, /NUL byte/, 'POST /api/app.info%00');
  });

  test('nothing outside the renderer folder is served, however the path climbs', async () => {
    const climbing = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/../../secret.txt',
      '/..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '//secret.txt',
      '/link.txt', // a symlink inside the folder that points out of it
    ];
    for (const path of climbing) {
      const answer = await raw(path);
      assert.ok([400, 404].includes(answer.status), `${path}: ${answer.status}`);
      assert.ok(!answer.body.includes(SECRET), `${path} served the file next door`);
    }
    assertRefused(await raw('/..%2fsecret.txt'), 400, /climbs out/, 'an encoded slash');
    assert.equal((await raw('/assets/app.js')).status, 200, 'files inside are still served');
  });

  test('request targets that are not paths, or are overlong, are 4xx', async () => {
    const host = `Host: 127.0.0.1:${port}\r\n`;
    for (const target of [`http://127.0.0.1:${port}/%zz`, '*', 'index.html']) {
      const answer = await socketRequest(`GET ${target} HTTP/1.1\r\n${host}\r\n`);
      assert.match(answer, /^HTTP\/1\.1 400 /, target);
    }
    const long = await raw(`/${'a'.repeat(10_000)}`);
    assertRefused(long, 414, /request target over 8192 characters/, 'a 10 KB path');
    const huge = await socketRequest(`GET /${'a'.repeat(20_000)} HTTP/1.1\r\n${host}\r\n`);
    assert.match(huge, /^HTTP\/1\.1 431 /, "Node's own header limit");
  });

  test('an invalid or missing Host is refused', async () => {
    assert.match(
      await socketRequest('GET / HTTP/1.1\r\nHost: \u00ff\u00fe\r\n\r\n'),
      /^HTTP\/1\.1 403 /,
    );
    assert.match(await socketRequest('GET / HTTP/1.0\r\n\r\n'), /^HTTP\/1\.1 403 /);
    assert.match(
      await socketRequest(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}@evil.example\r\n\r\n`),
      /^HTTP\/1\.1 403 /,
    );
  });

  test('bodies that are not JSON, or too deep, or too large, never reach a 500', async () => {
    for (const body of ['{oops', '\u0000', '\uFEFF{}', '"unterminated']) {
      const answer = await raw('/api/app.info', { method: 'POST', headers: auth(), body });
      assertRefused(answer, 400, /body is not JSON/, JSON.stringify(body));
    }
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const nested = await raw('/api/app.info', { method: 'POST', headers: auth(), body: deep });
    assert.equal(nested.status, 200);
    assert.equal(JSON.parse(nested.body).error.code, 'invalid_input');
    // Chunked, so no Content-Length warns the server: it must count.
    const chunk = 'a'.repeat(0x10000);
    const chunked = await socketRequest(
      `POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\n` +
        'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n' +
        `10000\r\n${chunk}\r\n`.repeat(5),
    );
    assert.match(chunked, /^HTTP\/1\.1 413 /);
  });

  test('a client that hangs up mid-body leaves the server healthy', async () => {
    await new Promise<void>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\n` +
            'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":',
          () => socket.destroy(),
        );
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    const answer = await raw('/api/app.info', { method: 'POST', headers: auth(), body: '{}' });
    assert.equal(answer.status, 200);
  });

  test('after all of it: still serving, and not one stack trace or failure on stderr', async () => {
    const answer = await raw('/api/app.info', { method: 'POST', headers: auth(), body: '{}' });
    assert.equal(answer.status, 200);
    assert.equal(JSON.parse(answer.body).ok, true);
    assert.doesNotMatch(stderr, /\n\s+at |URIError|request failed|Error:/, stderr);
  });
});
