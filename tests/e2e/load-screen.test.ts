/**
 * The Load screen end to end in Chromium, browser mode, against the console's built-in demo CRM:
 * 200 balance calls, 20 at once, counted exactly in the per-node table and exported as the HTML
 * report; then a long run at a steady rate, watched live (status line and charts), while a call
 * placed on the phone goes through to its end (the load runs on worker threads: the window and
 * the main process stay responsive), and Stop ends it.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import type { ConsolePage } from '../helpers/console-page.ts';
import {
  callButton,
  clickKeys,
  openConsole,
  pickCall,
  screenshot,
  SMALL,
  UI,
  waitForCallState,
  waitForCaption,
  waitForText,
} from '../helpers/console-page.ts';
import type { RunningConsole } from './fixtures/console-server.ts';
import { startConsole } from './fixtures/console-server.ts';

const TEST_TIMEOUT_MS = 180_000;
const BALANCE = /Your balance is 1,250\.75 euros/;

/** Text with runs of white space made single spaces. */
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Opens the Load screen and fills its form. */
async function setUpLoad(
  page: Page,
  fields: { calls: string; concurrency?: string; rate?: string; keys: string },
): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: 'Load' })
    .click();
  const form = page.getByRole('form', { name: 'Load set-up' });
  await form.getByLabel('Flow', { exact: true }).selectOption({ label: 'Balance read-back' });
  await form
    .getByLabel('Environment', { exact: true })
    .selectOption({ label: 'Built-in demo CRM' });
  await form.getByLabel('Calls', { exact: true }).fill(fields.calls);
  if (fields.rate !== undefined) {
    await form.getByLabel('Calls per second', { exact: true }).check();
    await form.getByLabel('How many per second').fill(fields.rate);
  } else {
    await form.getByLabel('Callers at once', { exact: true }).check();
    await form.getByLabel('How many at once').fill(fields.concurrency ?? '1');
  }
  await form.getByLabel('Keys every caller presses').fill(fields.keys);
}

/** The page does not scroll either way at its size: the panels scroll inside. */
async function assertPageFits(page: Page): Promise<void> {
  const [width, height, innerWidth, innerHeight] = (await page.evaluate(
    '[document.scrollingElement.scrollWidth, document.scrollingElement.scrollHeight, innerWidth, innerHeight]',
  )) as number[];
  assert.ok(width! <= innerWidth! && height! <= innerHeight!, `${width}x${height} overflows`);
}

/** The calls done so far, from the status line. */
async function callsDone(page: Page): Promise<number> {
  const text = (await page.getByTestId('load-done').textContent()) ?? '';
  return Number(text.split('/')[0]?.replace(/\D/g, '') ?? Number.NaN);
}

