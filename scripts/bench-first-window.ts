/**
 * The first window, timed in Chromium: from navigation to a keypad the user can use (the Call
 * button enabled, the phone drawn), as the page's own clock measures it (`performance.now()`
 * counts from the navigation's start). Two builds of the renderer side by side, served by the
 * same browser-mode services: this checkout's, and the one before the renderer was minified and
 * split (`BASELINE`, built from a git worktree of that commit with this checkout's node_modules).
 * Each round opens both in fresh browser contexts (no cache), in alternating order, so machine
 * noise falls on both alike; the figure is the median of the rounds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createChannelHandlers } from '../src/main/ipc/channel-handlers.ts';
import { createConsoleServices } from '../src/main/services/console-services.ts';
import { startWebServer } from '../src/main/web/web-server.ts';
import type { WebServer } from '../src/main/web/web-server.ts';
import { buildAppInto, ELECTRON_VITE_BIN, ROOT, runTool } from '../tests/helpers/built-app.ts';
import { launchChromium } from '../tests/helpers/chromium.ts';

/** The last commit with the renderer in one unminified chunk (before "A fast first window"). */
export const BASELINE = '50df5ad^';

/** Builds the renderer of `commit` into `outDir`, from a worktree that is removed afterwards. */
async function buildCommit(commit: string, work: string, outDir: string): Promise<void> {
  const tree = join(work, 'baseline-tree');
  execFileSync('git', ['worktree', 'add', '--detach', '--quiet', tree, commit], { cwd: ROOT });
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'junction');
    await runTool(
      `electron-vite build of ${commit}`,
      [ELECTRON_VITE_BIN, 'build', '--outDir', outDir, '--logLevel', 'warn'],
      { cwd: tree },
    );
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT });
  }
}

/** Milliseconds from navigation to an enabled Call button, in a fresh context. */
async function timeToKeypad(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Call', exact: true, disabled: false }).waitFor();
    await page.getByRole('button', { name: 'Key 1', exact: true }).waitFor();
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

/** The median, lowest and highest of `samples` (not empty). */
function spread(samples: readonly number[]): { median: number; min: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (i: number): number => sorted[i] ?? Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  return { median, min: at(0), max: at(sorted.length - 1) };
}

/** Runs the comparison and prints it. */
export async function benchFirstWindow(rounds: number): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'ivr-bench-window-'));
  const afterDir = join(ROOT, 'out', `bench-window-${process.pid}`);
  const servers: WebServer[] = [];
  let browser: Browser | null = null;
  const services = await createConsoleServices({
    dataDir: join(work, 'data'),
    resourcesDir: join(ROOT, 'resources'),
    shell: 'browser',
    version: '0',
    speech: null,
  });
  try {
    const after = await buildAppInto(afterDir);
    const beforeDir = join(work, 'baseline-out');
    await buildCommit(BASELINE, work, beforeDir);
    const serve = async (staticDir: string): Promise<WebServer> => {
      const server = await startWebServer({
        handlers: createChannelHandlers(services),
        hub: services.hub,
        staticDir,
        port: 0,
      });
      servers.push(server);
      return server;
    };
    const builds = [
      {
        label: `before (${BASELINE}: unminified, one chunk)`,
        url: (await serve(join(beforeDir, 'renderer'))).url,
        samples: [] as number[],
      },
      {
        label: 'after (minified, screens on demand)',
        url: (await serve(after.rendererDir)).url,
        samples: [] as number[],
      },
    ];
    browser = await launchChromium();
    // One round unmeasured: the browser's first page pays for starting its processes.
    for (const build of builds) await timeToKeypad(browser, build.url);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? builds : [...builds].reverse();
      for (const build of order) build.samples.push(await timeToKeypad(browser, build.url));
    }
    console.log(
      `\nFirst window: navigation to an interactive keypad in Chromium (median of ${rounds})`,
    );
    const medians = builds.map((build) => {
      const { median, min, max } = spread(build.samples);
      console.log(
        `  ${build.label}: ${median.toFixed(0)} ms (min ${min.toFixed(0)}, max ${max.toFixed(0)})`,
      );
      return median;
    });
    const [before = Number.NaN, afterMedian = Number.NaN] = medians;
    console.log(`  after / before: ${(afterMedian / before).toFixed(2)}`);
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    await services.close();
    rmSync(afterDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}
