/**
 * The other two sample flows, end to end in Chromium by mouse clicks alone, against the real
 * services and the built-in demo CRM: the personalised menu recognises a gold caller and transfers
 * them, and the meter reading takes a reading, lets the tester change it mid-call, submits it and
 * reads the consumption back, reporting the call to the CRM on hang-up.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TapWindow } from '../helpers/audio-tap.ts';
import { startTap, stopTap } from '../helpers/audio-tap.ts';
import { launchChromium } from '../helpers/chromium.ts';
import type { ConsolePage } from '../helpers/console-page.ts';
import {
  assertFits,
  callButton,
  clickKeys,
  UI,
  openConsole,
  openTab,
  pickCall,
  screenshot,
  variableValue,
  waitForCallState,
  waitForCaption,
  waitForText,
} from '../helpers/console-page.ts';
import { waitForFinishedSessions } from '../helpers/session-log.ts';
import type { RunningConsole } from './fixtures/console-server.ts';
import { startConsole } from './fixtures/console-server.ts';
import { measureRecordingCut } from './fixtures/recording-cut.ts';

const TEST_TIMEOUT_MS = 90_000;

/** Text with runs of white space made single spaces. */
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('the sample flows by clicks (Chromium, browser mode)', UI, () => {
  let server: RunningConsole;
  let browser: Browser;
  let open: ConsolePage | undefined;

  before(async () => {
    [server, browser] = await Promise.all([startConsole('e2e-samples'), launchChromium()]);
  });
  after(async () => {
    await open?.close();
    await browser?.close();
    await server?.stop();
  });

  test(
    'personalised menu: a gold caller presses 1 for their advisor',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      open = await openConsole(browser, server.url);
      const { page } = open;
      await pickCall(page, 'Personalised menu', 'Built-in demo CRM');
      await page.getByLabel('Caller (source)', { exact: true }).fill('+3612345678');
      await callButton(page).click();
      await waitForCallState(page, /In call/);
      // Recognised by number: greeted by name. Barge in with 1, kept for the (gold) menu.
      await waitForCaption(page, /Hello Anna, welcome back/);
      await clickKeys(page, '1');
      await waitForCallState(page, /Ended/);
      await waitForText(page.getByTestId('call-detail'), 'Transferred to gold-advisors');
      assert.equal(await variableValue(page, 'tier').textContent(), '"gold"');
      assert.equal(await variableValue(page, 'customer_name').textContent(), '"Anna"');
      assert.equal(
        await variableValue(page, 'offer').textContent(),
        '"a free upgrade to premium support this month"',
      );
      await screenshot(page, 'transfer');
      await assertFits(page);

      await openTab(page, 'Timeline');
      assert.deepEqual(await page.getByTestId('flow-path').locator('li').allTextContents(), [
        'lookup',
        'greet_known',
        'offer',
        'tell_offer',
        'route',
        'gold_menu',
        'advisor',
      ]);
      const timeline = flat(await page.getByTestId('timeline').innerText());
      assert.match(timeline, /Data customers: row 1 found/);
      assert.match(timeline, /Branch route → gold_menu \(case 1\)/);
      assert.match(timeline, /Transfer to gold-advisors/);

      const sessions = await waitForFinishedSessions(server.databasePath);
      assert.equal(sessions.at(-1)?.status, 'transfer');
      assert.equal(sessions.at(-1)?.transferTarget, 'gold-advisors');
      assert.deepEqual(open.problems, [], 'no console error or warning');
      await open.close();
      open = undefined;
    },
  );

  test(
    'personalised menu, a new caller: the welcome recording sounds until a key cuts it',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      open = await openConsole(browser, server.url, { tap: true });
      const { page } = open;
      await pickCall(page, 'Personalised menu', 'Built-in demo CRM');
      await page.getByLabel('Caller (source)', { exact: true }).fill('+15550001111');
      await callButton(page).click();
      assert.equal(await startTap(page), 1, 'one live audio context tapped');
      await waitForCaption(page, /Welcome to Example Telecom/);
      // As soon as the page plays the recording's samples, the 1 is pressed, from inside the page
      // (a round trip from here could land after the 2.1 s welcome on a busy machine). Typed
      // ahead, it cuts the welcome and answers the standard menu (billing).
      await page.evaluate(async () => {
        // Typed without the DOM library: what this reaches of the page.
        interface Shim {
          pressAt?: number;
          document: { querySelector(selector: string): { dispatchEvent(e: unknown): void } | null };
          PointerEvent: new (type: string, init: object) => unknown;
        }
        const page = globalThis as unknown as TapWindow & Shim;
        while (page.__audioTap.level(20) <= 0.01) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        const key = page.document.querySelector('button[aria-label="Key 1"]');
        page.pressAt = page.__audioTap.now();
        const init = { bubbles: true, button: 0, isPrimary: true, pointerType: 'mouse' };
        key?.dispatchEvent(new page.PointerEvent('pointerdown', init));
        key?.dispatchEvent(new page.PointerEvent('pointerup', init));
      });
      await waitForCallState(page, /Ended/);
      await waitForText(page.getByTestId('call-detail'), 'Transferred to billing-queue');
      const pressAt = await page.evaluate(() => (globalThis as { pressAt?: number }).pressAt ?? -1);
      const [recording] = await stopTap(page);
      assert.ok(pressAt > 0, 'the press was timed on the audio clock');
      // The audio clock moves in device-sized steps (tens of ms with no sound server), so the cut
      // is measured from 150 ms on, past the key's own tone; the page stops the recording in the
      // key's own event handler, where it starts the tone.
      const cut = measureRecordingCut(recording!, pressAt, '1', 150, 1000);
      // Pressed early in the 2.1 s welcome: left alone, the voice would go on well past 1 s.
      assert.ok(
        cut.voiceMsBeforePress < 1000,
        `pressed ${cut.voiceMsBeforePress} ms into the voice`,
      );
      assert.ok(cut.leftAfter < 0.002, `voice left after the key: ${cut.leftAfter}`);
      assert.deepEqual(open.problems, [], 'no console error or warning');
      await open.close();
      open = undefined;
    },
  );

  test(
    'meter reading: a reading changed mid-call, submitted, consumption read back',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      open = await openConsole(browser, server.url);
      const { page } = open;
      await pickCall(page, 'Utility meter reading', 'Built-in demo CRM');
      await callButton(page).click();
      await waitForCallState(page, /In call/);
      await clickKeys(page, '100200');
      await waitForCaption(page, /Your last reading was 4,821/);
      await clickKeys(page, '4902#');
      await waitForCaption(page, /You entered 4 9 0 2/);
      assert.equal(await variableValue(page, 'reading').textContent(), '"4902"');

      // A value that does not fit the variable's type is refused next to the field…
      await page.getByRole('button', { name: 'Edit meter_found' }).click();
      await page.getByLabel('New value of meter_found').fill('maybe');
      await page.getByLabel('New value of meter_found').press('Enter');
      await waitForText(page.getByRole('alert'), 'type true or false');
      // …and Escape there cancels the edit, not the call.
      await page.getByLabel('New value of meter_found').press('Escape');
      assert.equal(await page.getByLabel('New value of meter_found').count(), 0);
      await waitForCallState(page, /In call/);

      // The tester corrects the reading mid-call; the flow submits the corrected value.
      await page.getByRole('button', { name: 'Edit reading' }).click();
      await page.getByLabel('New value of reading').fill('4950');
      await page.getByLabel('New value of reading').press('Enter');
      await waitForText(variableValue(page, 'reading'), '"4950"');
      await waitForText(page.locator('[data-var-path="reading"] .var__badge'), 'changed');
      await screenshot(page, 'variable-edited');

      await clickKeys(page, '1');
      await waitForCaption(page, /consumption since the last reading is 129 kilowatt hours/);
      await waitForText(page.getByTestId('call-detail'), 'Hung up by the flow');
      assert.equal(await variableValue(page, 'consumption').textContent(), '129');
      assert.equal(await variableValue(page, 'accepted').textContent(), 'true');

      // The report registered at the start is sent on hang-up, and marked so.
      await openTab(page, 'Webhooks');
      const rows = page.getByTestId('exchange-row');
      await waitForText(rows.nth(2), 'on hang-up');
      assert.equal(await rows.count(), 3);
      assert.match(
        flat(await rows.nth(1).innerText()),
        /^submit POST \/ivr\/meter\/reading 200 OK/,
      );
      assert.match(
        flat(await rows.nth(2).innerText()),
        /^register_report POST \/ivr\/call-report on hang-up 200 OK [\d.]+ ms OK 1 warning$/,
      );
      await rows.nth(1).click();
      // A form body reads as fields.
      const body = flat(await page.getByTestId('request').getByLabel('Request body').innerText());
      assert.match(body, /meter 100200 reading 4950/);
      await screenshot(page, 'form-body');
      await assertFits(page);

      const sessions = await waitForFinishedSessions(server.databasePath);
      const session = sessions.at(-1);
      assert.equal(session?.flowId, 'meter-reading');
      assert.equal(session?.status, 'hangup');
      assert.deepEqual(
        session?.exchanges.map((e) => `${e.node}${e.onHangup ? ' (on hang-up)' : ''}`),
        ['lookup', 'submit', 'register_report (on hang-up)'],
      );
      assert.deepEqual(open.problems, [], 'no console error or warning');
    },
  );

  test(
    'a caller number the platform refuses is explained, and nothing is called',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      open = await openConsole(browser, server.url);
      const { page } = open;
      const caller = page.getByLabel('Caller (source)', { exact: true });
      await caller.fill('+36 1 234');
      // Enter in a field of the form places the call, like the Call button.
      await caller.press('Enter');
      await waitForText(page.getByRole('alert'), /^Caller number: digits, \+, letters/);
      await waitForCallState(page, /Idle/);
      const before = (await waitForFinishedSessions(server.databasePath)).length;
      await caller.fill('+3612345678');
      assert.equal((await waitForFinishedSessions(server.databasePath)).length, before);
      assert.deepEqual(open.problems, [], 'no console error or warning');
      await open.close();
      open = undefined;
    },
  );

  test(
    'the settings dialog applies and saves key-tone changes',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      open = await openConsole(browser, server.url);
      const { page } = open;
      await page.getByRole('button', { name: 'Settings' }).click();
      const dialog = page.getByRole('dialog', { name: 'Settings' });
      await dialog.waitFor();
      const toneLength = dialog.getByRole('slider', { name: 'Tone length' });
      await toneLength.focus();
      // One debounced save follows the change (or the dialog closing): wait for it to land before
      // the reload, which would otherwise cut the request short.
      const saved = page.waitForResponse((response) =>
        response.url().endsWith('/api/settings.update'),
      );
      await page.keyboard.press('ArrowRight'); // 80 -> 85 ms
      await waitForText(dialog, '85 ms');
      await screenshot(page, 'settings');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal((await saved).status(), 200);
      // Saved through the contract: a fresh page gets the new value.
      await page.reload();
      await page.getByRole('button', { name: 'Settings' }).click();
      await waitForText(page.getByRole('dialog', { name: 'Settings' }), '85 ms');
      await page.keyboard.press('Escape');
      assert.deepEqual(open.problems, [], 'no console error or warning');
    },
  );
});
