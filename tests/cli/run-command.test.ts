import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { BALANCE_PATH_TO_OPTIONS } from '../helpers/balance-flow.ts';
import { firstLine, spawnCli, tempDir } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import { failingWebhookRun } from './failing-webhook-flow.ts';

const BALANCE = 'resources/flows/balance.json';

describe('ivr-console run', () => {
  test('--demo-crm --json: the balance call completes with the balance read back, exactly one JSON document', async () => {
    const db = join(tempDir(), 'sessions.db');
    const run = await runCliInProcess([
      'run',
      BALANCE,
      '--demo-crm',
      '--dtmf',
      '12345#1111',
      '--json',
      '--db',
      db,
    ]);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(doc).slice(0, 10), [
      'flow',
      'sessionId',
      'outcome',
      'endedBy',
      'transferTarget',
      'path',
      'variables',
      'spoken',
      'webhooks',
      'warnings',
    ]);
    assert.equal(doc.flow, 'balance');
    assert.equal(doc.outcome, 'hangup');
    assert.equal(doc.endedBy, 'caller');
    assert.equal(doc.transferTarget, null);
    assert.deepEqual(doc.path, BALANCE_PATH_TO_OPTIONS);
    assert.ok(doc.spoken.includes('Your balance is 1,250.75 euros'));
    assert.equal(doc.variables.customer_id, '12345');
    assert.equal(doc.variables.authenticated, true);
    assert.deepEqual(doc.variables.account, { balance: 1250.75, currency: 'EUR' });
    assert.equal(doc.variables.balance, 1250.75);
    assert.deepEqual(Object.keys(doc.webhooks[0]), [
      'node',
      'method',
      'url',
      'requestBody',
      'onHangup',
      'status',
      'ok',
      'error',
      'violations',
      'warnings',
      'variablesSet',
      'durationMs',
    ]);
    assert.equal(doc.webhooks[0].node, 'auth');
    assert.deepEqual(JSON.parse(doc.webhooks[0].requestBody), {
      id: '12345',
      pin: '1111',
      caller: '+3612345678',
    });
    assert.equal(doc.webhooks[0].status, 200);
    assert.equal(doc.webhooks[1].variablesSet.balance, 1250.75);
    assert.match(doc.sessionId, /^[0-9a-f-]{36}$/);
    assert.equal(doc.sessionId, doc.variables.uuid);
    assert.ok(existsSync(db));
    const shown = await runCliInProcess(['sessions', 'show', doc.sessionId, '--json', '--db', db]);
    assert.equal(shown.code, 0, shown.stderr);
    const session = JSON.parse(shown.stdout);
    assert.equal(session.status, 'hangup');
    assert.equal(session.events.filter((e: { type: string }) => e.type === 'webhook').length, 2);
  });

  test('the same call against `mock-crm --port 0` in another process gives the same result', async () => {
    const crm = spawnCli(['mock-crm', '--port', '0']);
    try {
      const line = await firstLine(crm);
      assert.match(line, /^listening on http:\/\/127\.0\.0\.1:\d+$/);
      const url = line.slice('listening on '.length);
      const run = await runCliInProcess([
        'run',
        BALANCE,
        '--var',
        `crm_base=${url}`,
        '--dtmf',
        '12345#1111',
        '--json',
        '--no-log',
      ]);
      assert.equal(run.code, 0, run.stderr);
      const doc = JSON.parse(run.stdout);
      assert.equal(doc.sessionId, null);
      assert.equal(doc.outcome, 'hangup');
      assert.ok(doc.spoken.includes('Your balance is 1,250.75 euros'));
      assert.ok(doc.webhooks.every((w: { url: string }) => w.url.startsWith(url)));
    } finally {
      crm.kill('SIGTERM');
      const [code] = await once(crm, 'exit');
      assert.equal(code, 0, 'mock-crm stops cleanly on SIGTERM');
    }
  });

  test('a wrong PIN is denied; pressing 0 after the balance transfers to an agent', async () => {
    const denied = await runCliInProcess([
      'run',
      BALANCE,
      '--demo-crm',
      '--dtmf',
      '12345#9999',
      '--json',
      '--no-log',
    ]);
    assert.equal(denied.code, 0);
    const doc = JSON.parse(denied.stdout);
    assert.deepEqual(doc.path.slice(-2), ['check', 'denied']);
    assert.equal(doc.endedBy, 'flow');
    const agent = JSON.parse(
      (
        await runCliInProcess([
          'run',
          BALANCE,
          '--demo-crm',
          '--dtmf',
          '67890#22220',
          '--json',
          '--no-log',
        ])
      ).stdout,
    );
    assert.equal(agent.outcome, 'transfer');
    assert.equal(agent.transferTarget, 'support-queue');
    assert.ok(agent.spoken.includes('Your balance is -42.10 euros'));
  });

  test('the personalised menu greets a known caller and offers the gold menu', async () => {
    const run = await runCliInProcess([
      'run',
      'resources/flows/personalised-menu.json',
      '--demo-crm',
      '--dtmf',
      '1',
      '--json',
      '--no-log',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout);
    assert.equal(doc.spoken[0], 'Hello Anna, welcome back to Example Telecom.');
    assert.equal(doc.variables.offer, 'a free upgrade to premium support this month');
    assert.equal(doc.transferTarget, 'gold-advisors');
    const stranger = JSON.parse(
      (
        await runCliInProcess([
          'run',
          'resources/flows/personalised-menu.json',
          '--demo-crm',
          '--source',
          '+15550000',
          '--dtmf',
          '2',
          '--json',
          '--no-log',
        ])
      ).stdout,
    );
    assert.equal(stranger.spoken[0], 'Welcome to Example Telecom.');
    assert.equal(stranger.transferTarget, 'tech-support');
  });

  test('the meter reading is read back, submitted, and reported on hang-up with end-of-call values', async () => {
    const run = await runCliInProcess([
      'run',
      'resources/flows/meter-reading.json',
      '--demo-crm',
      '--dtmf',
      '1002004902#1',
      '--json',
      '--no-log',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout);
    assert.ok(doc.spoken.includes('Your last reading was 4,821'));
    assert.ok(doc.spoken.includes('You entered 4 9 0 2'));
    assert.ok(
      doc.spoken.includes(
        'Thank you. Your consumption since the last reading is 81 kilowatt hours.',
      ),
    );
    const report = doc.webhooks.at(-1);
    assert.equal(report.node, 'register_report');
    assert.equal(report.onHangup, true);
    assert.equal(report.status, 200);
    const sent = new URLSearchParams(report.requestBody);
    assert.equal(sent.get('meter'), '100200');
    assert.equal(sent.get('reading'), '4902');
    assert.equal(sent.get('accepted'), 'true');
    assert.equal(sent.get('uuid'), doc.variables.uuid);
  });

  test('a webhook failure with no onError ends in error: exit 1 with the code', async () => {
    const run = await runCliInProcess(await failingWebhookRun(tempDir()));
    assert.equal(run.code, 1, run.stderr);
    const doc = JSON.parse(run.stdout);
    assert.equal(doc.outcome, 'error');
    assert.equal(doc.webhooks[0].error, 'network_error');
    assert.match(doc.webhooks[0].violations[0].detail, /ECONNREFUSED|refused/i);
  });

  test('usage errors and invalid flows exit 2 with a message on stderr and nothing on stdout', async () => {
    const dir = tempDir();
    const invalid = join(dir, 'invalid.json');
    writeFileSync(
      invalid,
      JSON.stringify({
        id: 'x',
        name: 'X',
        start: 'a',
        nodes: { a: { type: 'play', say: 'hi', next: 'nowhere' } },
      }),
    );
    const cases: [string[], RegExp][] = [
      [['run'], /name exactly one flow file/],
      [['run', BALANCE, '--bogus'], /Unknown option '--bogus'/],
      [['run', BALANCE, '--dtmf', '12x'], /"x" at position 3 is not a key/],
      [['run', BALANCE, '--var', 'uuid=1'], /system variable/],
      [['run', BALANCE, '--var', 'Bad=1'], /invalid variable name/],
      [['run', 'no/such/flow.json'], /no such file/],
      [['run', invalid, '--json'], /\/nodes\/a\/next: edge to missing node "nowhere"/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['run', BALANCE, '--demo-crm', '--var', 'crm_base=http://x'], /both set crm_base/],
    ];
    for (const [args, message] of cases) {
      const run = await runCliInProcess(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.equal(run.stdout, '', `${args.join(' ')} printed on stdout`);
    }
  });
});
