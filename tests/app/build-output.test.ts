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
import { loadFlowFile } from '../../src/main/flows/load-flow-file.ts';
import { runLoad } from '../../src/main/load/run-load.ts';
import type { BuiltApp } from '../helpers/built-app.ts';
import { buildApp, ROOT } from '../helpers/built-app.ts';

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

  test('the preload is one CommonJS file that exposes only the contract', async () => {
    const code = readFileSync(built.preload, 'utf8');
    assert.doesNotMatch(code, /^\s*import[\s{*]/m, 'no top-level import statements');
    assert.doesNotMatch(code, /^\s*export\s/m, 'no export statements');
    assert.doesNotMatch(code, /zod/, 'the schemas stay in main; the preload carries none');

    // Run it as a sandboxed preload would, against a stand-in contextBridge and ipcRenderer.
    const required: string[] = [];
    const exposed: Array<[string, unknown]> = [];
    const invoked: Array<[string, unknown]> = [];
    const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
      ipcRenderer: {
        invoke: (channel: string, input: unknown) => (
          invoked.push([channel, input]),
          Promise.resolve({ ok: true, value: 1 })
        ),
        on: (channel: string, fn: (...args: unknown[]) => void) =>
          listeners.set(channel, (listeners.get(channel) ?? new Set()).add(fn)),
        removeListener: (channel: string, fn: (...args: unknown[]) => void) =>
          listeners.get(channel)?.delete(fn),
      },
    };
    vm.runInNewContext(code, {
      require: (id: string) => (required.push(id), electron),
      process: { argv: ['electron', '--ivr-app-version=9.8.7'], platform: 'testos' },
      module: { exports: {} },
      exports: {},
    });
    assert.deepEqual(required, ['electron']);
    assert.equal(exposed.length, 1);
    const [key, exposedApi] = exposed[0] ?? [];
    assert.equal(key, 'ivr');
    const api = exposedApi as {
      version: string;
      platform: string;
      invoke(channel: string, input: unknown): Promise<unknown>;
      subscribe(listener: (event: unknown) => void): () => void;
    };
    assert.deepEqual(Object.keys(api).sort(), ['invoke', 'platform', 'subscribe', 'version']);
    assert.ok(Object.isFrozen(api));
    assert.equal(api.version, '9.8.7');
    assert.equal(api.platform, 'testos');
    // A contract channel goes to main under its prefixed name; anything else never leaves.
    assert.deepEqual(await api.invoke('settings.get', {}), { ok: true, value: 1 });
    assert.deepEqual(invoked, [['ivr:settings.get', {}]]);
    const refused = (await api.invoke('fs.readFile', { path: '/etc/passwd' })) as {
      ok: boolean;
      error: { code: string };
    };
    assert.equal(refused.ok, false);
    assert.equal(refused.error.code, 'unknown_channel');
    assert.equal(invoked.length, 1, 'an unknown channel is not sent');
    // One event subscription, on the contract's event channel, that can be removed.
    const seen: unknown[] = [];
    const unsubscribe = api.subscribe((event) => seen.push(event));
    const [forward] = listeners.get('ivr:event') ?? [];
    forward?.({ sender: 'main' }, { kind: 'notice', level: 'info', message: 'hi' });
    assert.deepEqual(seen, [{ kind: 'notice', level: 'info', message: 'hi' }]);
    unsubscribe();
    assert.equal(listeners.get('ivr:event')?.size, 0);
    assert.deepEqual([...listeners.keys()], ['ivr:event']);
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

  test("the Load screen's worker is emitted beside main, and runs calls as a worker thread", async () => {
    const chunks = readdirSync(join(built.dir, 'main/chunks'));
    const worker = chunks.find((file) => /^load-worker-[\w-]+\.js$/.test(file));
    assert.ok(worker, `no load worker chunk in out/main/chunks: ${chunks.join(', ')}`);
    const path = join(built.dir, 'main/chunks', worker);
    const named = readdirSync(join(built.dir, 'main'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js') && !file.includes('load-worker'))
      .some((file) => readFileSync(join(built.dir, 'main', file), 'utf8').includes(worker));
    assert.ok(named, `no main chunk names ${worker}`);
    // The bundled worker under the coordinator: 3 balance calls against a CRM that is not there.
    const loaded = await loadFlowFile(join(ROOT, 'resources/flows/balance.json'));
    assert.ok(loaded.flow);
    const run = runLoad({
      workerUrl: path,
      workers: 1,
      plan: {
        flow: loaded.flow,
        flowPath: loaded.path,
        recordings: [...loaded.recordings],
        callers: [{ name: 'keys', steps: [...'12345#1111'], variables: {} }],
        calls: 3,
        model: { kind: 'closed', concurrency: 1 },
        realtime: false,
        variables: { crm_base: 'http://127.0.0.1:9' },
        secrets: {},
        logPath: null,
      },
    });
    const { tally } = await run.done;
    assert.equal(tally.completed, 3);
    assert.equal(tally.nodes.auth?.count, 3);
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
