/**
 * What the installers hold, checked on a real `electron-builder --linux dir` package. The Electron
 * binary cannot be downloaded here, but electron-builder only copies it: `electronDist` points at
 * a stand-in folder this test makes (its `electron` is a shell script that reports how it was
 * started), so everything else in the package is the real thing.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import asar from '@electron/asar';
import { parse } from 'yaml';
import type { BuiltApp } from '../helpers/built-app.ts';
import { buildApp, ROOT, runTool } from '../helpers/built-app.ts';

const run = promisify(execFile);
const BUILDER_BIN = join(ROOT, 'node_modules/electron-builder/cli.js');
const MAX_ASAR_BYTES = 8 * 1024 * 1024;
/** Packages the renderer bundle holds and development-only tools: none belongs in the asar. */
const NOT_SHIPPED = [
  'react',
  'react-dom',
  'tone',
  '@xyflow/react',
  '@dagrejs/dagre',
  'electron',
  'electron-vite',
  'electron-builder',
  'vite',
  'typescript',
  'eslint',
  'playwright-core',
  'node-addon-api',
];
const RUNTIME = ['better-sqlite3', 'undici', 'yaml', 'zod', 're2js'];
const SKIP =
  process.platform === 'linux' && process.arch === 'x64'
    ? false
    : `packages for linux-x64 are checked on linux-x64 only (this is ${process.platform}-${process.arch})`;

describe(
  'the packaged app (electron-builder --linux dir, with a stand-in Electron binary)',
  { skip: SKIP },
  () => {
    let built: BuiltApp;
    let work: string;
    let app: string;
    let resources: string;
    let listing: string[];

    before(async () => {
      built = await buildApp('packaging');
      work = mkdtempSync(join(tmpdir(), 'ivr-packaging-'));
      // The stand-in Electron: prints how it was started, as the real one would run the CLI.
      const electronDist = join(work, 'electron-dist');
      mkdirSync(electronDist);
      writeFileSync(
        join(electronDist, 'electron'),
        '#!/bin/sh\necho "ELECTRON_RUN_AS_NODE=$ELECTRON_RUN_AS_NODE"\nfor a in "$@"; do echo "arg:$a"; done\n',
      );
      chmodSync(join(electronDist, 'electron'), 0o755);
      // The project's configuration, with the app taken from this test's own build.
      const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
        files: (string | object)[];
        directories: Record<string, string>;
      };
      config.files = [
        { from: built.dir, to: 'out', filter: ['{main,preload,renderer}/**', '!**/*.map'] },
        ...config.files.filter((f) => typeof f !== 'string' || !f.startsWith('out/')),
      ];
      config.directories = { ...config.directories, output: join(work, 'dist') };
      const configFile = join(work, 'electron-builder.json');
      writeFileSync(configFile, JSON.stringify(config));
      await runTool(
        'electron-builder',
        [
          BUILDER_BIN,
          '--linux',
          'dir',
          '--publish',
          'never',
          '--config',
          configFile,
          `-c.electronDist=${electronDist}`,
          `-c.electronVersion=${JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version}`,
        ],
        { env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, background: true },
      );
      app = join(work, 'dist', 'linux-unpacked');
      resources = join(app, 'resources');
      listing = asar.listPackage(join(resources, 'app.asar'), { isPack: false });
    });

    after(async () => {
      await built?.remove();
      if (work) rmSync(work, { recursive: true, force: true });
    });

    test('app.asar holds the built main, preload and renderer, within 8 MB', () => {
      for (const file of [
        '/out/main/index.js',
        '/out/main/cli.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
        '/package.json',
      ]) {
        assert.ok(listing.includes(file), `${file} is in app.asar`);
      }
      // The Load screen's worker thread script, emitted apart from main by `?modulePath`.
      assert.ok(
        listing.some((f) => /^\/out\/main\/chunks\/load-worker-[\w-]+\.js$/.test(f)),
        'the load worker is in app.asar',
      );
      assert.ok(!listing.some((f) => f.endsWith('.map')), 'no source maps');
      assert.ok(!listing.some((f) => f.startsWith('/out/test-')), 'no test builds');
      const size = statSync(join(resources, 'app.asar')).size;
      assert.ok(size <= MAX_ASAR_BYTES, `app.asar is ${size} bytes, over ${MAX_ASAR_BYTES}`);
    });

    test('only the packages the main process loads ship; none of the renderer or dev tools', () => {
      const shipped = new Set(
        listing
          .map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1])
          .filter((name): name is string => name !== undefined),
      );
      for (const name of RUNTIME) assert.ok(shipped.has(name), `${name} ships`);
      for (const name of NOT_SHIPPED) assert.ok(!shipped.has(name), `${name} does not ship`);
    });

    test('the native SQLite module is unpacked, with the linux-x64 prebuild only', () => {
      const prebuilds = join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/prebuilds');
      assert.deepEqual(readdirSync(prebuilds), ['linux-x64.node']);
      assert.ok(!existsSync(join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/deps')));
    });

    test('samples, test cases, the example workspace and the flow schema are extra resources', () => {
      for (const flow of ['balance', 'personalised-menu', 'meter-reading']) {
        assert.ok(existsSync(join(resources, 'flows', `${flow}.json`)), flow);
        assert.ok(existsSync(join(resources, 'tests', `${flow}.yaml`)), `${flow} tests`);
      }
      assert.ok(existsSync(join(resources, 'flow.schema.json')));
      assert.ok(existsSync(join(resources, 'workspace-example/environments')));
    });

    test('the packaged CLI runs from what the asar holds alone (no project node_modules)', async () => {
      const unpacked = join(work, 'asar-contents');
      asar.extractAll(join(resources, 'app.asar'), unpacked);
      const cli = join(unpacked, 'out/main/cli.js');
      const flows = ['balance', 'personalised-menu', 'meter-reading'].map((f) =>
        join(resources, 'flows', `${f}.json`),
      );
      const validate = await run(process.execPath, [cli, 'validate', ...flows], { cwd: work });
      assert.equal(validate.stdout.match(/: valid \(/g)?.length, 3, validate.stdout);
      const call = await run(
        process.execPath,
        [
          cli,
          'run',
          flows[0] as string,
          '--demo-crm',
          '--dtmf',
          '12345#1111 9',
          '--no-log',
          '--json',
        ],
        { cwd: work, env: { ...process.env, IVR_CONSOLE_DATA_DIR: join(work, 'data') } },
      );
      assert.equal((JSON.parse(call.stdout) as { outcome: string }).outcome, 'hangup');
    });

    test('ivr-console, linked from elsewhere as the deb links it, starts the app as Node with the CLI', async () => {
      const launcher = join(resources, 'bin/ivr-console');
      assert.ok((statSync(launcher).mode & 0o111) !== 0, 'the launcher is executable');
      const bin = join(work, 'usr-bin');
      mkdirSync(bin);
      symlinkSync(launcher, join(bin, 'ivr-console'));
      const { stdout } = await run(join(bin, 'ivr-console'), ['validate', 'my flow.json']);
      assert.deepEqual(stdout.trim().split('\n'), [
        'ELECTRON_RUN_AS_NODE=1',
        `arg:${join(resources, 'app.asar/out/main/cli.js')}`,
        'arg:validate',
        'arg:my flow.json',
      ]);
      assert.ok(existsSync(join(app, 'ivr-test-console')), 'the launcher names the app executable');
    });
  },
);
