/**
 * The browser lookup of the UI tests, for each system: `CHROME_PATH` first and checked, then the
 * standard places in order; nothing found gives a reason naming every place looked at. The file
 * system is injected, so Linux, macOS and Windows layouts are all checked on this machine.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findBrowser } from './find-browser.ts';

/** A file system holding exactly `files`. */
const only =
  (...files: string[]) =>
  (path: string): boolean =>
    files.includes(path);

describe('finding a Chromium-family browser', () => {
  test('CHROME_PATH wins over every standard place', () => {
    const found = findBrowser({
      env: { CHROME_PATH: '/home/dev/chrome-linux/chrome' },
      platform: 'linux',
      exists: only('/home/dev/chrome-linux/chrome', '/usr/bin/chromium'),
    });
    assert.deepEqual(found, { path: '/home/dev/chrome-linux/chrome' });
  });

  test('a CHROME_PATH that does not exist is reported, not replaced by another browser', () => {
    const found = findBrowser({
      env: { CHROME_PATH: '/nowhere/chrome' },
      platform: 'linux',
      exists: only('/usr/bin/chromium'),
    });
    assert.equal(found.path, null);
    assert.match('reason' in found ? found.reason : '', /CHROME_PATH is set to \/nowhere\/chrome/);
  });

  test('Linux: Chromium first, then Chrome, Edge and the snap', () => {
    const linux = (...files: string[]) =>
      findBrowser({ env: {}, platform: 'linux', list: () => [], exists: only(...files) }).path;
    assert.equal(linux('/usr/bin/google-chrome', '/usr/bin/chromium'), '/usr/bin/chromium');
    assert.equal(linux('/usr/bin/chromium-browser'), '/usr/bin/chromium-browser');
    assert.equal(linux('/usr/bin/google-chrome-stable'), '/usr/bin/google-chrome-stable');
    assert.equal(linux('/usr/bin/microsoft-edge'), '/usr/bin/microsoft-edge');
    assert.equal(linux('/snap/bin/chromium'), '/snap/bin/chromium');
  });

  test("Linux: a headless shell first, the system package before Playwright's newest", () => {
    const cache = '/home/dev/.cache/ms-playwright';
    const playwrightShell = `${cache}/chromium_headless_shell-1208/chrome-headless-shell-linux64/chrome-headless-shell`;
    const list = (folder: string): string[] =>
      folder === cache
        ? [
            'chromium-1208',
            'chromium_headless_shell-1200',
            'chromium_headless_shell-1208',
            'ffmpeg-1011',
          ]
        : [];
    const linux = (...files: string[]) =>
      findBrowser({ env: {}, platform: 'linux', home: '/home/dev', list, exists: only(...files) })
        .path;
    const older = playwrightShell.replace('-1208/', '-1200/');
    assert.equal(linux('/usr/bin/chromium', older, playwrightShell), playwrightShell);
    assert.equal(
      linux('/usr/bin/chromium', playwrightShell, '/usr/bin/chromium-headless-shell'),
      '/usr/bin/chromium-headless-shell',
    );
    assert.equal(linux('/usr/bin/chromium'), '/usr/bin/chromium');
  });

  test("PLAYWRIGHT_BROWSERS_PATH moves Playwright's shells, on every system", () => {
    const list = (folder: string): string[] =>
      ['/srv/pw', 'D:\\pw'].includes(folder) ? ['chromium_headless_shell-1208'] : [];
    const mac =
      '/srv/pw/chromium_headless_shell-1208/chrome-headless-shell-mac-arm64/chrome-headless-shell';
    const macFound = findBrowser({
      env: { PLAYWRIGHT_BROWSERS_PATH: '/srv/pw' },
      platform: 'darwin',
      home: '/Users/dev',
      list,
      exists: only(mac, '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
    });
    assert.deepEqual(macFound, { path: mac });
    const windows =
      'D:\\pw\\chromium_headless_shell-1208\\chrome-headless-shell-win64\\chrome-headless-shell.exe';
    const windowsFound = findBrowser({
      env: { PLAYWRIGHT_BROWSERS_PATH: 'D:\\pw' },
      platform: 'win32',
      list,
      exists: only(windows),
    });
    assert.deepEqual(windowsFound, { path: windows });
  });

  test('macOS: the app bundles in /Applications and ~/Applications', () => {
    const mac = (...files: string[]) =>
      findBrowser({ env: {}, platform: 'darwin', home: '/Users/dev', exists: only(...files) }).path;
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    assert.equal(mac(chrome), chrome);
    const edge = '/Users/dev/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    assert.equal(mac(edge), edge);
  });

  test('Windows: Program Files, Program Files (x86) and LOCALAPPDATA', () => {
    const env = {
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\dev\\AppData\\Local',
    };
    const windows = (...files: string[]) =>
      findBrowser({ env, platform: 'win32', exists: only(...files) }).path;
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    assert.equal(windows(edge), edge);
    const userChrome = 'C:\\Users\\dev\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    assert.equal(windows(userChrome), userChrome);
  });

  test('none found: the reason names CHROME_PATH and every place looked at', () => {
    const found = findBrowser({ env: {}, platform: 'linux', exists: only() });
    assert.equal(found.path, null);
    const reason = 'reason' in found ? found.reason : '';
    assert.match(reason, /no Chromium, Google Chrome or Microsoft Edge found/);
    assert.match(reason, /set CHROME_PATH/);
    assert.match(reason, /\/usr\/bin\/chromium, /);
    assert.match(reason, /\/snap\/bin\/chromium/);
  });
});
