/**
 * The Tests screen and Generate tests end to end in Chromium, browser mode, against the console's
 * built-in demo CRM, with a workspace of the test's own (a copy of the balance flow and a test
 * file of one case): the balance sample's test file runs with every case passed and the coverage
 * figures the report holds; the one-case file leaves exits untaken, and the flow view painted by
 * coverage marks each drawn edge and node taken or never taken as the report says. Then Generate
 * tests on the phone's flow view: the cases listed, saved into the workspace's tests/, listed on
 * the Tests screen, removed. Screenshots in light and dark at both window sizes.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import type { CoverageReport } from '../../src/shared/coverage/coverage-report.ts';
import { coveragePaint } from '../../src/renderer/src/features/flow-view/coverage-paint.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { ROOT } from '../helpers/project-root.ts';
import type { ConsolePage } from '../helpers/console-page.ts';
import {
  LARGE,
  openConsole,
  pickCall,
  RESULTS,
  screenshot,
  SMALL,
  UI,
  waitForText,
} from '../helpers/console-page.ts';
import type { RunningConsole } from './fixtures/console-server.ts';
import { startConsole } from './fixtures/console-server.ts';
import {
  answerOf,
  assertPageFits,
  openScreen,
  pickTestRun,
  type PaintedMarks,
  waitForMarks,
  shownFigures,
  testsForm,
} from './fixtures/tests-page.ts';

const TEST_TIMEOUT_MS = 240_000;
const DEMO = 'Built-in demo CRM';

/** What the painted view must show for `report`: drawn edges and nodes, taken and not. */
function expectedMarks(report: CoverageReport): PaintedMarks {
  const paint = coveragePaint(report);
  const edges = [...paint.edges.values()];
  const nodes = [...paint.nodes.values()];
  return {
    edgesTaken: edges.filter((e) => e.state === 'taken').length,
    edgesUntaken: edges.filter((e) => e.state === 'untaken').length,
    nodesTaken: nodes.filter((n) => n.state === 'taken').length,
    nodesUntaken: nodes.filter((n) => n.state === 'untaken').length,
  };
}

/**
 * Screenshots of the page in light and dark, at the large and the small window size; the flow
 * views inside `scope` fitted to their box each time.
 */
