// Over 300 lines: one Chromium session walks one flow through the editor, each test building on the last.
/**
 * The flow editor end to end in Chromium, browser mode: a person who never saw the flow JSON
 * builds a six-node flow (play, getDigits, http, branch, readBack, hangup) from an empty one with
 * the mouse and the keyboard, saves it, the CLI (a child process) finds no error in the file, and
 * the flow is called from the editor (saved first, asked once) and reads the balance back. Then a
 * rename follows every reference, undo and redo step through every kind of edit, a change on disk
 * under unsaved edits asks what to do, and saving a sample nobody touched leaves it byte for byte.
 * A screenshot of each state is taken to be looked at.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { runCliProcess } from '../helpers/cli-process.ts';
import type { ConsolePage } from '../helpers/console-page.ts';
import {
  callButton,
  openConsole,
  screenshot,
  UI,
  UI_TIMEOUT_MS,
  waitForCallState,
  waitForCaption,
  waitForText,
} from '../helpers/console-page.ts';
import { ROOT } from '../helpers/project-root.ts';
import type { RunningConsole } from './fixtures/console-server.ts';
import { startConsole } from './fixtures/console-server.ts';
import type { EditorPage } from './fixtures/flow-editor-page.ts';
import {
  addNodeByKeyboard,
  addNodeByMouse,
  canvasPoint,
  connect,
  dragNode,
  editorOf,
  edgesOf,
  nodeBox,
  properties,
  selectNode,
  setField,
} from './fixtures/flow-editor-page.ts';

const TEST_TIMEOUT_MS = 120_000;
const VIEWPORT = { width: 1600, height: 1000 } as const;

describe('the flow editor (Chromium, browser mode)', UI, () => {
  let temp: string;
  let root: string;
  let server: RunningConsole | undefined;
  let browser: Browser | undefined;
  let open: ConsolePage | undefined;
  let page: Page;
  let editor: EditorPage;
  /** The flow built in the first test. */
  let built: string;

  before(async () => {
    temp = await mkdtemp(join(tmpdir(), 'ivr-e2e-editor-'));
    root = join(temp, 'my-ivr');
    await mkdir(join(root, 'flows/prompts'), { recursive: true });
    await mkdir(join(root, 'prompts'));
    const samples = join(ROOT, 'resources/flows');
    await copyFile(join(samples, 'personalised-menu.json'), join(root, 'flows/menu-copy.json'));
    for (const wav of ['welcome.wav', 'goodbye.wav']) {
      await copyFile(join(samples, 'prompts', wav), join(root, 'flows/prompts', wav));
      await copyFile(join(samples, 'prompts', wav), join(root, 'prompts', wav));
    }
    built = join(root, 'flows/balance-by-hand.json');
    [server, browser] = await Promise.all([
      startConsole('e2e-editor', ['--workspace', root]),
      launchChromium(),
    ]);
    open = await openConsole(browser, server.url, { viewport: VIEWPORT });
    page = open.page;
    editor = editorOf(page);
  });

  after(async () => {
    await open?.close();
    await browser?.close();
    await server?.stop();
    if (temp) await rm(temp, { recursive: true, force: true });
    if (server) assert.equal(existsSync(server.dataDir), false, 'the data folder is removed');
    if (temp) assert.equal(existsSync(temp), false, 'the workspace folder is removed');
  });

  /** Opens the Flow tab and the editor on the flow the phone shows. */
  async function openEditor(): Promise<void> {
    await page.getByRole('tab', { name: /^Flow/ }).click();
    await page.getByRole('button', { name: 'Edit flow', exact: true }).click();
    await editor.toolbar.waitFor();
  }

  /** Waits until `check` holds. */
  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await sleep(50);
    }
  }

  /** Waits for the toolbar's save state (`Saved`, `Unsaved changes`). */
  const saveState = (state: string): Promise<void> =>
    waitForText(page.getByTestId('editor-state'), new RegExp(`^${state}$`));

  test(
    'a six-node flow built from an empty one by mouse and keyboard, saved, 0 errors in the CLI',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      await page.getByRole('button', { name: 'New flow…' }).click();
      const dialog = page.getByTestId('new-flow-dialog');
      await dialog.getByLabel('Name', { exact: true }).fill('Balance by hand');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await openEditor();
      await nodeBox(page, 'welcome').waitFor();
      await screenshot(page, 'editor-blank');

      // Empty it: one node with the Delete key, the other with its panel's button.
      await selectNode(page, 'welcome');
      await page.keyboard.press('Delete');
      // The start still names it: drawn as a missing node until the flow has a start again.
      await page.getByRole('group', { name: 'welcome, missing node, start' }).waitFor();
      await selectNode(page, 'bye');
      await properties(page, 'bye').getByRole('button', { name: 'Delete node' }).click();
      await nodeBox(page, 'bye').waitFor({ state: 'detached' });
      assert.equal(await page.locator('.editor-graph .react-flow__node').count(), 1);
      await waitForText(page.getByRole('region', { name: 'Problems' }), /1 error/);
      await screenshot(page, 'editor-emptied');

      // play, by mouse, where the click lands; named and worded in its panel.
      await addNodeByMouse(editor, 'play', await canvasPoint(editor, 0.22, 0.12));
      await rename('play_1', 'welcome');
      await setField(page, 'welcome', 'say', 'Welcome to the balance line.');

      // getDigits, by keyboard: it lands in view with its id field focused.
      await addNodeByKeyboard(editor, 'getDigits');
      await properties(page, 'getDigits_1').waitFor();
      await until(
        async () =>
          (await page.evaluate(
            "document.activeElement && document.activeElement.id + ' ' + document.activeElement.value",
          )) === 'editor-node-id getDigits_1',
        "the new node's id field has the focus",
      );
      await page.keyboard.press('Control+a');
      await page.keyboard.type('ask');
      await page.keyboard.press('Enter');
      await properties(page, 'ask').waitFor();
      await setField(page, 'ask', 'say', 'Enter your five digit customer number.');
      // Its empty variable is a problem in the list: a click there selects the field.
      await page.locator('.editor-graph .react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page
        .getByRole('region', { name: 'Problems' })
        .getByRole('button', { name: /\/nodes\/ask\/variable/ })
        .click();
      const variable = properties(page, 'ask').getByLabel('variable', { exact: true });
      await until(
        async () =>
          (await page.evaluate('document.activeElement && document.activeElement.id')) ===
          (await variable.getAttribute('id')),
        'the variable field has the focus',
      );
      await setField(page, 'ask', 'variable', 'customer_id');
      await setField(page, 'ask', 'minDigits', '5');
      await setField(page, 'ask', 'maxDigits', '5');
      await dragNode(editor, 'ask', await canvasPoint(editor, 0.22, 0.36));

      // http, by mouse; its URL typed with the `${` completion.
      await addNodeByMouse(editor, 'http', await canvasPoint(editor, 0.22, 0.6));
      await rename('http_1', 'fetch');
      const url = properties(page, 'fetch').getByLabel('url', { exact: true });
      await url.click();
      await page.keyboard.type('${crm_base}/ivr/balance?id=${customer_');
      const suggestions = page.getByRole('listbox', { name: 'Variables' });
      await waitForText(suggestions, 'customer_id');
      await screenshot(page, 'editor-completion');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      assert.equal(
        await url.inputValue(),
        '${crm_base}/ivr/balance?id=${customer_id}',
        'the completion closed the reference',
      );
      await setField(page, 'fetch', 'setVariable', 'balance');

      // branch by keyboard, dragged into place; readBack and hangup by mouse.
      await addNodeByKeyboard(editor, 'branch');
      await properties(page, 'branch_1').waitFor();
      await rename('branch_1', 'check');
      await dragNode(editor, 'check', await canvasPoint(editor, 0.68, 0.6));
      await addNodeByMouse(editor, 'readBack', await canvasPoint(editor, 0.68, 0.36));
      await rename('readBack_1', 'read');
      await setField(page, 'read', 'say', 'Your balance is');
      await setField(page, 'read', 'value', '${balance}');
      await properties(page, 'read').getByLabel('sayAs', { exact: true }).selectOption('number');
      await addNodeByMouse(editor, 'hangup', await canvasPoint(editor, 0.68, 0.12));
      await rename('hangup_1', 'bye');
      await setField(page, 'bye', 'say', 'Goodbye.');

      // The connections, each drawn from its named way out.
      await connect(editor, 'welcome', 'next', 'ask');
      await connect(editor, 'ask', 'next', 'fetch');
      await connect(editor, 'fetch', 'next', 'check');
      await connect(editor, 'fetch', 'onError', 'bye');
      await connect(editor, 'check', '+case', 'read');
      await connect(editor, 'check', 'default', 'bye');
      await connect(editor, 'read', 'next', 'bye');
      await screenshot(page, 'editor-connected');
      assert.deepEqual(await edgesOf(page), [
        'ask next to fetch',
        'check case 1 to read',
        'check default to bye',
        'fetch next to check',
        'fetch onError to bye',
        'read next to bye',
        'welcome next to ask',
      ]);
      // The case's condition: the balance the CRM answered exists.
      await selectNode(page, 'check');
      const check = properties(page, 'check');
      await check.getByLabel('var', { exact: true }).fill('balance');
      await check.getByLabel('var', { exact: true }).press('Tab');
      await check.getByLabel('op', { exact: true }).selectOption('exists');

      await waitForText(page.getByRole('region', { name: 'Problems' }), /none|0 errors/);
      await screenshot(page, 'editor-built');
      await saveState('Unsaved changes');
      await page.locator('.editor-graph .react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+s');
      await saveState('Saved');

      const text = await readFile(built, 'utf8');
      const flow = JSON.parse(text) as { start: string; nodes: object; layout: object };
      assert.equal(flow.start, 'welcome');
      assert.deepEqual(Object.keys(flow.nodes).sort(), [
        'ask',
        'bye',
        'check',
        'fetch',
        'read',
        'welcome',
      ]);
      assert.deepEqual(Object.keys(flow.layout).sort(), Object.keys(flow.nodes).sort());
      assert.equal(text, JSON.stringify(flow, null, 2) + '\n', 'two-space JSON, as written');
      const cli = await runCliProcess(['validate', built]);
      assert.equal(cli.code, 0, cli.stdout + cli.stderr);
      assert.match(cli.stdout, /valid \(0 errors/);
    },
  );

  test(
    'called from the editor by keyboard: saved first (asked once), the balance is read back',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      await selectNode(page, 'bye');
      await setField(page, 'bye', 'say', 'Goodbye, and thank you.');
      await saveState('Unsaved changes');
      // Nothing focused: Enter places the call, which asks first.
      await page.evaluate('document.activeElement && document.activeElement.blur()');
      await page.keyboard.press('Enter');
      const ask = page.getByTestId('save-before-call');
      await ask.waitFor();
      await screenshot(page, 'editor-save-before-call');
      await ask.getByRole('button', { name: 'Save and call' }).press('Enter');
      await waitForCaption(page, 'Welcome to the balance line.');
      await saveState('Saved');
      assert.match(await readFile(built, 'utf8'), /Goodbye, and thank you\./);
      await page.keyboard.type('12345');
      await waitForCaption(page, /Your balance is/);
      const readBack = await page.getByTestId('caption').innerText();
      await screenshot(page, 'editor-called');
      assert.match(readBack, /Your balance is 1,250\.75/, 'the read-back says the balance');
      await waitForCallState(page, /Ended/);

      // Asked once: the next call with unsaved edits saves without asking.
      await setField(page, 'bye', 'say', 'Goodbye.');
      await saveState('Unsaved changes');
      await callButton(page).click();
      await waitForCaption(page, 'Welcome to the balance line.');
      assert.equal(await page.getByTestId('save-before-call').count(), 0);
      await saveState('Saved');
      await page.getByRole('button', { name: 'Hang up' }).click();
      await waitForCallState(page, /Ended/);
    },
  );

  test('a rename follows every reference, in the picture and in the file', async () => {
    await selectNode(page, 'ask');
    await rename('ask', 'ask_number');
    assert.deepEqual(
      (await edgesOf(page)).filter((e) => e.includes('ask')),
      ['ask_number next to fetch', 'welcome next to ask_number'],
    );
    await page.keyboard.press('Control+s');
    await saveState('Saved');
    const flow = JSON.parse(await readFile(built, 'utf8')) as {
      nodes: Record<string, { next?: string }>;
      layout: Record<string, unknown>;
    };
    assert.equal(flow.nodes['welcome']?.next, 'ask_number');
    assert.ok(flow.nodes['ask_number'] && !flow.nodes['ask']);
    assert.ok(flow.layout['ask_number'] && !flow.layout['ask']);
    const cli = await runCliProcess(['validate', built]);
    assert.equal(cli.code, 0, cli.stdout + cli.stderr);
  });

  test('undo and redo step through every kind of edit', async () => {
    /** What the canvas shows: nodes with their places, the start, the edges. */
    const picture = (): Promise<string> =>
      page.evaluate(`JSON.stringify({
        nodes: [...document.querySelectorAll('.editor-graph .react-flow__node')]
          .map((n) => n.getAttribute('aria-label') + ' @ ' + n.style.transform).sort(),
        edges: [...document.querySelectorAll('.editor-graph .react-flow__edge')]
          .map((e) => e.getAttribute('aria-label')).sort(),
        summaries: [...document.querySelectorAll('.editor-graph .flow-node__summary')]
          .map((e) => e.textContent).sort(),
        flow: [...document.querySelectorAll('.editor-side input')].map((i) => i.value),
      })`);
    /** Undo with the keyboard, then redo with the button (or the reverse), checking each. */
    const roundTrip = async (kind: string, edit: () => Promise<void>): Promise<void> => {
      await page.locator('.editor-graph .react-flow__pane').click({ position: { x: 5, y: 5 } });
      const before = await picture();
      await edit();
      await page.locator('.editor-graph .react-flow__pane').click({ position: { x: 5, y: 5 } });
      const after = await picture();
      assert.notEqual(after, before, `${kind}: the edit shows`);
      await page.keyboard.press('Control+z');
      await until(async () => (await picture()) === before, `${kind} undone`);
      await editor.toolbar.getByRole('button', { name: 'Redo' }).click();
      await until(async () => (await picture()) === after, `${kind} redone`);
      await editor.toolbar.getByRole('button', { name: 'Undo' }).click();
      await until(async () => (await picture()) === before, `${kind} undone again`);
      await page.keyboard.press('Control+Shift+z');
      await until(async () => (await picture()) === after, `${kind} redone again`);
    };

    await roundTrip('add', () =>
      canvasPoint(editor, 0.45, 0.85).then((at) => addNodeByMouse(editor, 'play', at)),
    );
    await roundTrip('move', async () =>
      dragNode(editor, 'play_1', await canvasPoint(editor, 0.3, 0.85)),
    );
    await roundTrip('connect', () => connect(editor, 'play_1', 'next', 'bye'));
    await roundTrip('delete a connection', async () => {
      // A click on its label selects it; Delete removes it.
      await page
        .locator('.react-flow__edge[aria-label="play_1 next to bye"] .react-flow__edge-textbg')
        .click();
      await page.keyboard.press('Delete');
    });
    await roundTrip('set a field', async () => {
      await selectNode(page, 'play_1');
      await setField(page, 'play_1', 'say', 'One more thing.');
    });
    await roundTrip('rename', async () => {
      await selectNode(page, 'play_1');
      await rename('play_1', 'extra');
    });
    await roundTrip('set the start', async () => {
      await selectNode(page, 'extra');
      await properties(page, 'extra').getByRole('button', { name: 'Set as start' }).click();
    });
    await roundTrip('delete a node', async () => {
      await selectNode(page, 'extra');
      await page.keyboard.press('Delete');
    });
    await roundTrip('a flow variable', async () => {
      const add = page.getByLabel('New variable name', { exact: true });
      await add.fill('tenant');
      await page.getByRole('button', { name: 'Add variable' }).click();
    });
    // Each round trip ended redone: nine undos bring back the file as saved.
    for (let i = 0; i < 9; i++) await editor.toolbar.getByRole('button', { name: 'Undo' }).click();
    await saveState('Saved');
  });

  test('a change on disk under unsaved edits asks: show both, keep mine, load theirs', async () => {
    await selectNode(page, 'welcome');
    await setField(page, 'welcome', 'say', 'Welcome, mine.');
    await saveState('Unsaved changes');
    const disk = await readFile(built, 'utf8');
    await writeFile(built, disk.replace('"Balance by hand"', '"Balance by someone else"'));
    const dialog = page.getByTestId('flow-conflict');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Show both' }).click();
    assert.match(await dialog.getByLabel('Theirs (on disk)').inputValue(), /someone else/);
    assert.match(await dialog.getByLabel('Mine (unsaved)').inputValue(), /Welcome, mine\./);
    await screenshot(page, 'editor-conflict');
    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+s');
    await saveState('Saved');
    const kept = await readFile(built, 'utf8');
    assert.match(kept, /Welcome, mine\./);
    assert.match(kept, /"Balance by hand"/, 'mine was saved over theirs');

    await setField(page, 'welcome', 'say', 'Welcome, mine again.');
    await saveState('Unsaved changes');
    await writeFile(built, kept.replace('Welcome, mine.', 'Welcome, theirs.'));
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Load theirs' }).click();
    await saveState('Saved');
    await waitForText(nodeBox(page, 'welcome'), 'Welcome, theirs.');
    // Undo brings the dropped edits back, unsaved.
    await page.locator('.editor-graph .react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await waitForText(nodeBox(page, 'welcome'), 'Welcome, mine again.');
    await saveState('Unsaved changes');
    await page.keyboard.press('Control+Shift+z');
    await saveState('Saved');
  });

  test('a sample nobody changed saves byte for byte; its recordings are picked and played', async () => {
    const copy = join(root, 'flows/menu-copy.json');
    const before = await readFile(copy);
    await editor.toolbar.getByRole('button', { name: 'Close editor' }).click();
    const flows = page
      .getByRole('group', { name: 'Call set-up' })
      .getByLabel('Flow', { exact: true });
    const label = (await flows.locator('option').allInnerTexts()).find((t) =>
      t.includes('menu-copy'),
    );
    assert.ok(label, 'the copied sample is in the picker');
    await flows.selectOption({ label });
    await openEditor();
    await selectNode(page, 'greet_new');
    const panel = properties(page, 'greet_new');
    assert.equal(
      await panel.getByLabel('audio', { exact: true }).inputValue(),
      'prompts/welcome.wav',
    );
    await panel.getByRole('button', { name: 'Choose recording' }).click();
    const recordings = page.getByRole('listbox', { name: 'Recordings' });
    await waitForText(recordings, 'prompts/goodbye.wav');
    await screenshot(page, 'editor-recordings');
    await page.keyboard.press('Escape');
    await panel.getByRole('button', { name: 'Play recording' }).click();
    // Every field was visited and left as it was: nothing to save, and Save writes the same bytes.
    await saveState('Saved');
    await page.locator('.editor-graph .react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+s');
    await saveState('Saved');
    assert.deepEqual(await readFile(copy), before, 'the file is byte for byte as it was');
    assert.deepEqual(open?.problems, [], 'no console error, no failed request');
  });

  /** Renames node `from` through its panel's id field. */
  async function rename(from: string, to: string): Promise<void> {
    const id = properties(page, from).getByLabel('id', { exact: true });
    await id.fill(to);
    await id.press('Enter');
    await properties(page, to).waitFor();
  }
});
