/**
 * Builds the app with the real `electron-vite build` into a folder of its own under out/, never
 * out/ itself, so that tests never empty or read a half-written out/ a developer's build is
 * writing; the folder stays inside the project so the built CLI still finds node_modules for its
 * external deps.
 */
import { spawn } from 'node:child_process';
import { constants, setPriority } from 'node:os';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './project-root.ts';

export { ROOT } from './project-root.ts';

/** Node's compile cache for every process tests start: inside the project, never in TMPDIR. */
export const COMPILE_CACHE_DIR = join(ROOT, 'node_modules/.cache/node-compile-cache');

/** electron-vite's CLI, as its package.json `bin` names it. */
export const ELECTRON_VITE_BIN = join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js');

/**
 * The environment for build tools run by tests: vite's CLI turns on Node's compile cache and the
 * config loader caches in jiti's, both by default in `os.tmpdir()`, where they would outlive the
 * run; the compile cache goes under node_modules/.cache instead and jiti's file cache is off.
 */
export function toolEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_COMPILE_CACHE: COMPILE_CACHE_DIR,
    JITI_FS_CACHE: 'false',
  };
}

/** How a tool runs. */
export interface ToolOptions {
  /** More environment variables. */
  env?: NodeJS.ProcessEnv;
  /** The folder it runs in (default: the project root). */
  cwd?: string;
  /**
   * At low priority: work that only has to be done by the end of the run (the type, lint and
   * format checks) then takes the cores when the tests that wait on calls in real time leave them
   * idle, instead of slowing those down.
   */
  background?: boolean;
}

/**
 * Runs a build tool's script with this Node in the project folder and {@link toolEnv}; rejects
 * with everything it printed when it exits non-zero.
 *
 * @param name - how the error names the tool
 */
export async function runTool(
  name: string,
  args: string[],
  options: ToolOptions = {},
): Promise<void> {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...toolEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (options.background && child.pid !== undefined) {
    try {
      setPriority(child.pid, BACKGROUND_PRIORITY);
    } catch {
      // Not allowed here (some containers): the tool runs at normal priority, only slower for
      // the rest.
    }
  }
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n${output}`);
}

/** Below normal on every system (a nice value of 10 on Linux and macOS). */
const BACKGROUND_PRIORITY = constants.priority.PRIORITY_BELOW_NORMAL;

/** The files a build produces, by role. */
export interface BuiltApp {
  /** The output folder (what `out/` is for `npm run build`). */
  dir: string;
  mainIndex: string;
  cli: string;
  preload: string;
  rendererDir: string;
  rendererHtml: string;
  /** Deletes the output folder. */
  remove(): Promise<void>;
}

/** The paths inside an output folder, as electron.vite.config.ts lays them out. */
export function builtAppAt(dir: string): BuiltApp {
  return {
    dir,
    mainIndex: join(dir, 'main/index.js'),
    cli: join(dir, 'main/cli.js'),
    preload: join(dir, 'preload/index.cjs'),
    rendererDir: join(dir, 'renderer'),
    rendererHtml: join(dir, 'renderer/index.html'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Where `npm test` keeps the one build of its run (set by tests/global-setup.ts, which builds it
 * before any test file starts and removes it when the run ends).
 */
export const SHARED_BUILD_ENV = 'IVR_TEST_BUILD_DIR';

/**
 * Runs `electron-vite build --outDir <dir>` as a child process; rejects with its output when it
 * fails.
 */
export async function buildAppInto(dir: string): Promise<BuiltApp> {
  const app = builtAppAt(dir);
  await app.remove();
  await runTool('electron-vite build', [
    ELECTRON_VITE_BIN,
    'build',
    '--outDir',
    app.dir,
    '--logLevel',
    'warn',
  ]);
  return app;
}

/**
 * The built app for a test file. Under `npm test`, the run's shared build: every file only reads
 * it, so one build serves them all, and `remove()` leaves it to the run's teardown. A file run on
 * its own (`node --test tests/app/x.test.ts`) builds into `out/test-<name>` instead.
 *
 * @param name - a name unique to the calling test file
 */
export async function buildApp(name: string): Promise<BuiltApp> {
  const shared = process.env[SHARED_BUILD_ENV];
  if (shared) return { ...builtAppAt(shared), remove: async () => {} };
  return buildAppInto(join(ROOT, 'out', `test-${name}`));
}
