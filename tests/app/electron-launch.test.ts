/**
 * The built app in real Electron (Playwright `_electron`): the window's title, the preload's
 * `window.ivr`, and a page that cannot reach Node. Needs the Electron binary, which this
 * environment installs without (ELECTRON_SKIP_BINARY_DOWNLOAD): the test then reports itself
 * skipped instead of passing silently.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { _electron } from 'playwright-core';
import { buildApp, ROOT } from './fixtures/built-app.ts';
import { electronBinaryPath } from './fixtures/electron-binary.ts';

const electronBinary = electronBinaryPath();
const skip = electronBinary
  ? false
  : 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD)';

test('the built app opens a locked-down window with window.ivr', { skip }, async () => {
  assert.ok(electronBinary);
  const built = await buildApp('electron-launch');
  const project = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    productName: string;
    version: string;
  };
  // Electron takes the app's name and version from the package.json beside the entry: give the
  // test build one, as the project root gives out/.
  writeFileSync(
    join(built.dir, 'package.json'),
    JSON.stringify({ ...project, name: 'ivr-test-console', main: 'main/index.js', type: 'module' }),
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'ivr-electron-'));
  const app = await _electron.launch({
    executablePath: electronBinary,
    args: [built.dir],
    cwd: ROOT,
    env: { ...process.env, IVR_CONSOLE_DATA_DIR: dataDir, ELECTRON_RENDERER_URL: '' },
  });
  try {
    const page = await app.firstWindow();
    await page.locator('h1').waitFor();
    assert.equal(await page.title(), 'IVR Test Console');

    const facts = await app.evaluate(({ app: electronApp, BrowserWindow }) => ({
      titles: BrowserWindow.getAllWindows().map((window) => window.getTitle()),
      userData: electronApp.getPath('userData'),
    }));
    // One window, and the data dir the CLI would use too (IVR_CONSOLE_DATA_DIR via data-dir.ts).
    assert.deepEqual(facts, { titles: ['IVR Test Console'], userData: dataDir });

    const seen = await page.evaluate(`({
      version: window.ivr?.version,
      platform: window.ivr?.platform,
      frozen: Object.isFrozen(window.ivr),
      require: typeof window.require,
      process: typeof globalThis.process,
      module: typeof globalThis.module,
      // Not a web URL, so the guard neither opens a window nor hands it to the system browser.
      denied: window.open('about:blank') === null,
    })`);
    assert.deepEqual(seen, {
      version: project.version,
      platform: process.platform,
      frozen: true,
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      denied: true,
    });
    assert.equal(
      await page.getByTestId('runtime').textContent(),
      `Version ${project.version} · ${process.platform}`,
    );
    assert.equal(app.windows().length, 1, 'window.open must not create a window');
  } finally {
    await app.close();
    await built.remove();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
