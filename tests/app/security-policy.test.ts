/**
 * The pure pieces behind the Electron shell's guards: which URLs count as the app's own, which
 * links may leave for the system browser, the CSP in its three forms, where the renderer is loaded
 * from, and how the preload learns the app's version.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { appVersionArgument, readAppVersion } from '../../src/preload/app-version-argument.ts';
import { isAppUrl, isExternalWebUrl, isLoopbackDevServerUrl } from '../../src/main/app/app-url.ts';
import {
  developmentCsp,
  META_CSP,
  PRODUCTION_CSP,
} from '../../src/main/app/content-security-policy.ts';
import { rendererLocation } from '../../src/main/app/renderer-location.ts';
import { ROOT } from '../helpers/built-app.ts';

describe('isAppUrl', () => {
  const dev = 'http://localhost:5173';
  const file = 'file:///opt/ivr/out/renderer/index.html';

  test('accepts the dev server origin and nothing else', () => {
    assert.equal(isAppUrl('http://localhost:5173/src/main.tsx', dev), true);
    assert.equal(isAppUrl('http://localhost:5174/', dev), false);
    assert.equal(isAppUrl('http://127.0.0.1:5173/', dev), false);
    assert.equal(isAppUrl('https://example.com/', dev), false);
  });

  test('accepts files inside the renderer folder only', () => {
    assert.equal(isAppUrl(file, file), true);
    assert.equal(isAppUrl('file:///opt/ivr/out/renderer/assets/index.js', file), true);
    assert.equal(isAppUrl('file:///opt/ivr/out/main/index.js', file), false);
    assert.equal(isAppUrl('file:///etc/passwd', file), false);
    assert.equal(isAppUrl('https://example.com/', file), false);
  });

  test('rejects what is not a URL', () => {
    assert.equal(isAppUrl('not a url', file), false);
    assert.equal(isAppUrl(file, 'not a url'), false);
  });
});

test('only http and https links go to the system browser', () => {
  assert.equal(isExternalWebUrl('https://example.com/docs'), true);
  assert.equal(isExternalWebUrl('http://example.com/'), true);
  for (const url of [
    'file:///etc/passwd',
    'smb://host/share',
    'javascript:alert(1)',
    'about:blank',
    'x',
  ]) {
    assert.equal(isExternalWebUrl(url), false, url);
  }
});

test('a dev server URL must be loopback http(s)', () => {
  assert.equal(isLoopbackDevServerUrl('http://localhost:5173'), true);
  assert.equal(isLoopbackDevServerUrl('http://127.0.0.1:5173'), true);
  assert.equal(isLoopbackDevServerUrl('http://[::1]:5173'), true);
  assert.equal(isLoopbackDevServerUrl('http://evil.example:5173'), false);
  assert.equal(isLoopbackDevServerUrl('file:///tmp/index.html'), false);
});

describe('Content-Security-Policy', () => {
  test('production forbids inline scripts, framing and plugins', () => {
    assert.match(PRODUCTION_CSP, /(?:^|; )script-src 'self'(?:;|$)/);
    assert.match(PRODUCTION_CSP, /frame-ancestors 'none'/);
    assert.match(PRODUCTION_CSP, /object-src 'none'/);
    assert.doesNotMatch(PRODUCTION_CSP, /unsafe-eval/);
  });

  test('index.html carries the header policy minus frame-ancestors', () => {
    const html = readFileSync(join(ROOT, 'src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    assert.equal(meta?.[1], META_CSP);
    assert.equal(META_CSP, PRODUCTION_CSP.replace("; frame-ancestors 'none'", ''));
  });

  test('development adds the HMR socket and inline scripts, nothing more', () => {
    const csp = developmentCsp('http://localhost:5173');
    assert.match(csp, /connect-src 'self' ws:\/\/localhost:5173(?:;|$)/);
    assert.match(csp, /script-src 'self' 'unsafe-inline'(?:;|$)/);
    // Removing the two additions gives back the production policy exactly.
    const stripped = csp.replace(" 'unsafe-inline'", '').replace(' ws://localhost:5173', '');
    assert.equal(stripped, PRODUCTION_CSP);
    assert.match(developmentCsp('https://localhost:5173'), /wss:\/\/localhost:5173/);
  });
});

describe('rendererLocation', () => {
  // Built with the host's path rules, as main does, so the test holds on Windows too.
  const mainDir = resolve('/opt/ivr/out/main');
  const indexHtml = resolve('/opt/ivr/out/renderer/index.html');

  test('uses the dev server when electron-vite set it', () => {
    assert.deepEqual(
      rendererLocation({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false, mainDir),
      {
        kind: 'dev-server',
        url: 'http://localhost:5173',
      },
    );
  });

  test('loads the built page otherwise, and always when packaged or not loopback', () => {
    const built = {
      kind: 'file',
      file: indexHtml,
      url: pathToFileURL(indexHtml).href,
    };
    assert.deepEqual(rendererLocation({}, false, mainDir), built);
    assert.deepEqual(
      rendererLocation({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true, mainDir),
      built,
    );
    assert.deepEqual(
      rendererLocation({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false, mainDir),
      built,
    );
  });
});

test('the preload reads back the version main passes', () => {
  assert.equal(
    readAppVersion(['electron', '--type=renderer', appVersionArgument('1.2.3')]),
    '1.2.3',
  );
  assert.equal(readAppVersion(['electron', '--type=renderer']), 'unknown');
  assert.equal(readAppVersion([appVersionArgument('')]), 'unknown');
});
