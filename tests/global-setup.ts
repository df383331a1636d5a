/**
 * Runs once in the test runner's own process, before it starts any test file and after the last
 * one ends (`node --test --test-global-setup=tests/global-setup.ts`, as `npm test` does).
 *
 * - Node's compile cache, for every process the run starts: each test file runs in a process of
 *   its own, and tests start CLI and browser-mode children, every one loading the TypeScript
 *   sources again. With the cache, a process reuses the stripped and compiled code of files that
 *   have not changed (keyed by content), which halves what each one spends loading. It lives under
 *   node_modules/.cache, never in the temp directory, so a run leaves nothing behind there.
 * - One `electron-vite build` for the whole run, which the app, packaging and browser tests only
 *   read, instead of one per test file.
 * - One Chromium for the whole run (tests/helpers/chromium.ts), where this machine has one.
 *
 * Children inherit the runner's environment: what is set here reaches every test process.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserServer } from 'playwright-core';
import { buildAppInto, COMPILE_CACHE_DIR, ROOT, SHARED_BUILD_ENV } from './helpers/built-app.ts';
import { BROWSER_ENDPOINT_ENV, startSharedBrowser } from './helpers/chromium.ts';

/** Named after this run's process, so two runs in one folder never share a build. */
const SHARED_BUILD = join(ROOT, 'out', `test-run-${process.pid}`);

let browser: BrowserServer | null = null;

/** Before the first test file. */
export async function globalSetup(): Promise<void> {
  process.env.NODE_COMPILE_CACHE ??= COMPILE_CACHE_DIR;
  // Settled one by one: a browser that started is closed by the teardown even if the build failed.
  const [built, started, warmed] = await Promise.allSettled([
    buildAppInto(SHARED_BUILD),
    startSharedBrowser(),
    promisify(execFile)(process.execPath, [join(ROOT, 'tests/warm-compile-cache.ts')]),
  ]);
  if (started.status === 'fulfilled' && started.value) {
    browser = started.value;
    process.env[BROWSER_ENDPOINT_ENV] = browser.wsEndpoint();
  }
  if (built.status === 'rejected') throw built.reason;
  // A cold cache only costs time: a failed warm-up is said, and the run goes on.
  if (warmed.status === 'rejected') {
    console.error(`the compile cache was not warmed: ${String(warmed.reason)}`);
  }
  process.env[SHARED_BUILD_ENV] = SHARED_BUILD;
  // No shared browser: each UI test file launches its own, or skips saying why.
  if (started.status === 'rejected') {
    console.error(
      `no shared browser (${String(started.reason)}); each UI test file starts its own`,
    );
  }
}

/** After the last test file, whether the run passed or not. */
export async function globalTeardown(): Promise<void> {
  await browser?.close();
  await rm(SHARED_BUILD, { recursive: true, force: true });
}
