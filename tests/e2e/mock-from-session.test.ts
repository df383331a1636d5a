/**
 * "Mock from this call" end to end in Chromium, browser mode: a balance call logged against the
 * demo CRM by the real CLI into the console's database, turned into a mock environment from the
 * Sessions screen (saved in the workspace's environments/ folder), picked on the phone, and the
 * same call placed again: both webhooks answered by the console's mock server, marked as such in
 * the inspector, with the same replies applied. A screenshot of the marked inspector is taken.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import { ROOT, tempDir } from '../helpers/cli-process.ts';
import type { ConsolePage } from '../helpers/console-page.ts';
import {
  UI,
  callButton,
  clickKeys,
  openConsole,
  openTab,
  screenshot,
  variableValue,
  waitForCallState,
  waitForCaption,
  waitForText,
} from '../helpers/console-page.ts';
import type { RunningConsole } from './fixtures/console-server.ts';
import { startConsole } from './fixtures/console-server.ts';

const TEST_TIMEOUT_MS = 120_000;

/** Text with runs of white space made single spaces. */
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('mock from this call (Chromium, browser mode)', UI, () => {
  let server: RunningConsole;
  let browser: Browser;
  let open: ConsolePage | undefined;
  const workspace = tempDir('ivr-e2e-mock-ws-');
  let sessionId = '';

  before(async () => {
    mkdirSync(join(workspace, 'flows'));
    mkdirSync(join(workspace, 'environments'));
    copyFileSync(join(ROOT, 'resources/flows/balance.json'), join(workspace, 'flows/balance.json'));
    writeFileSync(join(workspace, 'environments/demo.yaml'), 'name: Demo CRM\ndemoCrm: true\n');
    [server, browser] = await Promise.all([
      startConsole('e2e-mock-session', ['--workspace', workspace]),
      launchChromium(),
    ]);
    const run = await runCliInProcess([
      'run',
      join(workspace, 'flows/balance.json'),
      '--env',
      'demo',
      '--dtmf',
      '12345#1111 9',
      '--db',
      server.databasePath,
      '--json',
    ]);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    sessionId = (JSON.parse(run.stdout) as { sessionId: string }).sessionId;
  });
  after(async () => {
    await open?.close();
    await browser?.close();
    await server?.stop();
  });

  test(
    'made from a session, then answering the same call',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      open = await openConsole(browser, server.url);
      const { page } = open;
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'Sessions' })
        .click();
      await page.locator(`tr[data-session-id="${sessionId}"] .sessions__open`).click();
      const detail = page.getByTestId('session-detail');
      await detail.getByRole('button', { name: 'Mock from this call' }).click();
      const saved = detail.getByTestId('saved-mock');
      await waitForText(saved, /Saved environment mock-balance-/);
      const environmentId = /Saved environment (\S+):/.exec(flat(await saved.innerText()))?.[1];
      assert.ok(environmentId, 'the environment id is shown');
      const file = join(workspace, 'environments', `${environmentId}.yaml`);
      assert.ok(existsSync(file), `${file} written`);
      assert.match(readFileSync(file, 'utf8'), /^mock:\n {2}auth:\n/m);

      // The phone: the workspace's flow, the new environment (listed once the folder is read again).
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'Phone' })
        .click();
      const setup = page.getByRole('group', { name: 'Call set-up' });
      await setup
        .getByLabel('Flow', { exact: true })
        .selectOption({ label: 'Balance read-back — flows/balance.json' });
      const picker = setup.getByLabel('Environment', { exact: true });
      // A workspace environment's id in the picker is `workspace:<file base name>`.
      const value = `workspace:${environmentId}`;
      await picker.locator(`option[value="${value}"]`).waitFor({ state: 'attached' });
      await picker.selectOption(value);
      await waitForCallState(page, /Idle/);
      await callButton(page).click();
      await waitForCallState(page, /In call/);
      await clickKeys(page, '12345#1111');
      await waitForCaption(page, /Your balance is/);
      assert.equal(await variableValue(page, 'customer_name').textContent(), '"Anna"');
      await clickKeys(page, '9');
      await waitForCallState(page, /Ended/);

      await openTab(page, 'Webhooks');
      const rows = page.getByTestId('exchange-row');
      assert.equal(await rows.count(), 2);
      assert.equal(await page.getByTestId('exchange-mocked').count(), 2, 'both replies mocked');
      assert.match(flat(await rows.nth(0).innerText()), /^auth POST \/ivr\/auth mock 200 OK/);
      await rows.nth(0).click();
      await waitForText(page.getByTestId('exchange-detail-mocked'), /mocked: rule 1 of auth/);
      await screenshot(page, 'mock-from-session-inspector');
      // A long workspace folder name (the temp folder's) still leaves the header on one line.
      const overflow = (await page.evaluate(
        `(() => { const h = document.querySelector('.app-header');
          return h.scrollWidth - h.clientWidth; })()`,
      )) as number;
      assert.ok(overflow <= 0, `the header overflows by ${overflow} px`);
    },
  );
});
