/**
 * The Sessions screen's channels against real services: sessions logged by the real CLI into the
 * console's own SQLite file, listed, searched, opened, exported, re-run with diff against a flow
 * file edited on disk, saved as a test case that the real `test` command then passes, deleted.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { dispatchRequest } from '../../src/main/ipc/dispatch-request.ts';
import type { Channel, ChannelOutput, ConsoleEvent, Envelope } from '../../src/shared/contract.ts';
import { ROOT, tempDir } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import type { TestConsole } from '../helpers/console-services.ts';
import { startTestConsole } from '../helpers/console-services.ts';

let con: TestConsole;
let flowPath: string;
const events: ConsoleEvent[] = [];
/** Session ids by what the call did. */
const ids: Record<'gold' | 'silver' | 'wrongPin', string> = { gold: '', silver: '', wrongPin: '' };

async function ask<C extends Channel>(channel: C, input: unknown = {}): Promise<ChannelOutput<C>> {
  const answer = (await dispatchRequest(con.handlers, channel, input)) as Envelope<
    ChannelOutput<C>
  >;
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

async function refused(channel: string, input: unknown, code: string, message: RegExp) {
  const answer = await dispatchRequest(con.handlers, channel, input);
  assert.equal(answer.ok, false, JSON.stringify(answer).slice(0, 300));
  if (answer.ok) return;
  assert.equal(answer.error.code, code, answer.error.message);
  assert.match(answer.error.message, message);
}

/** Logs one balance call through the real CLI into the console's database. */
async function logCall(dtmf: string, source: string): Promise<string> {
  const run = await runCliInProcess([
    'run',
    flowPath,
    '--dtmf',
    dtmf,
    '--source',
    source,
    '--var',
    `crm_base=${con.services.demoCrm.url}`,
    '--db',
    con.services.info.databasePath,
    '--json',
  ]);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  const result = JSON.parse(run.stdout) as { sessionId: string };
  return result.sessionId;
}

before(async () => {
  con = await startTestConsole();
  con.services.hub.subscribe((event) => events.push(event));
  // A copy of the sample, so the test can edit the flow "in an editor".
  flowPath = join(tempDir('ivr-flow-'), 'balance.json');
  copyFileSync(join(ROOT, 'resources/flows/balance.json'), flowPath);
  ids.gold = await logCall('12345#1111 9', '+3612345678');
  ids.wrongPin = await logCall('12345#9999', '+3611111111');
  ids.silver = await logCall('67890#2222 0', '+3619876543');
});
after(() => con.services.close());

describe('sessions.list', () => {
  test('pages newest first with the total, and filters by outcome', async () => {
    const all = await ask('sessions.list', {});
    assert.equal(all.total, 3);
    assert.deepEqual(
      all.items.map((s) => s.id),
      [ids.silver, ids.wrongPin, ids.gold],
    );
    const page = await ask('sessions.list', { limit: 2, offset: 2 });
    assert.equal(page.total, 3);
    assert.deepEqual(
      page.items.map((s) => s.id),
      [ids.gold],
    );
    const transfers = await ask('sessions.list', { status: 'transfer' });
    assert.deepEqual(
      transfers.items.map((s) => s.id),
      [ids.silver],
    );
    assert.equal(transfers.total, 1);
  });

  test('searches caller, flow and the final variables’ values, case-insensitively', async () => {
    const byCaller = await ask('sessions.list', { search: '987654' });
    assert.deepEqual(
      byCaller.items.map((s) => s.id),
      [ids.silver],
    );
    const byVariable = await ask('sessions.list', { search: 'ANNA' });
    assert.deepEqual(
      byVariable.items.map((s) => s.id),
      [ids.gold],
    );
    const byFlow = await ask('sessions.list', { search: 'balance read' });
    assert.equal(byFlow.total, 3);
    const none = await ask('sessions.list', { search: 'nobody-called' });
    assert.deepEqual(none, { total: 0, items: [] });
  });

  test('bad queries are refused with the field named', async () => {
    await refused('sessions.list', { limit: 0 }, 'invalid_input', /limit/);
    await refused('sessions.list', { limit: 10_000 }, 'invalid_input', /limit/);
    await refused('sessions.list', { status: 'done' }, 'invalid_input', /status/);
    await refused('sessions.list', { search: 'x'.repeat(201) }, 'invalid_input', /search/);
    await refused('sessions.list', { orderBy: 'id' }, 'invalid_input', /orderBy/);
  });
});

describe('sessions.get and sessions.export', () => {
  test('opens a session by id or unique prefix, with its events', async () => {
    const session = await ask('sessions.get', { id: ids.gold.slice(0, 8) });
    assert.equal(session.id, ids.gold);
    assert.equal(session.status, 'hangup');
    assert.equal(session.variables?.['customer_name'], 'Anna');
    assert.equal(session.events[0]?.type, 'call_started');
    assert.equal(session.events.at(-1)?.type, 'call_ended');
    await refused('sessions.get', { id: 'ffffffff' }, 'not_found', /no session "ffffffff"/);
    await refused('sessions.get', { id: 'abc' }, 'invalid_input', /at least 4 characters/);
    await refused('sessions.get', { id: 'zzzz-not-hex' }, 'invalid_input', /session id/);
  });

  test('exports JSON and HAR 1.2 with the exact request bodies', async () => {
    const json = await ask('sessions.export', { id: ids.gold, format: 'json' });
    assert.equal(json.fileName, `session-${ids.gold.slice(0, 8)}.json`);
    const document = JSON.parse(json.content) as { session: { id: string; events: unknown[] } };
    assert.equal(document.session.id, ids.gold);
    assert.ok(document.session.events.length > 10);

    const har = await ask('sessions.export', { id: ids.gold, format: 'har' });
    assert.equal(har.fileName, `session-${ids.gold.slice(0, 8)}.har`);
    const log = (
      JSON.parse(har.content) as {
        log: { version: string; entries: { request: { postData?: { text: string } } }[] };
      }
    ).log;
    assert.equal(log.version, '1.2');
    const auth = log.entries[0]?.request.postData?.text ?? '';
    assert.match(auth, /"pin":"1111"/);
    await refused('sessions.export', { id: ids.gold, format: 'csv' }, 'invalid_input', /format/);
  });
});

describe('save as test case', () => {
  test('appends the session as a case that the real test command passes', async () => {
    const first = await ask('sessions.saveAsTest', { id: ids.gold, name: 'gold caller' });
    assert.equal(first.path, join(con.dataDir, 'tests', 'balance.yaml'));
    assert.equal(first.caseName, 'gold caller');
    assert.equal(first.caseCount, 1);
    const second = await ask('sessions.saveAsTest', { id: ids.silver, name: 'gold caller' });
    assert.equal(second.caseName, 'gold caller (2)', 'a taken name gets a number');
    await ask('sessions.saveAsTest', { id: ids.wrongPin });
    const text = readFileSync(first.path, 'utf8');
    const saved = parseYaml(text) as {
      flow: string;
      cases: { name: string; dtmf: string; source: string; expect: Record<string, unknown> }[];
    };
    assert.equal(saved.cases.length, 3);
    assert.equal(saved.cases[0]?.dtmf, '12345#11119');
    assert.equal(saved.cases[0]?.source, '+3612345678', 'a + number stays a string');
    assert.deepEqual(saved.cases[1]?.expect['transferTarget'], 'support-queue');
    assert.match(saved.cases[2]?.name ?? '', /^Balance read-back: hangup after \d+ events/);

    const run = await runCliInProcess([
      'test',
      first.path,
      '--demo-crm',
      '--junit',
      join(tempDir(), 'junit.xml'),
    ]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /3 passed/);
  });

  test('tests.list offers the sample files and the saved one, cases with their keys', async () => {
    const files = await ask('tests.list');
    const names = files.map((f) => f.path.split(/[\\/]/).pop());
    for (const sample of ['balance.yaml', 'meter-reading.yaml', 'personalised-menu.yaml']) {
      assert.ok(names.includes(sample), `${sample} listed`);
    }
    const saved = files.find((f) => f.saved);
    assert.ok(saved, 'the saved file is listed');
    assert.equal(saved.flowPath, flowPath);
    assert.deepEqual(saved.problems, []);
    assert.deepEqual(saved.cases[0]?.steps, [...'12345#11119']);
    const sample = files.find((f) => !f.saved && f.path.endsWith('balance.yaml'));
    assert.equal(sample?.flowName, 'Balance read-back');
    assert.ok((sample?.cases.length ?? 0) >= 5);
  });
});

describe('sessions.rerun', () => {
  test('with recorded replies, an unchanged flow gives the same call', async () => {
    const report = await ask('sessions.rerun', { id: ids.gold, mode: 'mock' });
    assert.equal(report.comparison.same, true, JSON.stringify(report.comparison.differences));
    assert.equal(report.script, '12345#11119');
    assert.deepEqual(report.rerun.path, report.original.path);
  });

  test('live against the demo CRM gives the same call', async () => {
    const report = await ask('sessions.rerun', {
      id: ids.silver,
      mode: 'live',
      environmentId: 'demo',
    });
    assert.equal(report.comparison.same, true, JSON.stringify(report.comparison.differences));
    assert.equal(report.rerun.transferTarget, 'support-queue');
  });

  test('a flow edited on disk is reported as changed and diverges where it was edited', async () => {
    await ask('flows.open', { path: flowPath });
    const before = events.length;
    const flow = JSON.parse(readFileSync(flowPath, 'utf8')) as {
      nodes: Record<string, { say?: string }>;
    };
    const node = flow.nodes['read_balance'];
    assert.ok(node);
    node.say = 'Your account balance is';
    writeFileSync(flowPath, JSON.stringify(flow, null, 2));

    const deadline = Date.now() + 10_000;
    while (!events.slice(before).some((e) => e.kind === 'flow_changed')) {
      assert.ok(Date.now() < deadline, 'flow_changed within 10 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(
      events.slice(before).filter((e) => e.kind === 'flow_changed'),
      [{ kind: 'flow_changed', path: flowPath }],
      'one event for one save',
    );

    const report = await ask('sessions.rerun', { id: ids.gold, mode: 'mock' });
    assert.equal(report.comparison.same, false);
    const first = report.comparison.firstDivergence;
    assert.equal(first?.kind, 'spoken');
    assert.match(JSON.stringify(first?.rerun), /Your account balance is/);
    assert.match(JSON.stringify(first?.original), /Your balance is/);
  });

  test('unknown sessions and environments are refused', async () => {
    await refused('sessions.rerun', { id: 'ffffffff', mode: 'mock' }, 'not_found', /no session/);
    await refused(
      'sessions.rerun',
      { id: ids.gold, mode: 'live', environmentId: 'staging' },
      'not_found',
      /no environment "staging"/,
    );
    await refused('sessions.rerun', { id: ids.gold, mode: 'fast' }, 'invalid_input', /mode/);
  });
});

describe('sessions.delete', () => {
  test('deletes a session and everything it logged', async () => {
    await ask('sessions.delete', { id: ids.wrongPin });
    const left = await ask('sessions.list', {});
    assert.equal(left.total, 2);
    assert.ok(!left.items.some((s) => s.id === ids.wrongPin));
    await refused('sessions.get', { id: ids.wrongPin }, 'not_found', /no session/);
    await refused('sessions.delete', { id: ids.wrongPin }, 'not_found', /no session/);
    await refused('sessions.delete', { id: ids.gold.slice(0, 8) }, 'invalid_input', /UUID/);
  });
});