async function screenshots(page: Page, name: string, scope: Locator): Promise<void> {
  for (const size of [LARGE, SMALL]) {
    await page.setViewportSize(size);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      // The flow view keeps its zoom on a resize: its Fit view button fits it to the new box,
      // as a person would press it.
      const fit = scope.locator('.react-flow__controls-fitview');
      for (let i = 0; i < (await fit.count()); i++) await fit.nth(i).click();
      await page.waitForTimeout(400);
      await assertPageFits(page);
      await screenshot(page, `${name}-${colorScheme}`);
    }
  }
  await page.setViewportSize(LARGE);
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('the Tests screen and Generate tests (Chromium, browser mode)', UI, () => {
  let temp: string;
  let root: string;
  let server: RunningConsole | undefined;
  let browser: Browser | undefined;
  let open: ConsolePage | undefined;

  before(async () => {
    temp = await mkdtemp(join(tmpdir(), 'ivr-e2e-tests-'));
    root = join(temp, 'bank');
    await mkdir(join(root, 'flows'), { recursive: true });
    await mkdir(join(root, 'tests'));
    await copyFile(join(ROOT, 'resources/flows/balance.json'), join(root, 'flows/balance.json'));
    await writeFile(
      join(root, 'tests/one-call.yaml'),
      [
        '# One call: the balance heard, then goodbye. Most exits stay untaken.',
        'flow: ../flows/balance.json',
        'cases:',
        '  - name: balance, then goodbye',
        "    dtmf: '12345#1111 9'",
        '    expect:',
        '      outcome: hangup',
        '      path_includes: [read_balance, goodbye]',
        '',
      ].join('\n'),
    );
    [server, browser] = await Promise.all([
      startConsole('e2e-tests-screen', ['--workspace', root]),
      launchChromium(),
    ]);
  });

  after(async () => {
    await open?.close();
    await browser?.close();
    await server?.stop();
    if (temp) await rm(temp, { recursive: true, force: true });
    // Nothing left behind: the console's data folder and the workspace.
    if (server) assert.equal(existsSync(server.dataDir), false, 'the data folder is removed');
    if (temp) assert.equal(existsSync(temp), false, 'the workspace folder is removed');
  });

  test(
    'a test file runs: cases pass, coverage figures and the painted flow as reported',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      open = await openConsole(browser!, server!.url);
      const { page } = open;
      await openScreen(page, 'Tests');
      const screen = page.getByTestId('tests-screen');
      const run = page.getByRole('button', { name: 'Run', exact: true });

      // The balance sample: every case passes.
      await pickTestRun(page, 'balance.yaml · Balance read-back', DEMO);
      const sample = await answerOf(page, 'tests.run', () => run.click());
      assert.ok(sample.cases.length >= 3, `${sample.cases.length} cases`);
      assert.equal(sample.failed, 0, JSON.stringify(sample.cases.filter((c) => !c.passed)));
      await waitForText(
        page.getByTestId('tests-result'),
        `balance.yaml: ${sample.passed} passed, 0 failed`,
      );
      const cases = screen.getByTestId('test-case');
      assert.equal(await cases.count(), sample.cases.length);
      for (const passed of await cases.evaluateAll((els) => els.map((e) => e.dataset['passed']))) {
        assert.equal(passed, 'true');
      }
      const figures = {
        nodesTaken: sample.coverage.nodes.taken,
        nodesTotal: sample.coverage.nodes.total,
        edgesTaken: sample.coverage.edges.taken,
        edgesTotal: sample.coverage.edges.total,
      };
      assert.deepEqual(await shownFigures(screen), figures);
      const sampleMarks = expectedMarks(sample.coverage);
      assert.deepEqual(await waitForMarks(screen, sampleMarks), sampleMarks);

      // One case of the workspace's own: exits left untaken, painted and listed as such.
      await pickTestRun(page, 'one-call.yaml', DEMO);
      // By keyboard this time: Tab from the environment reaches Run, Enter runs.
      await testsForm(page).getByLabel('Environment', { exact: true }).focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate('document.activeElement.textContent'), 'Run');
      const one = await answerOf(page, 'tests.run', () => page.keyboard.press('Enter'));
      assert.deepEqual([one.passed, one.failed], [1, 0]);
      await waitForText(page.getByTestId('tests-result'), 'one-call.yaml: 1 passed, 0 failed');
      assert.deepEqual(await shownFigures(screen), {
        nodesTaken: one.coverage.nodes.taken,
        nodesTotal: one.coverage.nodes.total,
        edgesTaken: one.coverage.edges.taken,
        edgesTotal: one.coverage.edges.total,
      });
      const marks = await waitForMarks(screen, expectedMarks(one.coverage));
      assert.deepEqual(marks, expectedMarks(one.coverage));
      assert.ok(marks.edgesTaken > 0 && marks.edgesUntaken > 0, JSON.stringify(marks));
      assert.ok(marks.nodesUntaken > 0, 'the transfer to an agent is never entered');
      // Never taken reads as such without colour: dotted, and `never` on the label.
      const agent = screen.locator('[data-edge-id="/nodes/options/options/0"]');
      assert.equal(await agent.getAttribute('data-coverage'), 'untaken');
      assert.match((await agent.textContent()) ?? '', /never/);
      const untaken = one.coverage.edges.list.filter((e) => e.count === 0).length;
      assert.equal(await screen.getByTestId('untaken-exits').locator('li').count(), untaken);
      // As it opens: a tall flow at a readable zoom from its top, before any Fit view.
      await screenshot(page, 'tests-screen-opened');
      await screenshots(page, 'tests-screen', screen);
      // The painted flow alone, in a window tall enough for its labels to read (for the docs).
      // Opened again at that size, so the view fits itself (the whole layout, labels included).
      await page.setViewportSize({ width: 1100, height: 1400 });
      await openScreen(page, 'Phone');
      await openScreen(page, 'Tests');
      await screen.locator('.flow-view .flow-node').first().waitFor();
      await page.waitForTimeout(400);
      await screen
        .getByTestId('covered-flow')
        .screenshot({ path: join(RESULTS, 'e2e-coverage-flow-view.png') });
      await page.setViewportSize(LARGE);
      assert.deepEqual(open.problems, [], 'no console error or warning');
      await open.close();
      open = undefined;
    },
  );

  test(
    'Generate tests on the balance flow: cases listed, saved to tests/, listed, removed',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      open = await openConsole(browser!, server!.url);
      const { page } = open;
      await pickCall(page, 'Balance read-back', DEMO);
      await page.getByRole('tab', { name: /^Flow/ }).click();
      const generate = page.getByRole('button', { name: 'Generate tests' });
      const report = await answerOf(page, 'flows.explore', () => generate.click(), 200_000);
      const dialog = page.getByTestId('generate-tests');
      assert.ok(report.cases.length > 0, 'cases generated');
      await dialog.getByTestId('generated-cases').waitFor();
      assert.equal(await dialog.getByTestId('generated-case').count(), report.cases.length);
      const firstRow = (await dialog.getByTestId('generated-case').first().innerText()).trim();
      assert.ok(firstRow.startsWith(report.cases[0]!.name), firstRow);
      assert.equal(await dialog.getByRole('textbox').inputValue(), report.yaml);
      const generatedMarks = expectedMarks(report.coverage);
      assert.deepEqual(await waitForMarks(dialog, generatedMarks), generatedMarks);
      await screenshots(page, 'generate-tests', dialog);

      const saved = await answerOf(page, 'tests.saveGenerated', () =>
        dialog.getByRole('button', { name: 'Save to tests/' }).click(),
      );
      assert.equal(dirname(saved.path), join(root, 'tests'));
      assert.ok(existsSync(saved.path), 'the file is written');
      await waitForText(dialog.getByTestId('generate-saved'), saved.path);
      await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

      // The Tests screen lists it.
      await openScreen(page, 'Tests');
      const select = page
        .getByRole('form', { name: 'Test run set-up' })
        .getByLabel('Test file', { exact: true });
      await select.locator(`option[value="${saved.path}"]`).waitFor({ state: 'attached' });
      await rm(saved.path);
      assert.equal(existsSync(saved.path), false);
      assert.deepEqual(open.problems, [], 'no console error or warning');
    },
  );
});
