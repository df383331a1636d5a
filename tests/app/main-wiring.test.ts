// Over 300 lines: one stubbed Electron start, each test a step of the same boot in order.
/**
 * src/main/app under plain Node with a stub `electron` (fixtures/electron-stub.ts): the order of
 * start-up calls, the window's options, and the guards' actual decisions. The real-Electron check
 * is electron-launch.test.ts, which needs the binary; this one always runs.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, mock, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PRODUCTION_CSP } from '../../src/main/app/content-security-policy.ts';
import { CHANNELS, EVENT_CHANNEL, IPC_PREFIX } from '../../src/shared/contract.ts';
import { ROOT } from '../helpers/built-app.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** The page's light background, `--bg` in the renderer's tokens: the window must open in it. */
function pageBackground(): string {
  const tokens = readFileSync(join(ROOT, 'src/renderer/src/styles/tokens.css'), 'utf8');
  const bg = /--bg:\s*(#[0-9a-f]{6});/i.exec(tokens);
  assert.ok(bg, 'styles/tokens.css defines --bg');
  return bg[1]!;
}

const STUB_URL = pathToFileURL(join(import.meta.dirname, 'fixtures/electron-stub.ts')).href;
const MAIN_URL = pathToFileURL(join(ROOT, 'src/main/app/main.ts')).href;
const MAIN_DIR = join(ROOT, 'src/main/app');
// Main now opens the real session log and starts the demo CRM here, so each run gets its own;
// it is removed when this file's process exits, after main has closed the session log.
const DATA_DIR = resolve(tempDir('ivr-wiring-'));

const hooks = registerHooks({
  resolve: (specifier, context, nextResolve) =>
    specifier === 'electron'
      ? { url: STUB_URL, shortCircuit: true }
      : nextResolve(specifier, context),
});
const stub = await import('./fixtures/electron-stub.ts');
after(() => hooks.deregister());

/** Lets promise callbacks (whenReady().then, …) run. */
const settle = (): Promise<void> => new Promise((done) => setImmediate(done));

/**
 * Waits until `ready()` holds, for at most `ms` of real time: starting services, ending a call
 * (which stops a speech process) and closing take real I/O, not just promise callbacks.
 */
async function until(ready: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready() && Date.now() < deadline) await new Promise((done) => setTimeout(done, 10));
}

