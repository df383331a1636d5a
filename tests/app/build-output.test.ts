/**
 * `electron-vite build` produces the four entry files in the shapes Electron needs: an ESM main
 * with the locked-down window, a single CommonJS sandboxed preload, a renderer page with the CSP
 * meta, and a CLI that runs under plain Node.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { META_CSP } from '../../src/main/app/content-security-policy.ts';
import type { BuiltApp } from './fixtures/built-app.ts';
import { buildApp, ROOT } from './fixtures/built-app.ts';

const run = promisify(execFile);

describe('electron-vite build output', () => {
  let built: BuiltApp;
  before(async () => {
    built = await buildApp('build-output');
  });
  after(async () => {
    await built.remove();
  });

  test('produces main, cli, preload and renderer entries', () => {
    for (const file of [built.mainIndex, built.cli, built.preload, built.rendererHtml]) {
      assert.ok(existsSync(file), `missing ${file}`);
    }
  });

  test('the preload is one CommonJS file that exposes only frozen app facts', () => {
    const code = readFileSync(built.preload, 'utf8');
    assert.doesNotMatch(code, /^\s*import[\s{*]/m, 'no top-level import statements');
    assert.doesNotMatch(code, /^\s*export\s/m, 'no export statements');

    // Run it as a sandboxed preload would, against a stand-in contextBridge.
    const required: string[] = [];
    const exposed: Array<[string, unknown]> = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
    };
    vm.runInNewContext(code, {
      require: (id: string) => (required.push(id), electron),
      process: { argv: ['electron', '--ivr-app-version=9.8.7'], platform: 'testos' },
      module: { exports: {} },
      exports: {},
    });
    assert.deepEqual(required, ['electron']);
    assert.equal(exposed.length, 1);
    const [key, api] = exposed[0] ?? [];
    assert.equal(key, 'ivr');
    assert.deepEqual({ ...(api as object) }, { version: '9.8.7', platform: 'testos' });
    assert.ok(Object.isFrozen(api));
  });

  test('the main entry creates a sandboxed, isolated window and installs the guards', () => {
    const code = readFileSync(built.mainIndex, 'utf8');
    // Accept both plain and minified booleans (`true` / `!0`, `false` / `!1`).
    assert.match(code, /sandbox:\s*(?:true|!0)/);
    assert.match(code, /contextIsolation:\s*(?:true|!0)/);
    assert.match(code, /nodeIntegration:\s*(?:false|!1)/);
    assert.match(code, /webSecurity:\s*(?:true|!0)/);
    assert.doesNotMatch(code, /nodeIntegration:\s*(?:true|!0)/);
    assert.doesNotMatch(code, /(?:sandbox|contextIsolation|webSecurity):\s*(?:false|!1)/);
    assert.match(code, /preload\/index\.cjs/);
    for (const guard of [
      'will-navigate',
      'setWindowOpenHandler',
      'setPermissionRequestHandler',
      'onHeadersReceived',
      'requestSingleInstanceLock',
      "frame-ancestors 'none'",
    ]) {
      assert.ok(code.includes(guard), `main lacks ${guard}`);
    }
  });

  test('only the Electron entry imports electron: the CLI and shared chunks run under Node', () => {
    const mainDir = join(built.dir, 'main');
    const files = readdirSync(mainDir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .filter((file) => file !== 'index.js');
    assert.ok(files.includes('cli.js'));
    for (const file of files) {
      const code = readFileSync(join(mainDir, file), 'utf8');
      assert.doesNotMatch(code, /from\s*["']electron["']|require\(["']electron["']\)/, file);
    }
  });

  test('the renderer page declares its language and carries the CSP meta', () => {
    const html = readFileSync(built.rendererHtml, 'utf8');
    assert.match(html, /<html lang="en">/);
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    assert.equal(meta?.[1], META_CSP);
    assert.doesNotMatch(html, /https?:\/\//, 'no external resources');
  });

  test('the built CLI validates a sample flow under plain Node', async () => {
    const { stdout } = await run(
      process.execPath,
      [built.cli, 'validate', 'resources/flows/balance.json'],
      { cwd: ROOT },
    );
    // execFile rejects on a non-zero exit, so reaching here means exit status 0.
    assert.match(stdout, /balance\.json: valid/);
  });
});
