/**
 * The console's services on the user's own work, through the same channel handlers the desktop
 * app and browser mode use: a workspace opened, its flows and environments listed, a secret
 * typed, a call placed against an HTTPS CRM with its own CA and a bearer token, one request sent
 * on its own, a new flow and environment written, files added on disk showing without a restart,
 * and the desktop app's rule that a path reaches main only through its own dialog.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ConsoleEvent, Envelope } from '../../src/shared/contract.ts';
import { dispatchRequest } from '../../src/main/ipc/dispatch-request.ts';
import { startTestConsole } from '../helpers/console-services.ts';
import type { TestConsole } from '../helpers/console-services.ts';
import { startHttpsCrm } from '../helpers/https-crm.ts';
import type { HttpsCrm } from '../helpers/https-crm.ts';
import { createTestCertificates } from '../helpers/test-certificates.ts';
import type { TestCertificates } from '../helpers/test-certificates.ts';

const TOKEN = 'svc-token-9a8b7c6d';

let certs: TestCertificates | null = null;
let crm: HttpsCrm | null = null;
let app: TestConsole;
const events: ConsoleEvent[] = [];
const folders: string[] = [];

async function ask(channel: string, input: unknown = {}): Promise<Envelope<unknown>> {
  return dispatchRequest(app.handlers, channel, input);
}
async function value<T>(channel: string, input: unknown = {}): Promise<T> {
  const answer = await ask(channel, input);
  if (!answer.ok) assert.fail(`${channel}: ${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}
async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

before(async () => {
  certs = await createTestCertificates();
  if (certs) crm = await startHttpsCrm(certs, TOKEN);
  const workspace = crm?.workspace ?? (await mkdtemp(join(tmpdir(), 'ivr-ws-svc-')));
  if (!crm) folders.push(workspace);
  app = await startTestConsole({ workspace });
  folders.push(app.dataDir);
  app.services.hub.subscribe((event) => events.push(event));
});
after(async () => {
  await app?.services.close();
  await crm?.close();
  await certs?.remove();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('workspace, environments and secrets in the console', () => {
  test('the workspace opened at start lists its flows and environments', async (t) => {
    if (!crm) return t.skip('openssl not found: no HTTPS CRM');
    const state = await value<{ root: string; typedPaths: boolean }>('workspace.get');
    assert.equal(state.root, crm.workspace);
    assert.equal(state.typedPaths, true);
    const flows = await value<{ path: string; group: string; label: string }[]>('flows.list');
    const own = flows.find((f) => f.path === crm?.flowPath);
    assert.deepEqual([own?.group, own?.label], ['workspace', 'flows/x.json']);
    assert.ok(flows.some((f) => f.group === 'sample'));
    const environments =
      await value<{ id: string; name: string; secrets: object[]; problems: string[] }[]>(
        'environments.list',
      );
    const staging = environments.find((e) => e.name === 'Staging CRM');
    assert.equal(staging?.id, 'workspace:staging');
    assert.deepEqual(staging?.secrets, [{ name: 'crm_token', set: false }]);
    assert.deepEqual(staging?.problems, []);
  });

  test('a call without the secret is refused naming it; with it the call gets 200 from the HTTPS CRM', async (t) => {
    if (!crm) return t.skip('openssl not found');
    const start = {
      flowPath: crm.flowPath,
      environmentId: 'workspace:staging',
      source: '+3612345678',
      destination: '+3612000000',
    };
    const refused = await ask('call.start', start);
    assert.equal(refused.ok, false);
    if (!refused.ok) {
      assert.equal(refused.error.code, 'conflict');
      assert.match(
        refused.error.message,
        /needs a value for secret crm_token: enter it in Environments/,
      );
    }
    const updated = await value<{ secrets: object[] }>('secrets.set', {
      environmentId: 'workspace:staging',
      name: 'crm_token',
      value: TOKEN,
    });
    assert.deepEqual(updated.secrets, [{ name: 'crm_token', set: true }]);
    const { callId } = await value<{ callId: string }>('call.start', start);
    for (const key of ['4', '2', '1', '#']) await value('call.pressKey', { callId, key });
    await until(
      () =>
        events.some(
          (e) => e.kind === 'call' && e.callId === callId && e.event.type === 'call_ended',
        ),
      'the call to end',
      15_000,
    );
    const snapshot = await value<{
      events: {
        type: string;
        exchange?: {
          response: { status: number } | null;
          request: { headers: [string, string][] };
        };
      }[];
    }>('call.snapshot', { callId });
    const webhook = snapshot.events.find((e) => e.type === 'webhook')?.exchange;
    assert.equal(webhook?.response?.status, 200);
    assert.deepEqual(
      webhook?.request.headers.find(([name]) => name === 'Authorization'),
      ['Authorization', 'Bearer [redacted]'],
    );
    assert.equal(crm.received.at(-1)?.authorization, `Bearer ${TOKEN}`);
  });

  test('the secret typed in the console is in no byte of the log, its exports or the data folder', async (t) => {
    if (!crm) return t.skip('openssl not found');
    const page = await value<{ items: { id: string }[] }>('sessions.list', {});
    assert.ok(page.items.length > 0);
    const needle = Buffer.from(TOKEN);
    for (const { id } of page.items) {
      for (const format of ['json', 'har']) {
        const exported = await value<{ content: string }>('sessions.export', { id, format });
        assert.equal(exported.content.includes(TOKEN), false, `${format} export holds the token`);
        assert.match(exported.content, /Bearer \[redacted\]/);
      }
    }
    for (const name of await readdir(app.dataDir)) {
      const bytes = await readFile(join(app.dataDir, name)).catch(() => Buffer.alloc(0));
      assert.equal(bytes.includes(needle), false, `${name} holds the token`);
    }
  });

  test('Send request fires one node through the environment; nothing is logged', async (t) => {
    if (!crm) return t.skip('openssl not found');
    const before = app.services.store.count();
    const sent = await value<{
      exchange: { ok: boolean; response: { status: number } };
      references: { name: string; value: string | null }[];
    }>('request.send', {
      flowPath: crm.flowPath,
      nodeId: 'auth',
      environmentId: 'workspace:staging',
      variables: { customer_id: '777' },
    });
    assert.equal(sent.exchange.ok, true);
    assert.equal(sent.exchange.response.status, 200);
    assert.deepEqual(sent.references, [
      { name: 'crm_base', value: crm.url },
      { name: 'customer_id', value: '777' },
    ]);
    assert.equal(crm.received.at(-1)?.body, '{"id":"777"}');
    assert.equal(app.services.store.count(), before);
    const notHttp = await ask('request.send', {
      flowPath: crm.flowPath,
      nodeId: 'hello',
      environmentId: 'workspace:staging',
    });
    assert.equal(notHttp.ok, false);
  });

  test('an environment edited in the screen keeps the file’s comments and order', async (t) => {
    if (!crm) return t.skip('openssl not found');
    const detail = await value<{
      form: { variables: { name: string; value: unknown }[]; limits: object };
    }>('environments.get', { id: 'workspace:staging' });
    const form = {
      ...detail.form,
      variables: [...detail.form.variables, { name: 'region', value: 'eu' }],
      limits: { responseTimeoutMs: 8000 },
    };
    const saved = await value<{ environment: { limits: object; problems: string[] } }>(
      'environments.save',
      {
        id: 'workspace:staging',
        form,
      },
    );
    assert.deepEqual(saved.environment.problems, []);
    assert.deepEqual(saved.environment.limits, { responseTimeoutMs: 8000 });
    const text = await readFile(join(crm.workspace, 'environments', 'staging.yaml'), 'utf8');
    assert.match(text, /^# Written by hand, as a user would\.\nname: Staging CRM\nvariables:\n/);
    assert.match(text, /region: eu/);
    assert.ok(text.indexOf('secrets:') < text.indexOf('limits:'), text);
  });

  test('New flow and New environment write into the workspace; a file added on disk shows up', async (t) => {
    if (!crm) return t.skip('openssl not found');
    const created = await value<{ path: string; flow: object | null; problems: object[] }>(
      'flows.create',
      {
        name: 'Card activation',
        template: 'blank',
      },
    );
    assert.equal(created.path, join(crm.workspace, 'flows', 'card-activation.json'));
    assert.ok(created.flow, JSON.stringify(created.problems));
    const text = await readFile(created.path, 'utf8');
    assert.match(text, /^\{\n {2}"\$schema": "\.\.\/flow\.schema\.json",/);
    assert.match(await readFile(join(crm.workspace, 'flow.schema.json'), 'utf8'), /"\$schema"/);
    const copy = await value<{ flow: { id: string; name: string } | null }>('flows.create', {
      name: 'My balance',
      template: join(app.services.flows.samplesDir, 'balance.json'),
    });
    assert.deepEqual([copy.flow?.id, copy.flow?.name], ['my-balance', 'My balance']);
    const twice = await ask('flows.create', { name: 'Card activation', template: 'blank' });
    assert.equal(twice.ok, false);
    const outside = await ask('flows.create', { name: 'Sneaky', template: crm.flowPath });
    assert.equal(outside.ok, false);

    const env = await value<{ environment: { id: string; name: string } }>('environments.create', {
      name: 'Prod EU',
    });
    assert.deepEqual([env.environment.id, env.environment.name], ['workspace:prod-eu', 'Prod EU']);

    events.length = 0;
    await writeFile(join(crm.workspace, 'flows', 'added.json'), JSON.stringify({ nodes: {} }));
    await until(() => events.some((e) => e.kind === 'workspace_changed'), 'workspace_changed');
    const flows = await value<{ label: string }[]>('flows.list');
    assert.ok(flows.some((f) => f.label === 'flows/added.json'));
  });
});

describe('paths in the desktop app come from its dialogs', () => {
  test('a typed path is refused unless recent; the dialog’s choice opens and is remembered', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ivr-ws-dialog-'));
    const workspace = await mkdtemp(join(tmpdir(), 'ivr-ws-picked-'));
    folders.push(dataDir, workspace);
    let nextFolder: string | null = null;
    const desktop = await startTestConsole({
      dataDir,
      shell: 'electron',
      dialogs: {
        folder: async () => nextFolder,
        flowFile: async () => null,
        pemFile: async () => null,
      },
    });
    try {
      const typed = await dispatchRequest(desktop.handlers, 'workspace.open', { path: workspace });
      assert.equal(typed.ok, false);
      if (!typed.ok) assert.equal(typed.error.code, 'forbidden');
      const cancelled = await dispatchRequest(desktop.handlers, 'workspace.open', {});
      assert.deepEqual(cancelled, { ok: true, value: null });
      nextFolder = workspace;
      const opened = await dispatchRequest(desktop.handlers, 'workspace.open', {});
      assert.equal(opened.ok && (opened.value as { root: string }).root, workspace);
    } finally {
      await desktop.services.close();
    }
    // Recent survives a restart, and a recent path may be opened again by name.
    const again = await startTestConsole({
      dataDir,
      shell: 'electron',
      dialogs: { folder: async () => null, flowFile: async () => null, pemFile: async () => null },
    });
    try {
      const state = await dispatchRequest(again.handlers, 'workspace.get', {});
      assert.ok(state.ok);
      const value = state.value as {
        root: string;
        recentWorkspaces: string[];
        typedPaths: boolean;
      };
      assert.equal(value.root, workspace, 'the last workspace reopens');
      assert.deepEqual(value.recentWorkspaces, [workspace]);
      assert.equal(value.typedPaths, false);
      const recent = await dispatchRequest(again.handlers, 'workspace.open', { path: workspace });
      assert.equal(recent.ok, true);
    } finally {
      await again.services.close();
    }
  });
});
