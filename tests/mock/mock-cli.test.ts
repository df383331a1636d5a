/**
 * The example workspace's mock environment from the CLI, run as real child processes: `run`,
 * `send`, `test` and `load` all get the mocked replies, and say which nodes are mocked.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { LoadJson } from '../../src/shared/load/load-types.ts';
import { ROOT, runCliProcess, tempDir } from '../helpers/cli-process.ts';

const BALANCE = 'resources/flows/balance.json';
const MOCK_ENV = 'resources/workspace-example/environments/mock.yaml';
const MOCKED_LINE =
  /mock replies for auth, fetch_balance from http:\/\/127\.0\.0\.1:\d+ \(environment Mock CRM\)/;

describe('the mock environment from the CLI', () => {
  test('run: mocked replies all the way to the balance read back', async () => {
    const run = await runCliProcess([
      'run',
      BALANCE,
      '--env',
      MOCK_ENV,
      '--dtmf',
      '12345#1111',
      '--no-log',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, MOCKED_LINE);
    const doc = JSON.parse(run.stdout);
    assert.deepEqual(doc.path.slice(-4), ['greet', 'fetch_balance', 'read_balance', 'options']);
    assert.ok(doc.spoken.includes('Hello Anna.'));
    assert.ok(doc.spoken.includes('Your balance is 1,250.75 euros'), doc.spoken.join('\n'));
    const [auth, balance] = doc.webhooks;
    assert.equal(auth.url, 'https://crm.invalid/ivr/auth', 'the URL as the flow renders it');
    assert.equal(auth.mock.rule, 1);
    assert.match(auth.mock.server, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(balance.url, 'https://crm.invalid/ivr/balance?id=12345');
    assert.deepEqual(balance.variablesSet, { balance: 1250.75 });
  });

  test('run: a PIN that the mock refuses takes auth onError', async () => {
    const run = await runCliProcess([
      'run',
      BALANCE,
      '--env',
      MOCK_ENV,
      '--dtmf',
      '12345#2222',
      '--no-log',
      '--json',
    ]);
    const doc = JSON.parse(run.stdout);
    assert.deepEqual(doc.path.slice(-2), ['auth', 'technical']);
    assert.equal(doc.webhooks[0].error, 'network_error');
    assert.match(doc.webhooks[0].violations[0].detail, /ECONNREFUSED/);
  });

  test('replay: a logged call re-run live against the mocks matches', async () => {
    const db = join(tempDir('ivr-mock-db-'), 'sessions.db');
    const env = ['--env', MOCK_ENV, '--db', db];
    const run = await runCliProcess(['run', BALANCE, '--dtmf', '12345#1111', '--json', ...env]);
    assert.equal(run.code, 0, run.stderr);
    const { sessionId } = JSON.parse(run.stdout) as { sessionId: string };
    const replay = await runCliProcess(['replay', sessionId, '--flow', BALANCE, ...env]);
    assert.equal(replay.code, 0, `${replay.stdout}\n${replay.stderr}`);
    assert.match(replay.stderr, MOCKED_LINE);
    assert.match(replay.stdout, /SAME: the re-run matches the original/);
  });

  test('send: one mocked node outside a call', async () => {
    const run = await runCliProcess([
      'send',
      BALANCE,
      '--node',
      'fetch_balance',
      '--env',
      MOCK_ENV,
      '--var',
      'customer_id=44444',
      '--json',
    ]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, MOCKED_LINE);
    const exchange = JSON.parse(run.stdout);
    assert.equal(exchange.status, 500);
    assert.equal(exchange.error, 'http_status');
    assert.equal(exchange.mock.rule, 4);
  });

  test('test: a case file passes against the mocks', async () => {
    const dir = tempDir('ivr-mock-cli-');
    const cases = join(dir, 'mocked.yaml');
    writeFileSync(
      cases,
      `flow: ${join(ROOT, BALANCE)}
cases:
  - name: authenticated
    dtmf: '12345#1111'
    expect: { path_includes: [read_balance], variables: { customer_name: Anna } }
  - name: CRM times out
    dtmf: '33333#1111'
    expect: { path_includes: [fetch_balance, technical] }
  - name: unknown PIN
    dtmf: '12345#9876'
    expect: { path_includes: [denied] }
`,
    );
    const run = await runCliProcess(['test', cases, '--env', MOCK_ENV]);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stderr, MOCKED_LINE);
  });

  test('load: every call gets the mocked replies (worker threads included)', async () => {
    const run = await runCliProcess([
      'load',
      BALANCE,
      '--env',
      MOCK_ENV,
      '--dtmf',
      '12345#1111',
      '--calls',
      '20',
      '--concurrency',
      '4',
      '--json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, MOCKED_LINE);
    const json = JSON.parse(run.stdout) as LoadJson;
    assert.equal(json.calls.completed, 20);
    assert.equal(json.webhooks.auth?.ok, 20);
    assert.equal(json.webhooks.fetch_balance?.ok, 20);
  });
});