describe('the Load screen (Chromium, browser mode)', UI, () => {
  let server: RunningConsole;
  let browser: Browser;
  let open: ConsolePage | undefined;

  before(async () => {
    [server, browser] = await Promise.all([startConsole('e2e-load'), launchChromium()]);
  });
  after(async () => {
    await open?.close();
    await browser?.close();
    await server?.stop();
  });

  test(
    '200 calls, 20 at once: exact counts per node, the report exported',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      open = await openConsole(browser, server.url);
      const { page } = open;
      await setUpLoad(page, { calls: '200', concurrency: '20', keys: '12345#1111' });
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      const status = page.getByRole('status').filter({ hasText: /calls/ });
      await waitForText(status, /^Finished/);
      assert.match(
        flat(await status.innerText()),
        /^Finished · 200 \/ 200 calls · [\d.]+ calls\/s · 0 webhook errors · p99 [\d.]+ ms/,
      );
      // The table as the CLI prints it: both webhooks of every call, all passed.
      const table = page.getByRole('table');
      const headers = await table.getByRole('columnheader').allTextContents();
      assert.deepEqual(headers, [
        'Node',
        'Count',
        'OK',
        'p50',
        'p90',
        'p99',
        'Max',
        'Over limit',
        'Errors',
      ]);
      for (const node of ['auth', 'fetch_balance']) {
        const row = flat(await table.locator(`tr[data-node="${node}"]`).innerText());
        assert.match(
          row,
          new RegExp(`^${node} 200 200 [\\d.]+ ms [\\d.]+ ms [\\d.]+ ms [\\d.]+ ms 0 none$`),
        );
      }
      assert.equal(
        await page.getByRole('button', { name: 'Stop', exact: true }).isDisabled(),
        true,
      );
      await screenshot(page, 'load-finished');
      await assertPageFits(page);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export report' }).click();
      const report = await download;
      assert.match(report.suggestedFilename(), /^load-balance-.*\.html$/);
      // Saved where this test keeps its files: the browser may be the run's shared one, whose
      // downloads folder is not this process's to read.
      const folder = tempDir('ivr-e2e-load-');
      const reportFile = join(folder, report.suggestedFilename());
      await report.saveAs(reportFile);
      const html = await readFile(reportFile, 'utf8');
      rmSync(folder, { recursive: true, force: true });
      assert.match(html, /^<!doctype html>/i);
      assert.match(html, /fetch_balance/);
      await waitForText(page.locator('.load__message'), /^Exported load-balance-/);
      // A smaller window and the dark scheme: the panels scroll inside, the page does not.
      await page.setViewportSize(SMALL);
      await page.emulateMedia({ colorScheme: 'dark' });
      await assertPageFits(page);
      await screenshot(page, 'load-finished-dark');
      assert.deepEqual(open.problems, [], 'no console error or warning');
      await open.close();
      open = undefined;
    },
  );

  test(
    'a call on the phone goes through while a long load runs; Stop ends the load',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      open = await openConsole(browser, server.url);
      const { page } = open;
      await setUpLoad(page, { calls: '3000', rate: '50', keys: '12345#1111' });
      await page.getByRole('button', { name: 'Start', exact: true }).click();
      const status = page.getByRole('status').filter({ hasText: /calls/ });
      await waitForText(status, /^Running · /);
      // Live: the count grows from one progress event to the next, and the charts are drawn.
      while ((await callsDone(page)) < 80) await page.waitForTimeout(200);
      const first = await callsDone(page);
      await page.waitForTimeout(2500);
      const second = await callsDone(page);
      assert.ok(second > first, `calls done went from ${first} to ${second}`);
      assert.ok((await page.locator('.load-chart svg path').count()) > 0, 'the charts are drawn');
      assert.equal(
        await page.getByRole('button', { name: 'Start', exact: true }).isDisabled(),
        true,
      );
      await screenshot(page, 'load-running');

      // The phone, meanwhile: the balance call from start to end.
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'Phone' })
        .click();
      await pickCall(page, 'Balance read-back', 'Built-in demo CRM');
      await callButton(page).click();
      await waitForCallState(page, /In call/);
      await clickKeys(page, '12345#1111');
      await waitForCaption(page, BALANCE);
      await clickKeys(page, '9');
      await waitForCallState(page, /Ended/);
      await waitForText(page.getByTestId('call-detail'), 'Hung up by the flow');

      // Back on the Load screen: the run went on all along; Stop ends it.
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'Load' })
        .click();
      await waitForText(status, /^Running · /);
      assert.ok((await callsDone(page)) > second);
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      await waitForText(status, /^Stopped · /);
      const done = await callsDone(page);
      assert.ok(done > second && done < 3000, `${done} calls done when stopped`);
      const auth = flat(await page.getByRole('table').locator('tr[data-node="auth"]').innerText());
      assert.match(auth, /^auth [\d,]+ [\d,]+ /);
      assert.equal(
        await page.getByRole('button', { name: 'Start', exact: true }).isDisabled(),
        false,
      );
      assert.deepEqual(open.problems, [], 'no console error or warning');
    },
  );
});
