/**
 * The CLI as a real child process (`node src/main/cli/main.ts`), for what the in-process tests
 * (tests/helpers/cli-in-process.ts) leave out: the entry point's streams and exit statuses. The
 * commands themselves are tested in-process; mock-crm's signals are in run-command.test.ts.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT, runCliProcess, tempDir } from '../helpers/cli-process.ts';
import { failingWebhookRun } from './failing-webhook-flow.ts';

describe('ivr-console as a process', () => {
  test("package.json's bin is the CLI's source, runnable without a build (npm link)", async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    const bin = join(ROOT, pkg.bin['ivr-console']!);
    assert.equal(bin, join(ROOT, 'src/main/cli/main.ts'));
    assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    const run = await new Promise<{ code: number | null; out: string }>((done, fail) => {
      const child = spawn(process.execPath, [bin, '--help'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.on('error', fail);
      child.on('close', (code) => done({ code, out }));
    });
    assert.equal(run.code, 0);
    assert.match(run.out, /^usage: ivr-console <command>/m);
  });

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
    const run = await runCliProcess(await failingWebhookRun(tempDir('ivr-cli-process-')));
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
