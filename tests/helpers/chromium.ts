/**
 * The one way tests get a Chromium-family browser. Under `npm test`, tests/global-setup.ts starts
 * one browser for the whole run (a Playwright browser server) and every test file connects to it:
 * each file still works in contexts of its own, and the run saves a browser start per file (about
 * two seconds of CPU each on the 2-core machine). A file run on its own launches its own browser.
 */
import { chromium } from 'playwright-core';
import type { Browser, BrowserServer } from 'playwright-core';
import { browserExecutable, browserLookup } from './find-browser.ts';

/** The environment variable that hands the shared browser's endpoint to the test processes. */
export const BROWSER_ENDPOINT_ENV = 'IVR_TEST_BROWSER_WS';

/**
 * What every test's browser runs with, the launch flags of ../shared/spec/ARCHITECTURE.md: no
 * sandbox (CI containers run as root), no GPU (software rendering is the same everywhere), and
 * audio that may start without a click (the keypad tests press keys from code).
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * A browser for a test file: the run's shared one when there is one, else a new one. Closing it
 * closes what the file opened (and, for a browser of its own, the browser).
 */
export function launchChromium(): Promise<Browser> {
  const endpoint = process.env[BROWSER_ENDPOINT_ENV];
  if (endpoint) return chromium.connect(endpoint);
  return chromium.launch({ executablePath: browserExecutable(), args: ARGS });
}

/** Starts the run's shared browser; null where this machine has none (the UI tests then skip). */
export async function startSharedBrowser(): Promise<BrowserServer | null> {
  if (browserLookup.path === null) return null;
  return chromium.launchServer({ executablePath: browserLookup.path, args: ARGS });
}
