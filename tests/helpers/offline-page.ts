/**
 * Opens an HTML file the console wrote (a load report, a coverage page) in Chromium as a user
 * would, offline: every request the page makes is recorded and any but the file itself refused,
 * and every console error or warning and uncaught error is kept, so a test can require none.
 */
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { LARGE } from './console-page.ts';

/** What a page did while it was open: its requests, console errors and uncaught errors. */
export interface OfflinePage {
  page: Page;
  url: string;
  requests: string[];
  problems: string[];
}

/** Opens `file` at the large window size, in the light or dark scheme. */
export async function openOfflinePage(
  browser: Browser,
  file: string,
  dark = false,
): Promise<OfflinePage> {
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: LARGE, colorScheme: dark ? 'dark' : 'light' });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Anything but the file itself is refused (and was counted above).
  await page.route('**/*', (route) =>
    route.request().url() === url ? route.continue() : route.abort(),
  );
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, requests, problems };
}
