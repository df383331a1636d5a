/**
 * The CLI as a real child process (`node src/main/cli/main.ts`), for what the in-process tests
 * (tests/helpers/cli-in-process.ts) leave out: the entry point's streams and exit statuses. The
 * commands themselves are tested in-process; mock-crm's signals are in run-command.test.ts.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCliProcess, tempDir } from '../helpers/cli-process.ts';
import { closedPort } from '../webhook/helpers.ts';

describe('ivr-console as a process', () => {
  test('exit 0: a valid flow, and --help of a command, on stdout', async () => {
    const valid = await runCliProcess(['validate', 'resources/flows/balance.json']);
    assert.equal(valid.code, 0, valid.stderr);
    assert.match(valid.stdout, /balance\.json/);
    const help = await runCliProcess(['run', '--help']);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^usage: ivr-console run/m);
    assert.equal(help.stderr, '');
  });

  test('exit 1: a call that ends in error, its document on stdout', async () => {
    // A webhook to a port nothing listens on, and no onError to go to.
    const flow = join(tempDir('ivr-cli-process-'), 'fails.json');
    writeFileSync(
      flow,
      JSON.stringify({
        id: 'fails',
        name: 'Fails',
        start: 'hook',
        variables: { crm_base: 'http://127.0.0.1:1' },
        nodes: {
          hook: { type: 'http', method: 'GET', url: '${crm_base}/x', next: 'bye' },
          bye: { type: 'hangup' },
        },
      }),
    );
    const port = await closedPort();
    const run = await runCliProcess([
      'run',
      flow,
      '--var',
      `crm_base=http://127.0.0.1:${port}`,
      '--json',
      '--no-log',
    ]);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(JSON.parse(run.stdout).outcome, 'error');
  });

  test('exit 2: a usage error names the problem on stderr, nothing on stdout', async () => {
    const missing = join(tempDir('ivr-cli-process-'), 'nope.json');
    const run = await runCliProcess(['validate', missing, '--frobnicate']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /--frobnicate/);
  });
});
