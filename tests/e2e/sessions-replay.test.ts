// Over 300 lines: one browser page over one logged session, each test the next screen.
/**
 * End to end in Chromium, browser mode: the Sessions screen over sessions the real CLI logged
 * into the console's SQLite file; one opened and replayed on the phone at 2x (keys, captions,
 * variables, timeline and flow view following, no webhook sent); a re-run against the flow file
 * edited on disk, with the first divergence shown; presenter mode with autopilot playing a
 * session, PIN digits masked. Screenshots of each under test-results/.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import { ROOT, tempDir } from '../helpers/cli-process.ts';
import type { ConsolePage } from '../helpers/console-page.ts';
import {
  UI,
  openConsole,
  screenshot,
  variableValue,
  waitForCallState,
  waitForText,
} from '../helpers/console-page.ts';
import type { RunningConsole } from './fixtures/console-server.ts';
import { startConsole } from './fixtures/console-server.ts';

const TEST_TIMEOUT_MS = 120_000;

/** Logs a balance call through the real CLI into the console's database; returns its id. */
async function logCall(server: RunningConsole, flow: string, dtmf: string, source: string) {
  const run = await runCliInProcess([
    'run',
    flow,
    '--dtmf',
    dtmf,
    '--source',
    source,
    '--demo-crm',
    '--db',
    server.databasePath,
    '--json',
  ]);
  assert.ok(run.code === 0, `${run.stdout}\n${run.stderr}`);
  return (JSON.parse(run.stdout) as { sessionId: string }).sessionId;
}

/** The channels the page asked main for since `from` (browser mode: POST /api/<channel>). */
function channelsAsked(requests: string[], from: number): string[] {
  return [...new Set(requests.slice(from))];
}

async function openSessions(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: 'Sessions' })
    .click();
  await page.getByTestId('sessions-table').waitFor();
}

