// Over 300 lines: one Chromium session walks one workspace through every step, each test building on the last.
/**
 * A workspace of the user's own, end to end in Chromium, browser mode: the console starts on a
 * folder with a flow and an environment ("Staging CRM": its own CRM over HTTPS, trusted through a
 * CA of its own, and a bearer token kept as a secret). The tester picks the environment, sets the
 * secret on the Environments screen, calls by keyboard, sees the CRM's 200 and the variable it
 * set, sends the flow's http node on its own from the flow view, and opens a flow file from
 * outside the workspace by typing its path. A screenshot of each screen is taken to be looked at.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import type { ConsolePage } from '../helpers/console-page.ts';
import {
  assertFits,
  LARGE,
  openConsole,
  openTab,
  screenshot,
  skipWithoutBrowser,
  SMALL,
  UI_TIMEOUT_MS,
  variableValue,
  waitForCallState,
  waitForText,
} from '../helpers/console-page.ts';
import type { RunningConsole } from './fixtures/console-server.ts';
import { startConsole } from './fixtures/console-server.ts';
import type { StagingCrm } from './fixtures/staging-crm.ts';
import { hasOpenssl, makeCertificates, startStagingCrm } from './fixtures/staging-crm.ts';

const TEST_TIMEOUT_MS = 120_000;
const TOKEN = 'tok-3f9a1c77e2';

/** Text with runs of white space made single spaces. */
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A flow that asks for a PIN, checks it with the CRM and greets the caller by the name it sent. */
const STAGING_FLOW = {
  id: 'staging_auth',
  name: 'Staging auth',
  locale: 'en-US',
  start: 'welcome',
  variables: { crm_base: 'http://127.0.0.1:9' },
  nodes: {
    welcome: { type: 'play', say: 'Welcome to the staging line.', next: 'ask_pin' },
    ask_pin: {
      type: 'getDigits',
      say: 'Enter your four digit PIN.',
      variable: 'pin',
      minDigits: 4,
      maxDigits: 4,
      timeoutMs: 10000,
      retries: 1,
      invalidSay: 'Sorry, four digits.',
      next: 'auth',
      onFail: 'bye',
    },
    auth: {
      type: 'http',
      method: 'POST',
      contentType: 'json',
      url: '${crm_base}/auth',
      body: '{"pin": "${pin}", "caller": "${source}"}',
      next: 'greet',
      onError: 'sorry',
    },
    greet: { type: 'play', say: 'Hello ${customer_name}.', next: 'bye' },
    sorry: { type: 'hangup', say: 'We could not check your PIN.' },
    bye: { type: 'hangup', say: 'Goodbye.' },
  },
};

/** A flow file kept outside the workspace. */
const OUTSIDE_FLOW = {
  id: 'outside',
  name: 'Outside flow',
  locale: 'en-US',
  start: 'hello',
  nodes: {
    hello: { type: 'play', say: 'Hello from outside.', next: 'bye' },
    bye: { type: 'hangup', say: 'Goodbye.' },
  },
};

/** Waits until `check` holds (for what is not visible: a select's picked option). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(100);
  }
}

/** Asserts the page itself never scrolls (screens other than the phone's). */
async function assertNoPageOverflow(page: Page): Promise<void> {
  const size = (await page.evaluate(
    `[document.scrollingElement.scrollWidth, document.scrollingElement.scrollHeight,
      window.innerWidth, window.innerHeight]`,
  )) as number[];
  const [width, height, innerWidth, innerHeight] = size as [number, number, number, number];
  assert.ok(width <= innerWidth, `horizontal overflow at ${innerWidth}x${innerHeight}`);
  assert.ok(height <= innerHeight, `vertical overflow at ${innerWidth}x${innerHeight}`);
}

