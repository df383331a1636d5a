/**
 * The HTML load report (`load --report`) opened in real Chromium from a file: it asks for nothing
 * over the network (every request the page makes is counted, and any but the file itself fails
 * the test), logs no console error (a CSP violation would be one), its numbers are those of the
 * `load --json` document it was given, which it also embeds, and no text from the flow or the CRM
 * becomes markup. A screenshot of the whole page is saved in test-results/ to be looked at.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { renderLoadReport } from '../../src/main/load/load-report.ts';
import { toLoadJson } from '../../src/shared/load/load-json.ts';
import type { LoadJson } from '../../src/shared/load/load-types.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { RESULTS, UI } from '../helpers/console-page.ts';
import { openOfflinePage } from '../helpers/offline-page.ts';
import type { OfflinePage } from '../helpers/offline-page.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { EMPTY_TALLY as EMPTY, HOSTILE_NODE, realisticTally } from './load-charts-fixture.ts';

/** Writes `html` to a file and opens it offline (helpers/offline-page.ts). */
async function openReport(browser: Browser, html: string, name: string): Promise<OfflinePage> {
  const file = join(tempDir('ivr-load-report-'), `${name}.html`);
  writeFileSync(file, html);
  return openOfflinePage(browser, file);
}

/** `[node, field, value]` of every number the page marked, sorted. */
async function markedNumbers(page: Page): Promise<[string, string, number][]> {
  // A string, evaluated in the page: the tests are type-checked without the DOM's types.
  const cells = (await page.evaluate(`[...document.querySelectorAll('tr [data-field]')].map((e) => [
    e.getAttribute('data-node') ?? '',
    e.getAttribute('data-field') ?? '',
    e.textContent ?? '',
  ])`)) as [string, string, string][];
  return cells
    .map(([node, field, text]) => [node, field, Number(text)] as [string, string, number])
    .sort();
}

/** The same list from the JSON document: what the table must show. */
function expectedNumbers(json: LoadJson): [string, string, number][] {
  const rows: [string, string, number][] = [];
  for (const [node, figures] of Object.entries(json.webhooks)) {
    rows.push([node, 'count', figures.count], [node, 'ok', figures.ok]);
    rows.push([node, 'overLimit', figures.overLimit]);
    for (const [field, ms] of Object.entries(figures.latencyMs)) rows.push([node, field, ms]);
    for (const [code, n] of Object.entries(figures.errors)) rows.push([node, `errors.${code}`, n]);
  }
  return rows.sort();
}

/** A summary figure by its field. */
async function summary(page: Page, field: string): Promise<string> {
  return page.locator(`section [data-field="${field}"]`).first().innerText();
}

describe('the HTML load report in Chromium', UI, () => {
  let browser: Browser;

  before(async () => {
    browser = await launchChromium();
    mkdirSync(RESULTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
  });

  test('no network, no console error, the numbers of --json, nothing hostile becomes markup', async () => {
    const tally = realisticTally();
    const json = toLoadJson({
      flowId: 'balance',
      calls: tally.completed,
      model: { kind: 'closed', concurrency: 50 },
      durationMs: 29_874.25,
      tally,
    });
    const html = renderLoadReport({
      json,
      tally,
      flowPath: `/home/tester/flows/<b>bal"ance</b>.json`,
      startedAt: Date.UTC(2026, 10, 29, 1, 48, 39),
      realtime: false,
      callers: ['12345#1111', `<i>case</i> & "quotes"`],
      responseLimitMs: 5000,
      connectLimitMs: 3000,
    });
    const { page, url, requests, problems } = await openReport(browser, html, 'realistic');
    try {
      await page.screenshot({ path: join(RESULTS, 'load-report-1280.png'), fullPage: true });
      assert.deepEqual(requests, [url], 'the page asked for nothing but itself');
      assert.deepEqual(problems, []);

      assert.deepEqual(await markedNumbers(page), expectedNumbers(json));
      assert.equal(await summary(page, 'calls.completed'), String(json.calls.completed));
      assert.equal(await summary(page, 'calls.total'), String(json.calls.total));
      assert.equal(await summary(page, 'calls.outcomes.error'), String(json.calls.outcomes.error));
      assert.equal(await summary(page, 'callsPerSecond'), String(json.callsPerSecond));
      assert.equal(await summary(page, 'durationMs'), '29874.25');
      assert.equal(await summary(page, 'concurrency'), '50');
      const embedded = (await page.evaluate(
        `document.getElementById('load-json')?.textContent ?? ''`,
      )) as string;
      assert.deepEqual(JSON.parse(embedded), json);

      // The hostile node id, error code, flow path and caller are text where they appear.
      const dom = (await page.evaluate(`({
        images: document.querySelectorAll('img').length,
        scripts: [...document.querySelectorAll('script')].map((s) => s.type),
        bold: document.querySelectorAll('b, i').length,
        rows: [...document.querySelectorAll('tr[data-node]')].map((r) => r.getAttribute('data-node')),
        charts: [...document.querySelectorAll('svg[data-chart]')].map((s) => s.getAttribute('data-chart')),
        limitLabels: [...document.querySelectorAll('svg text')].filter(
          (t) => t.textContent === 'response limit 5 s',
        ).length,
        overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        text: document.body.innerText,
      })`)) as {
        images: number;
        scripts: string[];
        bold: number;
        rows: string[];
        charts: string[];
        limitLabels: number;
        overflow: boolean;
        text: string;
      };
      assert.equal(dom.images, 0);
      assert.deepEqual(dom.scripts, ['application/json']);
      assert.equal(dom.bold, 0);
      assert.deepEqual(dom.rows, Object.keys(json.webhooks));
      assert.ok(dom.rows.includes(HOSTILE_NODE));
      assert.equal(dom.charts.length, 2 + 2 * Object.keys(json.webhooks).length);
      assert.equal(
        dom.limitLabels,
        2 * Object.keys(json.webhooks).length,
        'a limit line per latency chart',
      );
      assert.equal(dom.overflow, false, 'nothing wider than the window');
      assert.ok(dom.text.includes('/home/tester/flows/<b>bal"ance</b>.json'));
      assert.ok(dom.text.includes('<i>case</i> & "quotes"'));
      assert.ok(dom.text.includes('2026-11-29 01:48:39 UTC'));
    } finally {
      await page.close();
    }
  });

  test('a run with no call completed: the report still opens clean, charts say so', async () => {
    const json = toLoadJson({
      flowId: 'empty',
      calls: 10,
      model: { kind: 'open', rate: 2.5 },
      durationMs: 0,
      tally: EMPTY,
    });
    const html = renderLoadReport({
      json,
      tally: EMPTY,
      flowPath: 'flows/empty.json',
      startedAt: Date.UTC(2026, 10, 29),
      realtime: true,
      callers: [],
      responseLimitMs: 5000,
      connectLimitMs: 3000,
    });
    const { page, url, requests, problems } = await openReport(browser, html, 'empty');
    try {
      await page.screenshot({ path: join(RESULTS, 'load-report-empty-1280.png'), fullPage: true });
      assert.deepEqual(requests, [url]);
      assert.deepEqual(problems, []);
      assert.equal(await summary(page, 'rate'), '2.5');
      assert.equal(await summary(page, 'verdict'), '10 calls not completed');
      const text = await page.locator('body').innerText();
      assert.ok(text.includes('No webhook was fired.'));
      assert.ok(text.includes('No call has ended yet.'));
    } finally {
      await page.close();
    }
  });
});
