/**
 * The built app in real Electron (Playwright `_electron`): the window's title, the preload's
 * `window.ivr`, a page that cannot reach Node, and a balance call placed by clicks through the
 * real IPC, logged to the database the CLI shares. Needs the Electron binary, which this
 * environment installs without (ELECTRON_SKIP_BINARY_DOWNLOAD): the test then reports itself
 * skipped instead of passing silently. It drives the page with the same helpers as the
 * browser-mode end-to-end tests, which do run everywhere, so its selectors stay true.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { _electron } from 'playwright-core';
import { buildApp, ROOT } from '../helpers/built-app.ts';
import {
  callButton,
  clickKeys,
  pickCall,
  variableValue,
  waitForCallState,
  waitForCaption,
  waitForText,
} from '../helpers/console-page.ts';
import { waitForFinishedSessions } from '../helpers/session-log.ts';
import { electronBinaryPath } from './fixtures/electron-binary.ts';

const electronBinary = electronBinaryPath();
const skip = electronBinary
  ? false
  : 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD)';

test('the built app opens a locked-down window and places a call', { skip }, async () => {
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

    // A call through the real IPC: clicks on the keypad, the balance read back, the flow ends it.
    await pickCall(page, 'Balance read-back', 'Built-in demo CRM');
    await callButton(page).click();
    await waitForCallState(page, /In call/);
    await clickKeys(page, '12345#1111');
    await waitForCaption(page, 'Your balance is 1,250.75 euros');
    assert.equal(await variableValue(page, 'authenticated').textContent(), 'true');
    await clickKeys(page, '9');
    await waitForCallState(page, /Ended/);
    await waitForText(page.getByTestId('call-detail'), 'Hung up by the flow');
    const [session, ...others] = await waitForFinishedSessions(join(dataDir, 'sessions.db'));
    assert.equal(others.length, 0);
    assert.equal(session?.flowId, 'balance');
    assert.equal(session?.status, 'hangup');
    assert.deepEqual(
      session?.exchanges.map((w) => [w.node, w.status]),
      [
        ['auth', 200],
        ['fetch_balance', 200],
      ],
    );
  } finally {
    await app.close();
    await built.remove();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
