/**
 * Finds the Chromium-family browser the UI tests drive, where users have one: `CHROME_PATH`
 * first, then a Chromium headless shell (Debian's `chromium-headless-shell`, or the one
 * Playwright downloads), then Chromium, Google Chrome or Microsoft Edge at their standard places
 * on Linux, macOS and Windows. A developer without one sees the UI tests skipped with the reason;
 * CI (`CI=true`) has Chromium and must run them all, so there a missing browser fails the launch
 * instead.
 *
 * Why the headless shell first: it is the same Blink, V8 and Web Audio as the browser, without
 * the desktop browser around them, and it is what Playwright itself runs headless tests in. On
 * the 2-core machine the UI suites took 83 s of CPU in it against 149 s in full Chromium.
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** Where the lookup runs; the defaults are this machine's. */
export interface BrowserLookupOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** The user's home folder (for `~/Applications` on macOS). */
  home?: string;
  /** Whether a file exists (injectable so the search can be tested for every system). */
  exists?: (path: string) => boolean;
  /** The names in a folder, none when it does not exist (injectable, as `exists`). */
  list?: (folder: string) => string[];
}

/** What the lookup found: a browser, or why there is none. */
export type BrowserLookup = { path: string } | { path: null; reason: string };

const LINUX_PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/opt/google/chrome/chrome',
  '/opt/microsoft/msedge/msedge',
  '/snap/bin/chromium',
  '/var/lib/snapd/snap/bin/chromium',
];

const MAC_APPS = [
  'Chromium.app/Contents/MacOS/Chromium',
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

const WINDOWS_APPS = [
  'Chromium\\Application\\chrome.exe',
  'Google\\Chrome\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
];

/** Debian's and Ubuntu's package of the headless shell (`apt-get install chromium-headless-shell`). */
const LINUX_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * The executable inside one of Playwright's `chromium_headless_shell-<revision>` folders, by
 * platform: the layout of today's Playwright, then that of 1.49 to 1.5x.
 */
const PLAYWRIGHT_SHELLS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    'chrome-headless-shell-linux64/chrome-headless-shell',
    'chrome-headless-shell-linux-arm64/chrome-headless-shell',
    'chrome-linux/headless_shell',
  ],
  darwin: [
    'chrome-headless-shell-mac-arm64/chrome-headless-shell',
    'chrome-headless-shell-mac-x64/chrome-headless-shell',
    'chrome-mac/headless_shell',
  ],
  win32: [
    'chrome-headless-shell-win64\\chrome-headless-shell.exe',
    'chrome-win\\headless_shell.exe',
  ],
};

/** Where Playwright keeps the browsers it downloads: `PLAYWRIGHT_BROWSERS_PATH`, else its cache. */
function playwrightCache(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  const set = env['PLAYWRIGHT_BROWSERS_PATH'];
  if (set !== undefined && set !== '' && set !== '0') return set;
  if (platform === 'win32') return win32.join(env['LOCALAPPDATA'] ?? '', 'ms-playwright');
  if (platform === 'darwin') return posix.join(home, 'Library/Caches/ms-playwright');
  return posix.join(env['XDG_CACHE_HOME'] ?? posix.join(home, '.cache'), 'ms-playwright');
}

/**
 * The headless shells on `platform`, in order of preference: the system package, then
 * Playwright's, newest revision first.
 */
export function headlessShellPlaces(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string,
  list: (folder: string) => string[],
): string[] {
  const path = platform === 'win32' ? win32 : posix;
  const cache = playwrightCache(platform, env, home);
  const revision = (name: string): number => Number(name.slice(name.lastIndexOf('-') + 1));
  const folders = list(cache)
    .filter((name) => /^chromium_headless_shell-\d+$/.test(name))
    .sort((a, b) => revision(b) - revision(a));
  const fromPlaywright = folders.flatMap((folder) =>
    (PLAYWRIGHT_SHELLS[platform] ?? []).map((inner) => path.join(cache, folder, inner)),
  );
  return platform === 'linux' ? [LINUX_HEADLESS_SHELL, ...fromPlaywright] : fromPlaywright;
}

/** The names in `folder`; none when it cannot be read. */
function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/** The standard places of a Chromium-family browser on `platform`, in order of preference. */
export function browserPlaces(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string,
): string[] {
  if (platform === 'darwin') {
    const folders = ['/Applications', posix.join(home, 'Applications')];
    return folders.flatMap((folder) => MAC_APPS.map((app) => posix.join(folder, app)));
  }
  if (platform === 'win32') {
    // Program Files for machine-wide installs, LOCALAPPDATA for per-user ones (Chrome's default
    // without admin rights).
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
      (root): root is string => root !== undefined && root !== '',
    );
    return roots.flatMap((root) => WINDOWS_APPS.map((app) => win32.join(root, app)));
  }
  return LINUX_PLACES;
}

/**
 * Looks for a browser: `CHROME_PATH` when set (which must then exist: a wrong value is reported,
 * not silently replaced by another browser), else the first standard place that exists.
 */
export function findBrowser(options: BrowserLookupOptions = {}): BrowserLookup {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const exists = options.exists ?? existsSync;
  const chromePath = env['CHROME_PATH'];
  if (chromePath !== undefined && chromePath !== '') {
    return exists(chromePath)
      ? { path: chromePath }
      : { path: null, reason: `CHROME_PATH is set to ${chromePath}, which does not exist` };
  }
  const home = options.home ?? homedir();
  const places = [
    ...headlessShellPlaces(platform, env, home, options.list ?? listFolder),
    ...browserPlaces(platform, env, home),
  ];
  const found = places.find((place) => exists(place));
  if (found !== undefined) return { path: found };
  return {
    path: null,
    reason:
      'no Chromium, Google Chrome or Microsoft Edge found (set CHROME_PATH to one); looked at ' +
      (places.length > 0 ? places.join(', ') : 'nothing: no standard place is known here'),
  };
}

/** This machine's browser, looked up once. */
export const browserLookup = findBrowser();

/** True when running in CI, where every UI test must run. */
const inCi = process.env['CI'] === 'true';

/**
 * A UI suite's `skip` option: the reason when no browser is found on a developer's machine,
 * otherwise false. In CI it is always false, so a missing browser fails the launch.
 */
export const skipWithoutBrowser: string | false =
  browserLookup.path === null && !inCi ? `UI test skipped: ${browserLookup.reason}` : false;

/** The browser's path for `executablePath`; throws saying what was looked for when there is none. */
export function browserExecutable(): string {
  if (browserLookup.path !== null) return browserLookup.path;
  throw new Error(
    `${inCi ? 'CI=true needs a browser for the UI tests: ' : ''}${browserLookup.reason}`,
  );
}
