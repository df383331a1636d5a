/**
 * The built renderer in real Chromium as a plain browser tab with neither the preload nor a
 * browser-mode token: it explains how to connect instead of failing, without a single console
 * error (CSP violations included), fits 1280x800 and 1024x700 without overflow, and its CSP meta
 * really blocks inline scripts. (The connected console is tested end to end in tests/e2e.)
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { BuiltApp } from '../helpers/built-app.ts';
import { buildApp, ROOT } from '../helpers/built-app.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { skipWithoutBrowser } from '../helpers/find-browser.ts';
import type { LoopbackServer } from '../helpers/loopback-server.ts';
import { serveFolder } from '../helpers/static-server.ts';

const RESULTS = join(ROOT, 'test-results');
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const;

/** Opens the page and records every console error, page error and failed request. */
async function openPage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
) {
  const page = await browser.newPage({ viewport, colorScheme: 'light' });
  const problems: string[] = [];
  page.on('console', (message) => {
    // Chromium reports CSP violations as console errors, so they land here too.
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(url);
  await page.locator('h2').waitFor();
  return { page, problems };
}

/** Measures what would overflow the window: horizontal scrolling, or the card below the fold. */
function layout(
  page: Page,
): Promise<{ scrollWidth: number; clientWidth: number; cardBottom: number }> {
  return page.evaluate(`(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    cardBottom: document.querySelector('main').getBoundingClientRect().bottom,
  }))()`);
}

describe('renderer without a connection, in Chromium', { skip: skipWithoutBrowser }, () => {
  let built: BuiltApp;
  let server: LoopbackServer;
  let browser: Browser;

  before(async () => {
    built = await buildApp('renderer');
    server = await serveFolder(built.rendererDir);
    browser = await launchChromium();
    mkdirSync(RESULTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await built?.remove();
  });

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`renders cleanly at ${size}`, async () => {
      const { page, problems } = await openPage(browser, server.url, viewport);
      try {
        assert.equal(await page.title(), 'IVR Test Console');
        assert.equal(await page.locator('h2').textContent(), 'Not connected to the console');
        assert.match((await page.locator('main').textContent()) ?? '', /npm run web.*printed/);

        const { scrollWidth, clientWidth, cardBottom } = await layout(page);
        assert.ok(
          scrollWidth <= clientWidth,
          `horizontal overflow: ${scrollWidth} > ${clientWidth}`,
        );
        assert.ok(cardBottom <= viewport.height, `card ends below the window: ${cardBottom}`);

        await page.screenshot({ path: join(RESULTS, `standalone-${size}.png`) });
        assert.equal(problems.length, 0, problems.join('\n'));
      } finally {
        await page.close();
      }
    });
  }

  test('the CSP meta blocks an injected inline script', async () => {
    const { page, problems } = await openPage(browser, server.url, VIEWPORTS[0]);
    try {
      assert.equal(problems.length, 0, problems.join('\n'));
      const ran = await page.evaluate(`(() => {
        const script = document.createElement('script');
        script.textContent = 'window.inlineScriptRan = true';
        document.head.append(script);
        return window.inlineScriptRan === true;
      })()`);
      assert.equal(ran, false);
      await page.waitForTimeout(100);
      assert.ok(
        problems.some((p) => p.includes('Content Security Policy')),
        `no CSP violation reported: ${problems.join('\n')}`,
      );
    } finally {
      await page.close();
    }
  });
});
