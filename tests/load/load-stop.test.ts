/**
 * Ctrl-C during `ivr-console load`, in a real child process: no more calls are placed, those in
 * progress hang up, the figures so far are printed, the exit status is 1 (not every call
 * completed), and the process ends on its own (no worker thread left running).
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { spawnCli } from '../helpers/cli-process.ts';
import { startScriptedCrm } from '../helpers/scripted-crm.ts';
import type { ScriptedCrm } from '../helpers/scripted-crm.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { writeLookupFlow } from './lookup-load-fixture.ts';

let crm: ScriptedCrm | undefined;
after(async () => {
  await crm?.close();
});

test('SIGINT stops the run: the figures so far, exit 1, the process ends', async () => {
  crm = await startScriptedCrm(() => ({ delayMs: 50, status: 200, body: '{"ok":"yes"}' }));
  const flow = writeLookupFlow(tempDir('ivr-load-stop-'));
  const child = spawnCli([
    'load',
    flow,
    '--var',
    `crm_base=${crm.url}`,
    '--calls',
    '100000',
    '--concurrency',
    '5',
    '--json',
  ]);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // Once the first progress line shows calls done, press Ctrl-C.
  const deadline = Date.now() + 20_000;
  while (!/load: [1-9]\d*\/100000 calls/.test(stderr)) {
    assert.ok(Date.now() < deadline, `no progress within 20 s:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 1, stderr);
  const json = JSON.parse(stdout) as { calls: { total: number; completed: number } };
  assert.equal(json.calls.total, 100_000);
  assert.ok(json.calls.completed > 0 && json.calls.completed < 100_000, stdout);
  const served = crm.log.length;
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(crm.log.length, served, 'no request after the process ended');
});
