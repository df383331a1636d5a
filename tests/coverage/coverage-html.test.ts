/**
 * The coverage page (`test --coverage-html`) opened in real Chromium from a file: it asks for
 * nothing over the network, logs no console error (a CSP violation would be one), shows the
 * figures of the `coverage` in `test --json` of the same run (which it also embeds), marks every
 * untaken exit in words, and no flow name, node id or label becomes markup. Screenshots, light and
 * dark, are saved in test-results/ to be looked at.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { renderCoverageHtml } from '../../src/main/coverage/coverage-html.ts';
import { addCallCoverage } from '../../src/shared/coverage/call-coverage.ts';
import { coverageReport } from '../../src/shared/coverage/coverage-report.ts';
import type { CoverageReport } from '../../src/shared/coverage/coverage-report.ts';
import type { Flow } from '../../src/shared/flow/flow-schema.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { runCliProcess, tempDir } from '../helpers/cli-process.ts';
import { RESULTS, UI } from '../helpers/console-page.ts';
import { openOfflinePage } from '../helpers/offline-page.ts';

/** What the page shows of each flow, read from its marked figures and rows. */
async function shown(page: Page): Promise<unknown> {
  // A string, evaluated in the page: the tests are type-checked without the DOM's types.
  return page.evaluate(`[...document.querySelectorAll('section[data-flow]')].map((s) => {
    const field = (name) => Number(s.querySelector(':scope > .bars [data-field="' + name + '"]')?.textContent);
    const rows = (kind) => [...s.querySelectorAll('tr[data-' + kind + ']')].map((r) => [
      r.getAttribute('data-' + kind),
      Number(r.querySelector('[data-field="count"]')?.textContent),
      r.querySelector('.state')?.textContent ?? '',
    ]);
    return {
      id: s.getAttribute('data-flow'),
      calls: Number(s.querySelector('[data-field="calls"]')?.textContent),
      nodes: [field('nodes.taken'), field('nodes.total'), field('nodes.percent')],
      edges: [field('edges.taken'), field('edges.total'), field('edges.percent')],
      nodeRows: rows('node'),
      edgeRows: rows('edge'),
    };
  })`);
}

/** The same, from the JSON: what the page must show. */
function expected(reports: CoverageReport[]): unknown {
  return reports.map((r) => ({
    id: r.flow.id,
    calls: r.calls,
    nodes: [r.nodes.taken, r.nodes.total, r.nodes.percent],
    edges: [r.edges.taken, r.edges.total, r.edges.percent],
    nodeRows: r.nodes.list.map((n) => [
      n.id,
      n.count,
      n.count > 0 ? '✓ entered' : '✗ never entered',
    ]),
    edgeRows: r.edges.list.map((e) => [e.id, e.count, e.count > 0 ? '✓ taken' : '✗ never taken']),
  }));
}

describe('the coverage HTML page in Chromium', UI, () => {
  let browser: Browser;

  before(async () => {
    browser = await launchChromium();
    mkdirSync(RESULTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
  });

  test('the sample run: no network, no console error, the figures of --json', async () => {
    const file = join(tempDir('ivr-coverage-html-'), 'report', 'coverage.html');
    const run = await runCliProcess([
      'test',
      'resources/tests',
      '--demo-crm',
      '--json',
      '--coverage-html',
      file,
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /Coverage report written to .+coverage\.html/);
    const { coverage } = JSON.parse(run.stdout) as { coverage: CoverageReport[] };
    assert.equal(coverage.length, 3);

    for (const dark of [false, true]) {
      const { page, url, requests, problems } = await openOfflinePage(browser, file, dark);
      try {
        const name = `coverage-report-${dark ? 'dark' : 'light'}-1280.png`;
        await page.screenshot({ path: join(RESULTS, name), fullPage: true });
        assert.deepEqual(requests, [url], 'the page asked for nothing but itself');
        assert.deepEqual(problems, []);
        assert.deepEqual(await shown(page), expected(coverage));
        const embedded = (await page.evaluate(
          `document.getElementById('coverage-json')?.textContent ?? ''`,
        )) as string;
        assert.deepEqual(JSON.parse(embedded), coverage);
        const layout = (await page.evaluate(`({
          overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
          scripts: [...document.querySelectorAll('script')].map((s) => s.type),
          untaken: document.querySelectorAll('tr.untaken[data-edge]').length,
          background: getComputedStyle(document.documentElement).backgroundColor,
          drawn: [...document.querySelectorAll('svg.flow-drawing')].map((svg) => [
            svg.querySelectorAll('g.node').length,
            [...svg.querySelectorAll('g.node.untaken text')].map((t) => t.textContent),
          ]),
        })`)) as {
          overflow: boolean;
          scripts: string[];
          untaken: number;
          background: string;
          drawn: [number, string[]][];
        };
        assert.equal(layout.overflow, false, 'nothing wider than the window');
        assert.deepEqual(layout.scripts, ['application/json']);
        assert.equal(layout.untaken, 19 + 18 + 11, 'every exit never taken is marked');
        // The drawing: a box per node, those never entered marked.
        assert.deepEqual(layout.drawn, [
          [13, []],
          [16, ['technical']],
          [13, ['billing']],
        ]);
        // The dark scheme is a dark page, the light one a light page.
        const [r = 0, g = 0, b = 0] = (layout.background.match(/\d+/g) ?? []).map(Number);
        assert.equal(r + g + b < 150, dark, `background ${layout.background}`);
      } finally {
        await page.close();
      }
    }
  });

  test('hostile flow names, ids and labels stay text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const flow = {
      id: 'x"><b>id</b>',
      name: `${hostile} & "quotes" </script>`,
      start: '<i>start</i>',
      nodes: {
        '<i>start</i>': { type: 'play', say: 'hi', next: '<u>end</u>' },
        '<u>end</u>': { type: 'hangup', say: 'bye' },
      },
    } as unknown as Flow;
    const coverage = addCallCoverage(flow, [
      { type: 'node_entered', node: '<i>start</i>', nodeType: 'play' },
      { type: 'node_entered', node: '<u>end</u>', nodeType: 'hangup' },
    ] as never);
    const report = coverageReport(flow, `/tmp/${hostile}.json`, coverage, 1);
    const file = join(tempDir('ivr-coverage-html-'), 'hostile.html');
    writeFileSync(file, renderCoverageHtml([report], new Date(Date.UTC(2026, 10, 29, 4, 30))));
    assert.ok(!readFileSync(file, 'utf8').includes(hostile), 'escaped in the file');
    const { page, url, requests, problems } = await openOfflinePage(browser, file);
    try {
      await page.screenshot({ path: join(RESULTS, 'coverage-report-hostile.png'), fullPage: true });
      assert.deepEqual(requests, [url]);
      assert.deepEqual(problems, []);
      const dom = (await page.evaluate(`({
        markup: document.querySelectorAll('img, b, i, u').length,
        title: document.title,
        text: document.body.innerText,
        json: document.getElementById('coverage-json')?.textContent ?? '',
      })`)) as { markup: number; title: string; text: string; json: string };
      assert.equal(dom.markup, 0);
      assert.equal(dom.title, `Flow coverage: ${flow.name}`);
      assert.ok(dom.text.includes(flow.name));
      assert.ok(dom.text.includes('next → <u>end</u>'));
      assert.ok(dom.text.includes('2026-11-29 04:30:00 UTC'));
      assert.deepEqual(JSON.parse(dom.json), [report]);
      assert.deepEqual(await shown(page), expected([report]));
    } finally {
      await page.close();
    }
  });
});
