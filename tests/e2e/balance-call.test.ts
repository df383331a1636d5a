/**
 * End to end in Chromium, browser mode, against the real services, the real demo CRM and a fresh
 * session log: the balance read-back (customer 12345, PIN 1111) placed with mouse clicks, then
 * with the keyboard only. Checks what the tester sees (display, variables, inspector, timeline),
 * what was logged in SQLite, and what the page played: the key tones, recorded from its audio
 * output and decoded by a Goertzel detector, must be exactly the keys pressed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTap, stopTap } from '../helpers/audio-tap.ts';
import { BALANCE_PATH_TO_OPTIONS } from '../helpers/balance-flow.ts';
import { launchChromium } from '../helpers/chromium.ts';
import type { ConsolePage } from '../helpers/console-page.ts';
import {
  assertFits,
  callButton,
  clickKeys,
  LARGE,
  UI,
  openConsole,
  openTab,
  pickCall,
  screenshot,
  SMALL,
  variableValue,
  waitForCallState,
  waitForCaption,
  waitForText,
} from '../helpers/console-page.ts';
import { waitForFinishedSessions } from '../helpers/session-log.ts';
import type { RunningConsole } from './fixtures/console-server.ts';
import { startConsole } from './fixtures/console-server.ts';
import { decodeKeys, waitForTones } from './fixtures/decode-keys.ts';

const BALANCE = /Your balance is 1,250\.75 euros/;
const PATH = [...BALANCE_PATH_TO_OPTIONS, 'goodbye'];
const TIMELINE_TYPES = [
  'call_started',
  'prompt_started',
  'key',
  'webhook',
  'variables_changed',
  'branch',
  'hangup',
  'call_ended',
];
const TEST_TIMEOUT_MS = 90_000;

/** Text with runs of white space made single spaces (cells of a row, lines of a block). */
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('a balance call in the console (Chromium, browser mode)', UI, () => {
  let server: RunningConsole;
  let browser: Browser;
  let open: ConsolePage | undefined;

  before(async () => {
    [server, browser] = await Promise.all([startConsole('e2e-balance'), launchChromium()]);
  });
  after(async () => {
    await open?.close();
    await browser?.close();
    await server?.stop();
  });

  test('placed with mouse clicks', { timeout: TEST_TIMEOUT_MS }, async (t) => {
    open = await openConsole(browser, server.url, { tap: true });
    const { page } = open;
    await pickCall(page, 'Balance read-back', 'Built-in demo CRM');
    await waitForCallState(page, /Idle/);
    await screenshot(page, 'idle');
    await assertFits(page);

    await callButton(page).click();
    // The click on Call opened the page's audio; record it from here on.
    assert.equal(await startTap(page), 1, 'one live audio context tapped');
    await waitForCallState(page, /In call/);
    const firstPress = Date.now();
    // Typed ahead while the prompts play: each key barges in and is buffered for the next input.
    await clickKeys(page, '12345#1111');
    await waitForCaption(page, BALANCE);
    await waitForText(page.getByTestId('digits'), '12345#1111');

    // Variables: the digits collected and what the CRM answered, nested values expandable.
    assert.equal(await variableValue(page, 'customer_id').textContent(), '"12345"');
    assert.equal(await variableValue(page, 'authenticated').textContent(), 'true');
    assert.equal(await variableValue(page, 'customer_name').textContent(), '"Anna"');
    assert.equal(await page.locator('[data-var-path="account.balance"]').count(), 0);
    await page.getByRole('button', { name: 'Expand account' }).click();
    assert.equal(await variableValue(page, 'account.balance').textContent(), '1250.75');
    assert.equal(await variableValue(page, 'account.currency').textContent(), '"EUR"');
    // System variables are locked: no edit button on them; user variables have one.
    assert.equal(await page.getByRole('button', { name: 'Edit source' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Edit customer_id' }).count(), 1);
    await screenshot(page, 'in-call');
    await assertFits(page);

    await page.setViewportSize(SMALL);
    // On a narrow window the variables are a tab of their own, shown first.
    await variableValue(page, 'customer_id').waitFor();
    await screenshot(page, 'in-call');
    await assertFits(page);
    await page.setViewportSize(LARGE);

    await clickKeys(page, '9');
    await waitForCallState(page, /Ended/);
    await waitForText(page.getByTestId('call-detail'), 'Hung up by the flow');
    await waitForTones(firstPress, 11);
    const [recording] = await stopTap(page);
    // A busy machine may drop a render quantum (2.7 ms) now and then: it never hides a tone.
    t.diagnostic(`recording discontinuities: ${recording?.discontinuities}`);
    assert.equal(decodeKeys(recording!), '12345#11119', 'the tones heard are the keys pressed');

    // The inspector: both exchanges, the auth request and its response in full.
    await openTab(page, 'Webhooks');
    const rows = page.getByTestId('exchange-row');
    assert.equal(await rows.count(), 2);
    assert.match(
      flat(await rows.nth(0).innerText()),
      /^auth POST \/ivr\/auth 200 OK [\d.]+ ms OK$/,
    );
    assert.match(
      flat(await rows.nth(1).innerText()),
      /^fetch_balance GET \/ivr\/balance\?id=12345 200 OK [\d.]+ ms OK$/,
    );
    await rows.nth(0).click();
    assert.match(
      (await page.getByTestId('exchange-url').textContent()) ?? '',
      /^http:\/\/127\.0\.0\.1:\d+\/ivr\/auth$/,
    );
    const request = page.getByTestId('request');
    assert.match(flat(await request.innerText()), /Content-Type application\/json/);
    const requestBody = JSON.parse((await request.getByLabel('Request body').textContent()) ?? '');
    assert.deepEqual(requestBody, { id: '12345', pin: '1111', caller: '+3612345678' });
    const response = page.getByTestId('response');
    assert.match(await response.innerText(), /200 OK/);
    const responseBody = JSON.parse(
      (await response.getByLabel('Response body').textContent()) ?? '',
    );
    assert.deepEqual(responseBody, {
      authenticated: true,
      customer_name: 'Anna',
      tier: 'gold',
      account: { balance: 1250.75, currency: 'EUR' },
    });
    const applied = JSON.parse((await page.getByLabel('Applied variables').textContent()) ?? '');
    assert.equal(applied.authenticated, true);
    assert.match(flat(await page.getByTestId('timings').innerText()), /Total [\d.]+ ms/);
    await page.getByRole('button', { name: 'Copy as cURL' }).click();
    await waitForText(page.locator('.copy-curl'), 'Copied');
    const copied = String(await page.evaluate('navigator.clipboard.readText()'));
    assert.match(copied, /^curl .*\/ivr\/auth/s);
    assert.match(copied, /12345/);
    await screenshot(page, 'inspector');

    // The timeline: the path through the flow, then every event with its time.
    await openTab(page, 'Timeline');
    const path = await page.getByTestId('flow-path').locator('li').allTextContents();
    assert.deepEqual(path, PATH);
    const timeline = page.getByTestId('timeline');
    const types = await timeline
      .locator('li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-type')));
    for (const type of TIMELINE_TYPES)
      assert.ok(types.includes(type), `the timeline shows ${type}`);
    assert.equal(types.filter((type) => type === 'key').length, 11);
    assert.equal(types.filter((type) => type === 'webhook').length, 2);
    assert.match(
      flat(await timeline.innerText()),
      /00:00\.\d{3} Prompt “Welcome to Example Bank\.”/,
    );
    await screenshot(page, 'timeline');
    // A webhook line of the timeline opens that exchange in the inspector.
    await timeline.getByRole('button', { name: /^POST \/ivr\/auth/ }).click();
    await waitForText(page.getByRole('tab', { selected: true }), /^Webhooks/);
    await waitForText(page.locator('.exchange-row[aria-current="true"]'), /^auth/);

    // The session log: one session, hung up, every event and both exchanges kept.
    const sessions = await waitForFinishedSessions(server.databasePath);
    assert.equal(sessions.length, 1);
    const [session] = sessions;
    assert.equal(session?.flowId, 'balance');
    assert.equal(session?.status, 'hangup');
    assert.equal(session?.events.length, types.length, 'as many events logged as shown');
    assert.deepEqual(
      session?.events.filter((e) => e.type === 'node_entered').map((e) => e.node),
      PATH,
    );
    assert.deepEqual(
      session?.exchanges.map((e) => `${e.method} ${new URL(e.url).pathname} ${e.status}`),
      ['POST /ivr/auth 200', 'GET /ivr/balance 200'],
    );
    assert.deepEqual(open.problems, [], 'no console error or warning');
    await open.close();
    open = undefined;
  });

  test('placed with the keyboard only', { timeout: TEST_TIMEOUT_MS }, async () => {
    open = await openConsole(browser, server.url, { tap: true });
    const { page } = open;
    // The last call's flow and environment are remembered.
    assert.equal(
      await page.getByLabel('Flow', { exact: true }).locator('option:checked').textContent(),
      'Balance read-back',
    );
    // Nothing focused: keys go to the phone, and Enter places the call.
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('Enter');
    assert.equal(await startTap(page), 1, 'one live audio context tapped');
    await waitForCallState(page, /In call/);
    const firstPress = Date.now();
    await page.keyboard.type('12345');
    await page.keyboard.press('Shift+Digit3'); // `#` on a US layout
    for (let i = 0; i < 4; i++) await page.keyboard.press('Numpad1');
    await waitForCaption(page, BALANCE);
    await waitForText(page.getByTestId('digits'), '12345#1111');
    assert.equal(await variableValue(page, 'authenticated').textContent(), 'true');
    // Escape hangs up.
    await page.keyboard.press('Escape');
    await waitForText(page.getByTestId('call-detail'), 'Hung up by the caller');
    await waitForTones(firstPress, 10);
    const [recording] = await stopTap(page);
    assert.equal(decodeKeys(recording!), '12345#1111', 'the tones heard are the keys typed');

    const sessions = await waitForFinishedSessions(server.databasePath);
    assert.equal(sessions.length, 2);
    assert.equal(sessions[1]?.status, 'hangup');
    assert.equal(sessions[1]?.endedBy, 'caller');
    assert.deepEqual(open.problems, [], 'no console error or warning');
  });
});