describe('main process wiring', () => {
  let window: InstanceType<typeof stub.BrowserWindow>;
  const rendererHtml = join(MAIN_DIR, '../renderer/index.html');
  const appFileUrl = pathToFileURL(rendererHtml).href;

  before(async () => {
    process.env['IVR_CONSOLE_DATA_DIR'] = DATA_DIR;
    delete process.env['ELECTRON_RENDERER_URL'];
    await import(MAIN_URL);
    stub.app.becomeReady();
    // Ready starts the services (session log, demo CRM) before the window opens.
    await until(() => stub.BrowserWindow.all.length > 0);
    assert.equal(stub.BrowserWindow.all.length, 1);
    window = stub.BrowserWindow.all[0] as InstanceType<typeof stub.BrowserWindow>;
    window.webContents.mainFrame.url = appFileUrl;
  });

  after(async () => {
    // Quitting closes the services (demo CRM, session log) first, then quits for real.
    stub.log.length = 0;
    stub.app.emit('before-quit', { preventDefault: () => stub.log.push('quit deferred') });
    await until(() => stub.log.includes('quit'));
    assert.deepEqual(stub.log, ['quit deferred', 'quit']);
  });

  test('every contract channel has a handler; the window gets console events', async () => {
    assert.deepEqual(
      [...stub.ipcHandlers.keys()].sort(),
      CHANNELS.map((c) => IPC_PREFIX + c).sort(),
    );
    const handler = stub.ipcHandlers.get(`${IPC_PREFIX}app.info`);
    const answer = (await handler?.(
      { sender: window.webContents, senderFrame: window.webContents.mainFrame },
      {},
    )) as {
      ok: boolean;
      value: { shell: string; dataDir: string; demoCrmUrl: string };
    };
    assert.equal(answer.ok, true);
    assert.equal(answer.value.shell, 'electron');
    assert.equal(answer.value.dataDir, DATA_DIR);
    assert.match(answer.value.demoCrmUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test("IPC from anything but the app's own main frame is refused before validation", async () => {
    const handler = stub.ipcHandlers.get(`${IPC_PREFIX}settings.get`);
    const refused = {
      ok: false,
      error: { code: 'forbidden', message: 'sender is not the console window' },
    };
    const fromIframe = { sender: window.webContents, senderFrame: { url: appFileUrl } };
    assert.deepEqual(await handler?.(fromIframe, {}), refused, 'a child frame, even of the app');
    const elsewhere = { url: 'https://example.com/' };
    const navigatedAway = { sender: window.webContents, senderFrame: elsewhere };
    window.webContents.mainFrame.url = elsewhere.url;
    try {
      assert.deepEqual(
        await handler?.({ ...navigatedAway, senderFrame: window.webContents.mainFrame }, {}),
        refused,
        'the main frame showing another page',
      );
    } finally {
      window.webContents.mainFrame.url = appFileUrl;
    }
    const otherContents = { sender: {}, senderFrame: { url: appFileUrl } };
    assert.deepEqual(await handler?.(otherContents, {}), refused, 'another window');
    const bad = (await handler?.(
      { sender: window.webContents, senderFrame: window.webContents.mainFrame },
      { extra: 1 },
    )) as {
      ok: boolean;
      error: { code: string };
    };
    assert.equal(bad.error.code, 'invalid_input', 'from the window, the input is then validated');
  });

  test('points userData at the shared data dir before anything uses it', () => {
    assert.deepEqual(stub.log.slice(0, 3), [
      `setPath userData ${DATA_DIR}`,
      'requestSingleInstanceLock',
      'whenReady',
    ]);
  });

  test('opens one hidden, locked-down window and shows it on ready-to-show', () => {
    const { webPreferences, ...options } = window.options;
    assert.deepEqual(options, {
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 700,
      title: 'IVR Test Console',
      show: false,
      backgroundColor: pageBackground(),
    });
    assert.deepEqual(webPreferences, {
      preload: join(MAIN_DIR, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      additionalArguments: ['--ivr-app-version=0.1.0-test'],
    });
    assert.deepEqual(window.loaded, { file: rendererHtml });
    assert.equal(window.shown, false);
    window.emit('ready-to-show');
    assert.equal(window.shown, true);
  });

  test('a call placed over IPC streams its events to the window on the event channel', async () => {
    const frame = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    // The desktop app runs only flows it showed the page: this one is chosen in Open flow….
    stub.dialogs.next = [join(ROOT, 'resources/flows/balance.json')];
    await stub.ipcHandlers.get(`${IPC_PREFIX}flows.openFile`)?.(frame, {});
    const start = stub.ipcHandlers.get(`${IPC_PREFIX}call.start`);
    const started = (await start?.(frame, {
      flowPath: join(ROOT, 'resources/flows/balance.json'),
      environmentId: 'demo',
      source: '+3612345678',
      destination: '+3612000000',
    })) as { ok: boolean; value: { callId: string } };
    assert.equal(started.ok, true, JSON.stringify(started));
    const hangUp = stub.ipcHandlers.get(`${IPC_PREFIX}call.hangUp`);
    assert.deepEqual(await hangUp?.(frame, { callId: started.value.callId }), {
      ok: true,
      value: null,
    });
    const types = (): string[] =>
      window.webContents.sent
        .filter(
          ([channel, payload]) =>
            channel === EVENT_CHANNEL && (payload as { kind: string }).kind === 'call',
        )
        .map(([, payload]) => (payload as { event: { type: string } }).event.type);
    await until(() => types().includes('call_ended'));
    assert.equal(types()[0], 'call_started');
    assert.ok(types().includes('hangup'));
    assert.equal(types().at(-1), 'call_ended');
  });

  test('navigation stays in the app; web links go to the system browser, others nowhere', async () => {
    const warn = mock.method(console, 'warn', () => {});
    stub.openedExternally.length = 0;
    window.webContents.sent.length = 0;
    assert.equal(window.webContents.navigate(appFileUrl), false);
    assert.equal(window.webContents.navigate('https://example.com/help'), true);
    assert.equal(window.webContents.navigate('ftp://example.com/x'), true);
    assert.equal(window.webContents.navigate('file:///etc/passwd'), true);
    assert.deepEqual(stub.openedExternally, ['https://example.com/help']);
    assert.equal(warn.mock.callCount(), 1, 'the refused ftp: URL is logged');
    warn.mock.restore();
    // A file: navigation is a file dropped on the window: not a flow, so the page is told why.
    await until(() => window.webContents.sent.length > 0);
    assert.deepEqual(window.webContents.sent.at(-1), [
      EVENT_CHANNEL,
      {
        kind: 'notice',
        level: 'warning',
        message: '/etc/passwd is not a flow file (.json) or a folder',
      },
    ]);
  });

  test('a flow file dropped on the window opens and the page is told to show it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ivr-drop-'));
    try {
      const flow = join(folder, 'dropped.json');
      copyFileSync(join(ROOT, 'resources/flows/balance.json'), flow);
      window.webContents.sent.length = 0;
      assert.equal(window.webContents.navigate(pathToFileURL(flow).href), true);
      await until(() =>
        window.webContents.sent.some(([, e]) => (e as { kind: string }).kind === 'flow_opened'),
      );
      assert.deepEqual(
        window.webContents.sent.find(([, e]) => (e as { kind: string }).kind === 'flow_opened'),
        [EVENT_CHANNEL, { kind: 'flow_opened', path: flow }],
      );
      // The page may now open it; a path it makes up is refused before any file is read.
      const invoke = (channel: string, input: unknown) =>
        stub.ipcHandlers.get(`${IPC_PREFIX}${channel}`)?.(
          { sender: window.webContents, senderFrame: window.webContents.mainFrame },
          input,
        ) as Promise<{ ok: boolean; error?: { code: string; message: string } }>;
      assert.equal((await invoke('flows.open', { path: flow })).ok, true);
      const madeUp = join(folder, 'secret-config.json');
      writeFileSync(madeUp, '{"nodes": {}, "password": "x"}');
      const refused = await invoke('flows.open', { path: madeUp });
      assert.equal(refused.error?.code, 'forbidden');
      assert.match(refused.error?.message ?? '', /Open flow…/);
      const call = await invoke('call.start', {
        flowPath: madeUp,
        environmentId: 'demo',
        source: '+3612345678',
        destination: '+3612000000',
      });
      assert.equal(call.error?.code, 'forbidden');
      // Remembered: listed under Recent and in File > Open recent.
      const recent = stub.menus.current?.items
        .find((i) => i.label === 'File')
        ?.submenu?.find((i) => i.label === 'Open recent')?.submenu;
      assert.ok(
        recent?.some((i) => i.label?.includes(flow)),
        JSON.stringify(recent),
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('the app menu: File, Edit, View, Help with the usual accelerators; Open folder… asks the dialog', async () => {
    const items = stub.menus.current?.items ?? [];
    const top = items.map((i) => i.label ?? i.role);
    assert.deepEqual(
      top.filter((t) => t !== 'appMenu' && t !== 'windowMenu'),
      ['File', 'editMenu', 'View', 'help'],
    );
    const file = items.find((i) => i.label === 'File')?.submenu ?? [];
    const accelerators = Object.fromEntries(
      file.filter((i) => i.label).map((i) => [i.label, i.accelerator ?? null]),
    );
    assert.deepEqual(accelerators, {
      'New flow…': 'CmdOrCtrl+N',
      'Open flow…': 'CmdOrCtrl+O',
      'Open folder…': 'CmdOrCtrl+Shift+O',
      'Open recent': null,
      'Close folder': null,
      Environments: 'CmdOrCtrl+Shift+E',
    });
    // New flow… is the page's form: main asks the page for it.
    window.webContents.sent.length = 0;
    file.find((i) => i.label === 'New flow…')?.click?.();
    assert.deepEqual(window.webContents.sent.at(-1), [
      EVENT_CHANNEL,
      { kind: 'menu', action: 'new-flow' },
    ]);
    // Open folder… shows the system dialog and opens what was chosen.
    const workspace = mkdtempSync(join(tmpdir(), 'ivr-menu-ws-'));
    try {
      stub.dialogs.next = [workspace];
      const before = stub.menus.set;
      file.find((i) => i.label === 'Open folder…')?.click?.();
      await until(() => stub.menus.set > before);
      assert.deepEqual(stub.dialogs.shown.at(-1)?.['properties'], [
        'openDirectory',
        'createDirectory',
      ]);
      const state = (await stub.ipcHandlers.get(`${IPC_PREFIX}workspace.get`)?.(
        { sender: window.webContents, senderFrame: window.webContents.mainFrame },
        {},
      )) as { value: { root: string; typedPaths: boolean } };
      assert.equal(state.value.root, workspace);
      assert.equal(state.value.typedPaths, false, 'the desktop app takes paths from its dialogs');
      // The page cannot name a folder the user did not choose.
      const typed = (await stub.ipcHandlers.get(`${IPC_PREFIX}workspace.open`)?.(
        { sender: window.webContents, senderFrame: window.webContents.mainFrame },
        { path: tmpdir() },
      )) as { ok: boolean; error: { code: string } };
      assert.equal(typed.error.code, 'forbidden');
      await stub.ipcHandlers.get(`${IPC_PREFIX}workspace.close`)?.(
        { sender: window.webContents, senderFrame: window.webContents.mainFrame },
        {},
      );
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  test('secret values are stored through the OS key store, never as they are', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'ivr-secret-ws-'));
    try {
      mkdirSync(join(workspace, 'environments'));
      writeFileSync(
        join(workspace, 'environments', 'staging.yaml'),
        'name: Staging\nsecrets: [crm_token]\n',
      );
      stub.dialogs.next = [workspace];
      const invoke = (channel: string, input: unknown): Promise<unknown> =>
        Promise.resolve(
          stub.ipcHandlers.get(`${IPC_PREFIX}${channel}`)?.(
            { sender: window.webContents, senderFrame: window.webContents.mainFrame },
            input,
          ),
        );
      await invoke('workspace.open', {});
      const set = (await invoke('secrets.set', {
        environmentId: 'workspace:staging',
        name: 'crm_token',
        value: 'wiring-secret-123',
      })) as { ok: boolean; value: { secrets: unknown[] } };
      assert.deepEqual(set.value.secrets, [{ name: 'crm_token', set: true }]);
      const stored = readFileSync(join(DATA_DIR, 'secrets.json'));
      assert.equal(stored.includes(Buffer.from('wiring-secret-123')), false);
      const encrypted = stub.safeStorage.encryptString('wiring-secret-123').toString('base64');
      assert.ok(stored.includes(Buffer.from(encrypted)), 'stored as the key store encrypted it');
      await invoke('workspace.close', {});
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  test('new windows are always denied', () => {
    const warn = mock.method(console, 'warn', () => {});
    stub.openedExternally.length = 0;
    const open = window.webContents.windowOpenHandler;
    assert.ok(open);
    assert.deepEqual(open({ url: 'https://example.com/' }), { action: 'deny' });
    assert.deepEqual(open({ url: 'smb://host/share' }), { action: 'deny' });
    assert.deepEqual(stub.openedExternally, ['https://example.com/']);
    assert.equal(warn.mock.callCount(), 1, 'the refused smb: URL is logged');
    warn.mock.restore();
  });

  test('every permission is refused', () => {
    const answers: boolean[] = [];
    stub.installed.permissionRequest?.({}, 'media', (ok) => answers.push(ok));
    stub.installed.permissionRequest?.({}, 'notifications', (ok) => answers.push(ok));
    assert.deepEqual(answers, [false, false]);
    assert.equal(stub.installed.permissionCheck?.(), false);
  });

  test("the app's responses carry exactly the production CSP; others are untouched", () => {
    const listener = stub.installed.headersReceived;
    assert.ok(listener);
    let app: { responseHeaders?: Record<string, string[]> } | undefined;
    listener(
      {
        url: appFileUrl,
        responseHeaders: { 'content-security-policy': ['default-src *'], 'X-A': ['1'] },
      },
      (response) => (app = response),
    );
    assert.deepEqual(app, {
      responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [PRODUCTION_CSP] },
    });
    let other: unknown;
    listener(
      { url: 'https://example.com/', responseHeaders: {} },
      (response) => (other = response),
    );
    assert.deepEqual(other, {});
  });

  test('a second instance quits without opening a window', async () => {
    stub.lock.granted = false;
    stub.log.length = 0;
    // A fresh copy of main.ts (new URL, same dependencies): a second process starting up.
    await import(`${MAIN_URL}?instance=2`);
    await settle();
    assert.deepEqual(stub.log, [
      `setPath userData ${DATA_DIR}`,
      'requestSingleInstanceLock',
      'quit',
    ]);
    assert.equal(stub.BrowserWindow.all.length, 1);
  });
});