describe('sessions, replay, re-run and presenter mode (Chromium, browser mode)', UI, () => {
  let server: RunningConsole;
  let browser: Browser;
  let open: ConsolePage | undefined;
  let flowPath: string;
  const ids = { gold: '', silver: '' };
  /** Channels the page called, in order (from its /api/<channel> requests). */
  const requests: string[] = [];

  before(async () => {
    [server, browser] = await Promise.all([startConsole('e2e-sessions'), launchChromium()]);
    flowPath = join(tempDir('ivr-e2e-flow-'), 'balance.json');
    copyFileSync(join(ROOT, 'resources/flows/balance.json'), flowPath);
    ids.gold = await logCall(server, flowPath, '12345#1111 9', '+3612345678');
    ids.silver = await logCall(server, flowPath, '67890#2222 0', '+3619876543');
    open = await openConsole(browser, server.url);
    open.page.on('request', (request) => {
      const match = /\/api\/([a-zA-Z.]+)$/.exec(new URL(request.url()).pathname);
      if (match?.[1] && request.method() === 'POST') requests.push(match[1]);
    });
  });
  after(async () => {
    await open?.close();
    await browser?.close();
    await server?.stop();
  });

  test('the Sessions screen lists, searches and opens', { timeout: TEST_TIMEOUT_MS }, async () => {
    const { page } = open as ConsolePage;
    await openSessions(page);
    const rows = page.locator('[data-testid="sessions-table"] tbody tr');
    await waitForText(page.getByTestId('sessions-range'), '1–2 of 2');
    assert.deepEqual(
      await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-session-id'))),
      [ids.silver, ids.gold],
      'newest first',
    );
    // Search by a variable's value: only the call in which customer_name became Anna.
    await page.getByTestId('sessions-search').fill('anna');
    await waitForText(page.getByTestId('sessions-range'), '1–1 of 1');
    assert.equal(await rows.first().getAttribute('data-session-id'), ids.gold);
    await page.getByTestId('sessions-search').fill('');
    // Both rows back first: "1–1 of 1" is still on screen from the search until then.
    await waitForText(page.getByTestId('sessions-range'), '1–2 of 2');
    await page.getByTestId('sessions-outcome').selectOption('transfer');
    await waitForText(page.getByTestId('sessions-range'), '1–1 of 1');
    assert.equal(await rows.first().getAttribute('data-session-id'), ids.silver);
    await page.getByTestId('sessions-outcome').selectOption('');
    await waitForText(page.getByTestId('sessions-range'), '1–2 of 2');

    await page.locator(`tr[data-session-id="${ids.gold}"] .sessions__open`).click();
    const detail = page.getByTestId('session-detail');
    await waitForText(detail, 'Hung up by the flow');
    await waitForText(detail, 'welcome → ask_id → ask_pin → auth');
    await screenshot(page, 'sessions');

    // Export: a HAR 1.2 file downloaded, with the request bodies exactly as sent.
    const download = page.waitForEvent('download');
    await detail.getByRole('button', { name: 'Export HAR' }).click();
    const har = await download;
    assert.equal(har.suggestedFilename(), `session-${ids.gold.slice(0, 8)}.har`);
    // Saved where this test keeps its files: the browser may be the run's shared one, whose
    // downloads folder is not this process's to read.
    const harFile = join(tempDir('ivr-e2e-har-'), har.suggestedFilename());
    await har.saveAs(harFile);
    const log = (
      JSON.parse(readFileSync(harFile, 'utf8')) as {
        log: { version: string; entries: { request: { postData?: { text: string } } }[] };
      }
    ).log;
    assert.equal(log.version, '1.2');
    assert.match(log.entries[0]?.request.postData?.text ?? '', /"pin":"1111"/);

    // Saved as a test case: the detail says where, and how to run it.
    await page.getByTestId('session-save-test').click();
    await waitForText(
      page.getByTestId('saved-test'),
      /ivr-console test .*balance\.yaml --demo-crm/,
    );

    // Delete offers Undo; undone, the session is back and still in the log.
    await page.getByTestId('session-delete').click();
    await waitForText(page.getByTestId('delete-toast'), `Session ${ids.gold.slice(0, 8)} deleted.`);
    await waitForText(page.getByTestId('sessions-range'), '1–1 of 1');
    await page.getByTestId('delete-toast').getByRole('button', { name: 'Undo' }).click();
    await waitForText(page.getByTestId('sessions-range'), '1–2 of 2');
    await waitForText(detail, 'Hung up by the flow');
  });

  test(
    'a session replays on the phone at 2x with no webhook sent',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const { page } = open as ConsolePage;
      await page.getByTestId('session-replay').click();
      const controls = page.getByTestId('replay-controls');
      await controls.waitFor();
      const total = Number(
        (await page.getByTestId('replay-position').innerText()).split('/')[1]?.trim(),
      );
      assert.ok(total > 30, `the session has ${total} events`);
      await waitForText(page.getByTestId('replay-position'), `0 / ${total}`);
      await page.getByTestId('replay-speed').selectOption('2');
      const asked = requests.length;
      const started = Date.now();
      await page.getByTestId('replay-play').click();

      // Mid-call: the caption and the keys come from the log, as they happened.
      await waitForText(page.getByTestId('caption'), /Now enter your four digit PIN/);
      await page.getByRole('tab', { name: /^Flow/ }).click();
      await page.locator('.flow-node--current').first().waitFor();
      await screenshot(page, 'replay-2x-flow');
      await page.getByRole('tab', { name: /^Timeline/ }).click();

      await waitForText(page.getByTestId('replay-position'), `${total} / ${total}`);
      const playedMs = Date.now() - started;
      await waitForCallState(page, /Ended/);
      await waitForText(page.getByTestId('call-detail'), 'Hung up by the flow');
      await waitForText(page.getByTestId('digits'), '12345#11119');
      assert.equal(await variableValue(page, 'customer_name').textContent(), '"Anna"');
      assert.equal(await page.locator('.tl--future').count(), 0, 'every event played');
      await screenshot(page, 'replay-2x-ended');
      console.log(`# replay of ${total} events at 2x took ${playedMs} ms`);

      // No webhook and no call during playback: speech for the prompts, the flow file to draw.
      const during = channelsAsked(requests, asked);
      assert.ok(during.includes('speech.speak'), `prompts spoken: ${during.join(', ')}`);
      for (const channel of during) {
        assert.ok(
          ['speech.speak', 'speech.cancel', 'flows.open'].includes(channel),
          `replay asked main for ${channel}`,
        );
      }

      // Jump to any event: the timeline's times move the replay there.
      await page.getByTestId('timeline-jump').nth(2).click();
      await waitForText(page.getByTestId('replay-position'), `3 / ${total}`);
      assert.ok((await page.locator('.tl--future').count()) > 0);
      await page.getByRole('button', { name: 'Step forward' }).click();
      await waitForText(page.getByTestId('replay-position'), `4 / ${total}`);
      await page.getByRole('button', { name: 'Step back' }).click();
      await page.getByRole('button', { name: 'Step back' }).click();
      await waitForText(page.getByTestId('replay-position'), `2 / ${total}`);
      await page.getByRole('button', { name: 'Live phone' }).click();
      await page.getByRole('button', { name: 'Call', exact: true }).waitFor();
    },
  );

  test(
    'a re-run against the edited flow shows the first divergence',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const { page } = open as ConsolePage;
      // The session's flow drawn on the phone screen (replay shows the session's own file).
      await openSessions(page);
      await page.locator(`tr[data-session-id="${ids.gold}"] .sessions__open`).click();
      await page.getByTestId('session-replay').click();
      await page.getByRole('tab', { name: /^Flow/ }).click();
      await page.locator('.flow-panel[data-reloads="0"] [data-node-id="read_balance"]').waitFor();
      assert.equal(await page.locator('.flow-node--warning').count(), 0);

      // Edited in an editor: a prompt reworded, and a misspelt field (a warning on its node).
      const flow = JSON.parse(readFileSync(flowPath, 'utf8')) as {
        nodes: Record<string, Record<string, unknown>>;
      };
      const node = flow.nodes['read_balance'] as Record<string, unknown>;
      node['say'] = 'Your account balance is';
      node['onfail'] = 'goodbye';
      writeFileSync(flowPath, JSON.stringify(flow, null, 2));
      // The flow view redraws by itself, the problem on the node it belongs to.
      await page.locator('.flow-panel[data-reloads="1"]').waitFor();
      const warned = page.locator('[data-node-id="read_balance"].flow-node--warning');
      await warned.waitFor();
      assert.match((await warned.getAttribute('title')) ?? '', /onfail/);
      await screenshot(page, 'flow-reloaded');
      await page.getByRole('button', { name: 'Live phone' }).click();

      await openSessions(page);
      await page.locator(`tr[data-session-id="${ids.gold}"] .sessions__open`).click();
      await page.getByTestId('rerun-mode').selectOption('mock');
      await page.getByTestId('session-rerun').click();
      const diff = page.getByTestId('rerun-diff');
      await diff.waitFor();
      await waitForText(page.getByTestId('rerun-diff-verdict'), /difference/);
      const first = diff.locator('[data-first-divergence="true"]');
      assert.equal(await first.count(), 1, 'one row marked as the first divergence');
      assert.match(await first.innerText(), /Your account balance is/);
      assert.match(await first.innerText(), /Your balance is/);
      await first.scrollIntoViewIfNeeded();
      await screenshot(page, 'rerun-diff');
    },
  );

  test(
    'presenter mode plays a session hands-free with the PIN masked',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const { page } = open as ConsolePage;
      await page.getByRole('button', { name: 'Presenter mode' }).click();
      await page.getByTestId('presenter').waitFor();
      const autopilot = page.getByTestId('autopilot');
      await autopilot.getByLabel('Play').selectOption('session');
      await page.getByTestId('autopilot-pick').selectOption(ids.gold);
      await autopilot.getByLabel('Pace').selectOption('fast');
      await page.getByTestId('autopilot-start').click();
      await waitForText(page.getByTestId('presenter-caption'), /Now enter your four digit PIN/);
      await waitForText(page.getByTestId('digits'), '12345#••••');
      await page.locator('.flow-node--current').first().waitFor();
      await page.waitForTimeout(400); // the view glides to the current node
      await screenshot(page, 'presenter');
      await waitForText(page.getByTestId('digits'), '12345#••••9');
      const shown = await page.getByTestId('digits').innerText();
      assert.ok(!shown.includes('1111'), `the PIN shows as ${shown}`);
      await waitForText(page.getByTestId('replay-position'), /^(\d+) \/ \1$/);

      // A test case: a live call through the demo CRM, its keys pressed after each prompt.
      await autopilot.getByLabel('Play').selectOption('test');
      await page
        .getByTestId('autopilot-pick')
        .selectOption({ label: 'Balance read-back › gold customer hears balance' });
      await page.getByTestId('autopilot-start').click();
      await waitForCallState(page, /In call/);
      await waitForText(page.getByTestId('presenter-caption'), /Your balance is 1,250\.75 euros/);
      await waitForText(page.getByTestId('digits'), '12345#••••');
      await screenshot(page, 'presenter-autopilot-case');
      // The script ends after the PIN: the caller hangs up at the menu, as `ivr-console test` does.
      await waitForCallState(page, /Ended/);
      await waitForText(page.getByTestId('call-detail'), 'Hung up by the caller');
      await page.getByTestId('autopilot-start').waitFor();
      await page.getByTestId('presenter-exit').click();
      await page.getByRole('navigation', { name: 'Screens' }).waitFor();
      // The autopilot's call was logged like any other.
      await openSessions(page);
      await waitForText(page.getByTestId('sessions-range'), '1–3 of 3');
      // Deleted for real once Undo has gone by.
      const newest = page.locator('[data-testid="sessions-table"] tbody tr').first();
      const autopilotCall = await newest.getAttribute('data-session-id');
      await newest.locator('.sessions__open').click();
      await page.getByTestId('session-delete').click();
      await page.getByTestId('delete-toast').waitFor({ state: 'hidden', timeout: 15_000 });
      await page.getByRole('button', { name: 'Refresh' }).click();
      await waitForText(page.getByTestId('sessions-range'), '1–2 of 2');
      assert.equal(await page.locator(`tr[data-session-id="${autopilotCall}"]`).count(), 0);
      assert.deepEqual((open as ConsolePage).problems, []);
    },
  );
});