/** The header's file actions and screens fit on one line: nothing cut off at the right. */
async function assertHeaderFits(page: Page): Promise<void> {
  const overflow = (await page.evaluate(
    `(() => { const h = document.querySelector('.app-header');
      return h.scrollWidth - h.clientWidth; })()`,
  )) as number;
  assert.ok(overflow <= 0, `the header overflows by ${overflow} px`);
}

describe(
  'a workspace of your own: environment, secret, HTTPS CRM, send request, open flow',
  {
    skip: skipWithoutBrowser || (!hasOpenssl() && 'openssl is not installed: no test certificates'),
  },
  () => {
    let temp: string;
    let crm: StagingCrm | undefined;
    let server: RunningConsole | undefined;
    let browser: Browser | undefined;
    let open: ConsolePage | undefined;
    let outsidePath: string;
    let root: string;

    before(async () => {
      temp = await mkdtemp(join(tmpdir(), 'ivr-e2e-workspace-'));
      root = join(temp, 'my-ivr');
      await mkdir(join(root, 'flows'), { recursive: true });
      await mkdir(join(root, 'environments'));
      await mkdir(join(root, 'certs'));
      await mkdir(join(temp, 'elsewhere'));
      const certificates = await makeCertificates(join(root, 'certs'));
      crm = await startStagingCrm(certificates, TOKEN);
      await writeFile(join(root, 'flows/x.json'), JSON.stringify(STAGING_FLOW, null, 2));
      await writeFile(
        join(root, 'environments/staging.yaml'),
        [
          '# The staging CRM of the test: its own CA, a bearer token.',
          'name: Staging CRM',
          'variables:',
          `  crm_base: ${crm.url}`,
          'secrets: [crm_token]',
          'headers:',
          '  Authorization: "Bearer ${secret.crm_token}"',
          'tls:',
          '  ca: ../certs/ca.pem',
          '',
        ].join('\n'),
      );
      outsidePath = join(temp, 'elsewhere/y.json');
      await writeFile(outsidePath, JSON.stringify(OUTSIDE_FLOW, null, 2));
      [server, browser] = await Promise.all([
        startConsole('e2e-workspace', ['--workspace', root]),
        launchChromium(),
      ]);
    });

    after(async () => {
      await open?.close();
      await browser?.close();
      await server?.stop();
      await crm?.close();
      if (temp) await rm(temp, { recursive: true, force: true });
      // Nothing left behind: the console's data folder, the workspace, the CRM.
      if (server) assert.equal(existsSync(server.dataDir), false, 'the data folder is removed');
      if (temp) assert.equal(existsSync(temp), false, 'the workspace folder is removed');
      if (crm) assert.equal(crm.listening(), false, 'the CRM is closed');
    });

    test(
      'set the secret, call by keyboard, send the request, open a flow',
      {
        timeout: TEST_TIMEOUT_MS,
      },
      async () => {
        open = await openConsole(browser!, server!.url);
        const { page } = open;
        const setup = page.getByRole('group', { name: 'Call set-up' });
        const flowPicker = setup.getByLabel('Flow', { exact: true });
        const environmentPicker = setup.getByLabel('Environment', { exact: true });

        // The workspace is open: its name in the header, its flow in the picker's Workspace group.
        await waitForText(page.getByTestId('workspace-name'), 'my-ivr');
        const groups = await flowPicker
          .locator('optgroup')
          .evaluateAll((all) => all.map((g) => g.getAttribute('label')));
        assert.deepEqual(groups, ['Workspace', 'Samples']);
        await flowPicker.selectOption({ label: 'Staging auth — flows/x.json' });
        await environmentPicker.selectOption({ label: 'Staging CRM' });
        // Its secret has no value yet: said under the picker, and a call is refused naming it.
        await waitForText(page.getByTestId('environment-hint'), 'Secret missing: crm_token');
        await page.evaluate('document.activeElement && document.activeElement.blur()');
        await page.keyboard.press('Enter');
        await waitForText(page.getByRole('alert'), /crm_token/);
        await screenshot(page, 'workspace-secret-missing');
        await assertFits(page);

        // The Environments screen opens on the environment picked; the secret is typed and saved.
        await page.getByRole('button', { name: 'Environments', exact: true }).click();
        const screen = page.getByTestId('environments-screen');
        await waitForText(screen.getByRole('heading', { level: 2 }), 'Staging CRM');
        const secret = screen.getByLabel('crm_token', { exact: true });
        assert.equal(await secret.getAttribute('type'), 'password', 'the value is masked');
        await secret.fill(TOKEN);
        await screen.getByRole('button', { name: 'Reveal crm_token' }).click();
        assert.equal(await secret.getAttribute('type'), 'text', 'Reveal shows the value');
        await screen.getByRole('button', { name: 'Hide crm_token' }).click();
        await screen.getByRole('button', { name: 'Save value of crm_token' }).click();
        await waitForText(screen.getByTestId('secret-status'), /^set$/);
        // The limits show the platform's own where the file sets none.
        assert.equal(
          await screen.getByLabel('Response timeout (ms)').getAttribute('placeholder'),
          '5000',
        );
        await screenshot(page, 'workspace-environments');
        await assertNoPageOverflow(page);
        await assertHeaderFits(page);
        // The rest of the form: TLS (the CA from the file), proxy, limits.
        assert.equal(await screen.getByLabel('CA certificates').inputValue(), '../certs/ca.pem');
        await screen
          .locator('.env-editor__body')
          .evaluate((body) => body.scrollTo({ top: body.scrollHeight }));
        await screenshot(page, 'workspace-environments-tls-limits');
        await page.setViewportSize(SMALL);
        await screenshot(page, 'workspace-environments');
        await assertNoPageOverflow(page);
        await assertHeaderFits(page);
        await page.setViewportSize(LARGE);

        // Back on the phone: the same flow and environment, nothing missing any more.
        await page.getByRole('button', { name: 'Phone', exact: true }).click();
        assert.equal(
          await environmentPicker.locator('option:checked').textContent(),
          'Staging CRM',
        );
        assert.equal(await page.getByTestId('environment-hint').count(), 0);

        // A call by keyboard only: Enter calls, the PIN is typed.
        await page.evaluate('document.activeElement && document.activeElement.blur()');
        await page.keyboard.press('Enter');
        await waitForCallState(page, /In call/);
        await page.keyboard.type('1234');
        await waitForCallState(page, /Ended/);
        await waitForText(page.getByTestId('call-detail'), 'Hung up by the flow');
        assert.equal(await variableValue(page, 'customer_name').textContent(), '"Anna"');
        await openTab(page, 'Webhooks');
        const rows = page.getByTestId('exchange-row');
        assert.equal(await rows.count(), 1);
        assert.match(flat(await rows.nth(0).innerText()), /^auth POST \/auth 200 OK [\d.]+ ms OK$/);
        const calls = crm!.requests.filter((r) => r.path === '/auth');
        assert.equal(calls.length, 1);
        assert.equal(calls[0]?.authorization, `Bearer ${TOKEN}`, 'the secret reached the CRM');
        assert.deepEqual(JSON.parse(calls[0]?.body ?? ''), { pin: '1234', caller: '+3612345678' });
        const inspector = page.getByRole('tabpanel');
        assert.ok(!(await inspector.innerText()).includes(TOKEN), 'the secret is never shown');
        await screenshot(page, 'workspace-call');
        await assertFits(page);
        await assertHeaderFits(page);
        await page.setViewportSize(SMALL);
        await screenshot(page, 'workspace-call');
        await assertFits(page);
        await assertHeaderFits(page);
        await page.setViewportSize(LARGE);

        // The flow view: the http node sends its request on its own, with the environment picked.
        await page.getByRole('tab', { name: /^Flow/ }).click();
        await page.locator('.react-flow__node[data-id="auth"]').click();
        const panel = page.getByTestId('send-request');
        await waitForText(panel, 'POST');
        assert.match(flat(await panel.innerText()), /Environment Staging CRM/);
        const crmBase = panel.getByLabel('crm_base', { exact: true });
        assert.equal(await crmBase.inputValue(), crm!.url, 'prefilled from the environment');
        // The environment's own headers are read from it after the panel opens: wait for them.
        await waitForText(panel, /secret\.crm_token\s*from the environment/);
        await panel.getByLabel('pin', { exact: true }).fill('4321');
        await panel.getByRole('button', { name: 'Send request', exact: true }).click();
        const result = page.getByTestId('send-request-result');
        await waitForText(result, /200 OK/);
        assert.match(
          (await result.getByTestId('exchange-url').textContent()) ?? '',
          /^https:\/\/127\.0\.0\.1:\d+\/auth$/,
        );
        await waitForText(result.locator('.badge--ok'), /^OK$/);
        assert.equal(crm!.requests.length, 2);
        assert.deepEqual(JSON.parse(crm!.requests[1]?.body ?? ''), {
          pin: '4321',
          caller: '+3612345678',
        });
        assert.ok(!(await panel.innerText()).includes(TOKEN), 'the secret is never shown');
        await screenshot(page, 'workspace-send-request');
        await assertFits(page);

        // Open flow…: browser mode types the path; the phone switches to the file opened.
        await page.getByRole('button', { name: 'Open flow…', exact: true }).click();
        const dialog = page.getByTestId('open-flow-dialog');
        await dialog.getByLabel('Path', { exact: true }).fill(outsidePath);
        await screenshot(page, 'workspace-open-flow');
        await dialog.getByRole('button', { name: 'Open', exact: true }).click();
        await dialog.waitFor({ state: 'hidden' });
        await until(
          async () =>
            (await flowPicker.locator('option:checked').textContent()) === 'Outside flow — y.json',
          'the phone shows the flow opened',
        );
        const recent = await flowPicker
          .locator('optgroup[label="Recent"] option')
          .allTextContents();
        assert.deepEqual(recent, ['Outside flow — y.json']);
        await waitForText(page.getByTestId('flow-view'), 'hello');
        await screenshot(page, 'workspace-opened-flow');

        assert.deepEqual(open.problems, [], 'no console error or warning');
        await open.close();
        open = undefined;
      },
    );

    test(
      'a new flow from a sample, a dropped file, close and reopen the folder',
      { timeout: TEST_TIMEOUT_MS },
      async () => {
        open = await openConsole(browser!, server!.url);
        const { page } = open;
        const setup = page.getByRole('group', { name: 'Call set-up' });
        const flowPicker = setup.getByLabel('Flow', { exact: true });

        // New flow…: a copy of a sample, written into the workspace; the phone switches to it.
        await page.getByRole('button', { name: 'New flow…', exact: true }).click();
        const newFlow = page.getByTestId('new-flow-dialog');
        await newFlow.getByLabel('Name', { exact: true }).fill('Card activation');
        await newFlow.getByLabel('Start from').selectOption({ label: 'Balance read-back' });
        await waitForText(newFlow, 'my-ivr/flows/card-activation.json');
        await screenshot(page, 'workspace-new-flow');
        await newFlow.getByRole('button', { name: 'Create', exact: true }).click();
        await newFlow.waitFor({ state: 'hidden' });
        await until(
          async () =>
            (await flowPicker.locator('option:checked').textContent()) ===
            'Card activation — flows/card-activation.json',
          'the phone shows the new flow',
        );
        assert.ok(existsSync(join(root, 'flows/card-activation.json')), 'written to flows/');
        // Its http node opens its request from the keyboard too (between calls).
        await page.getByRole('tab', { name: /^Flow/ }).click();
        await page.locator('.react-flow__node[data-id="auth"]').focus();
        await page.keyboard.press('Enter');
        const panel = page.getByTestId('send-request');
        await waitForText(panel, 'Send request auth');
        await panel.getByRole('button', { name: 'Close the request' }).click();
        await panel.waitFor({ state: 'detached' });

        // A file dropped on the page: browser mode cannot see its path, and says what to do.
        await page.evaluate(`(() => {
          const data = new DataTransfer();
          data.items.add(new File(['{}'], 'z.json', { type: 'application/json' }));
          for (const type of ['dragover', 'drop'])
            window.dispatchEvent(new DragEvent(type, { dataTransfer: data, cancelable: true }));
        })()`);
        await waitForText(page.locator('.notice'), 'Use Open flow… to open z.json');

        // The workspace menu: where the folder is, and Close folder.
        await page.getByRole('button', { name: 'Workspace: my-ivr' }).click();
        await waitForText(page.locator('.workspace-menu__popover'), root);
        await screenshot(page, 'workspace-menu');
        await page.getByRole('button', { name: 'Close folder', exact: true }).click();
        await waitForText(page.getByTestId('workspace-name'), 'No folder');
        // With a notice on screen and no folder, the header still keeps to one line.
        await assertHeaderFits(page);
        await page.setViewportSize(SMALL);
        await assertHeaderFits(page);
        await screenshot(page, 'workspace-closed');
        await page.setViewportSize(LARGE);
        const environments = await setup
          .getByLabel('Environment', { exact: true })
          .locator('option')
          .allTextContents();
        assert.ok(!environments.includes('Staging CRM'), 'its environments went with it');
        // Without a workspace a new flow has nowhere to go: said, with Open folder… offered.
        await page.getByRole('button', { name: 'New flow…', exact: true }).click();
        await waitForText(newFlow, 'No workspace folder is open');
        await newFlow.getByRole('button', { name: 'Open folder…', exact: true }).click();

        // Open folder… offers the folders opened before.
        const openFolder = page.getByTestId('open-folder-dialog');
        await waitForText(openFolder, 'Open recent');
        await screenshot(page, 'workspace-open-folder');
        await openFolder.getByRole('button', { name: /^my-ivr/ }).click();
        await openFolder.waitFor({ state: 'hidden' });
        await waitForText(page.getByTestId('workspace-name'), 'my-ivr');
        await until(
          async () =>
            (
              await setup
                .getByLabel('Environment', { exact: true })
                .locator('option')
                .allTextContents()
            ).includes('Staging CRM'),
          'the workspace environments are back',
        );

        // Saving an environment: a limit set, a CA file that does not exist; the problem is
        // listed with its file, line and field, and the environment cannot be picked until fixed.
        await page.getByRole('button', { name: 'Environments', exact: true }).click();
        const screen = page.getByTestId('environments-screen');
        await screen.getByRole('button', { name: /^Staging CRM/ }).click();
        await screen.getByLabel('Response timeout (ms)').fill('8000');
        await screen.getByLabel('CA certificates').fill('../certs/missing.pem');
        await screen.getByRole('button', { name: 'Save', exact: true }).click();
        const problems = screen.getByRole('alert', { name: 'Problems' });
        await waitForText(
          problems,
          /staging\.yaml:\d+(:\d+)?: tls\.ca: .*missing\.pem does not exist/,
        );
        await waitForText(screen.getByRole('status'), /Saved, with 1 problem/);
        await screenshot(page, 'workspace-environment-problem');
        const saved = await readFile(join(root, 'environments/staging.yaml'), 'utf8');
        assert.match(saved, /^# The staging CRM of the test/, 'the comment is kept');
        assert.match(saved, /responseTimeoutMs: 8000/);
        assert.doesNotMatch(saved, new RegExp(TOKEN), 'no secret value in the workspace');
        await page.getByRole('button', { name: 'Phone', exact: true }).click();
        assert.equal(
          await setup
            .getByLabel('Environment', { exact: true })
            .locator('option', { hasText: 'Staging CRM' })
            .isDisabled(),
          true,
        );
        await page.getByRole('button', { name: 'Environments', exact: true }).click();
        await screen.getByRole('button', { name: /^Staging CRM/ }).click();
        await screen.getByLabel('CA certificates').fill('../certs/ca.pem');
        await screen.getByRole('button', { name: 'Save', exact: true }).click();
        await waitForText(screen.getByRole('status'), /^Saved$/);
        assert.equal(await problems.count(), 0);

        // Edits not saved yet survive picking another environment and coming back.
        await screen.getByLabel('Response timeout (ms)').fill('9000');
        await screen.getByRole('button', { name: /^Built-in demo CRM/ }).click();
        await waitForText(screen.getByRole('heading', { level: 2 }), 'Built-in demo CRM');
        await screen.getByRole('button', { name: /^Staging CRM/ }).click();
        await waitForText(screen.getByRole('heading', { level: 2 }), 'Staging CRM');
        assert.equal(await screen.getByLabel('Response timeout (ms)').inputValue(), '9000');
        await waitForText(screen.getByRole('status'), /Unsaved changes/);
        await screen.getByRole('button', { name: 'Discard changes', exact: true }).click();
        assert.equal(await screen.getByLabel('Response timeout (ms)').inputValue(), '8000');

        // New environment…: a file of its own in environments/, listed and opened at once.
        await screen.getByRole('button', { name: 'New environment…' }).click();
        const newEnvironment = page.getByTestId('new-environment-dialog');
        await newEnvironment.getByLabel('Name', { exact: true }).fill('Local CRM');
        await newEnvironment.getByRole('button', { name: 'Create', exact: true }).click();
        await newEnvironment.waitFor({ state: 'hidden' });
        await waitForText(screen.getByRole('heading', { level: 2 }), 'Local CRM');
        assert.ok(existsSync(join(root, 'environments/local-crm.yaml')));

        // The issue's own words: the workspace opened with Open folder… (its path typed, as
        // browser mode does), then the same call placed against the HTTPS CRM.
        await page.getByRole('button', { name: 'Workspace: my-ivr' }).click();
        await page.getByRole('button', { name: 'Close folder', exact: true }).click();
        await waitForText(page.getByTestId('workspace-name'), 'No folder');
        await page.getByRole('button', { name: 'Open folder…', exact: true }).click();
        const typed = page.getByTestId('open-folder-dialog');
        await typed.getByLabel('Path', { exact: true }).fill(root);
        await typed.getByRole('button', { name: 'Open', exact: true }).click();
        await typed.waitFor({ state: 'hidden' });
        await waitForText(page.getByTestId('workspace-name'), 'my-ivr');
        await page.getByRole('button', { name: 'Phone', exact: true }).click();
        const flowPicker2 = setup.getByLabel('Flow', { exact: true });
        await until(
          async () =>
            (await flowPicker2.locator('option').allTextContents()).includes(
              'Staging auth — flows/x.json',
            ),
          'the workspace flow is listed again',
        );
        await flowPicker2.selectOption({ label: 'Staging auth — flows/x.json' });
        await setup
          .getByLabel('Environment', { exact: true })
          .selectOption({ label: 'Staging CRM' });
        const before = crm!.requests.filter((r) => r.path === '/auth').length;
        await page.evaluate('document.activeElement && document.activeElement.blur()');
        await page.keyboard.press('Enter');
        await waitForCallState(page, /In call/);
        await page.keyboard.type('1234');
        await waitForCallState(page, /Ended/);
        const after = crm!.requests.filter((r) => r.path === '/auth');
        assert.equal(after.length, before + 1);
        assert.equal(after.at(-1)?.authorization, `Bearer ${TOKEN}`);
        assert.equal(await variableValue(page, 'customer_name').textContent(), '"Anna"');
        assert.deepEqual(open.problems, [], 'no console error or warning');
      },
    );
  },
);
