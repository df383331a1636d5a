/**
 * The console in Chromium, driven like a user would: a page per scenario, keypad clicks, waits on
 * what the screen shows (never on fixed sleeps), layout checks and screenshots.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { installAudioTap } from './audio-tap.ts';
import { ROOT } from './built-app.ts';
import { skipWithoutBrowser } from './find-browser.ts';

export { skipWithoutBrowser } from './find-browser.ts';

/**
 * Options of a UI suite (`describe(name, UI, ...)`): skipped, with the reason printed, where this
 * machine has no Chromium-family browser; never in CI, where the launch fails instead.
 */
export const UI = Object.freeze({ skip: skipWithoutBrowser });

/** Where screenshots go (looked at by a person after each run). */
export const RESULTS = join(ROOT, 'test-results');

/** The window sizes the console must fit without overflow. */
export const LARGE = { width: 1280, height: 800 } as const;
export const SMALL = { width: 1024, height: 700 } as const;

/** Waits generous enough for a call that runs in real time on a busy 2-core machine. */
export const UI_TIMEOUT_MS = 20_000;

/** A console page and everything it complained about. */
export interface ConsolePage {
  page: Page;
  /** Console errors and warnings, page errors, failed requests. */
  problems: string[];
  close(): Promise<void>;
}

/** Opens the console; with `tap`, records what the page plays (tests/helpers/audio-tap.ts). */
export async function openConsole(
  browser: Browser,
  url: string,
  options: { tap?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<ConsolePage> {
  const context: BrowserContext = await browser.newContext({
    viewport: options.viewport ?? LARGE,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console.${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // The event stream is cut when the page closes: that is not a failure of the page.
    if (!request.url().includes('/api/events')) problems.push(`request failed: ${request.url()}`);
  });
  if (options.tap) await installAudioTap(page);
  await page.goto(url);
  await callButton(page).waitFor();
  return { page, problems, close: () => context.close() };
}

/** Locates the softphone's button that places a call; its appearance means the page is ready. */
export function callButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Call', exact: true });
}

const KEY_NAMES: Record<string, string> = { '*': 'star', '#': 'hash' };

/** Locates the on-screen key for `key` by its spoken name (`*` is "star", `#` is "hash"). */
export function keypadKey(page: Page, key: string): Locator {
  return page.getByRole('button', { name: `Key ${KEY_NAMES[key] ?? key}`, exact: true });
}

/** Clicks keypad keys one after another, with the mouse. */
export async function clickKeys(page: Page, keys: string): Promise<void> {
  for (const key of keys) await keypadKey(page, key).click();
}

/** Waits until `locator` shows text matching `text`; on timeout, says what the call looked like. */
export async function waitForText(locator: Locator, text: string | RegExp): Promise<void> {
  try {
    await locator.filter({ hasText: text }).first().waitFor({ state: 'visible' });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${await describeCall(locator.page())}`, {
      cause: error,
    });
  }
}

/** The display and the last timeline lines, for a failure message. */
async function describeCall(page: Page): Promise<string> {
  try {
    const display = await page.getByTestId('phone-display').innerText({ timeout: 1000 });
    const lines = await page
      .locator('[data-testid="timeline"] li')
      .evaluateAll((items) => items.slice(-25).map((item) => item.textContent ?? ''));
    return `display: ${display.replace(/\s+/g, ' ')}\ntimeline (last 25):\n  ${lines.join('\n  ')}`;
  } catch {
    return '(the page could not be described)';
  }
}

/** Waits for the display's call state (Idle, In call, Ended). */
export function waitForCallState(page: Page, state: RegExp): Promise<void> {
  return waitForText(page.getByTestId('call-state'), state);
}

/** Waits for a caption: the prompt being spoken. */
export function waitForCaption(page: Page, text: string | RegExp): Promise<void> {
  return waitForText(page.getByTestId('caption'), text);
}

/** Picks the flow and the environment, by their visible names. */
export async function pickCall(page: Page, flow: string, environment: string): Promise<void> {
  // Within the call set-up: the Flow tab's panel carries the label "Flow" too.
  const setup = page.getByRole('group', { name: 'Call set-up' });
  await setup.getByLabel('Flow', { exact: true }).selectOption({ label: flow });
  await setup.getByLabel('Environment', { exact: true }).selectOption({ label: environment });
}

/** The value a variable shows (`"12345"`, `true`, `1250.75`), by dotted path. */
export function variableValue(page: Page, path: string): Locator {
  return page.locator(`[data-var-path="${path}"] > .var__row [data-testid="var-value"]`);
}

/** Opens a tab of the right-hand panel (Variables on narrow windows, Webhooks, Timeline). */
export async function openTab(page: Page, name: 'Variables' | 'Webhooks' | 'Timeline') {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
}

/**
 * Asserts the console fits the window: no horizontal scrolling of the page, no vertical either
 * (panels scroll inside), and the whole softphone in view without scrolling its column.
 */
export async function assertFits(page: Page): Promise<void> {
  const layout = (await page.evaluate(`(() => {
    const root = document.scrollingElement;
    const phone = document.querySelector('.softphone');
    return {
      scrollWidth: root.scrollWidth, scrollHeight: root.scrollHeight,
      innerWidth: window.innerWidth, innerHeight: window.innerHeight,
      phoneOverflow: phone.scrollHeight - phone.clientHeight,
    };
  })()`)) as Record<string, number>;
  const size = `${layout['innerWidth']}x${layout['innerHeight']}`;
  assert.ok(layout['scrollWidth']! <= layout['innerWidth']!, `horizontal overflow at ${size}`);
  assert.ok(layout['scrollHeight']! <= layout['innerHeight']!, `vertical overflow at ${size}`);
  assert.ok(
    layout['phoneOverflow']! <= 1,
    `the softphone scrolls at ${size} (${layout['phoneOverflow']} px too tall)`,
  );
}

/** Saves `test-results/e2e-<name>-<w>x<h>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const { width, height } = page.viewportSize() ?? LARGE;
  const path = join(RESULTS, `e2e-${name}-${width}x${height}.png`);
  await page.screenshot({ path });
  return path;
}
