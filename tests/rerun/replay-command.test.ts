/**
 * `ivr-console replay`: exit statuses (0 same, 1 different, 2 usage / unknown session / bad flow),
 * the `--json` document's shape, prefixes, `--log`, and the human report of a match.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { tempDir } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import type { Recorded } from './rerun-helpers.ts';
import { BALANCE, copyFlow, record, replay, replayJson } from './rerun-helpers.ts';

let recorded: Recorded;

before(async () => {
  recorded = await record(BALANCE, '12345#1111');
});

describe('ivr-console replay', () => {
  test('--json: exactly one document with the documented fields; exit 0 when the same', async () => {
    const run = await replay(recorded, ['--mock-webhooks', '--json']);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(doc), [
      'sessionId',
      'flow',
      'flowPath',
      'mode',
      'same',
      'firstDivergence',
      'differences',
      'callerScript',
      'original',
      'rerun',
    ]);
    assert.equal(doc.sessionId, recorded.id);
    assert.equal(doc.flow, 'balance');
    assert.equal(doc.flowPath, BALANCE);
    assert.equal(doc.mode, 'mock');
    assert.equal(doc.same, true);
    assert.equal(doc.callerScript, '12345#1111, then hangs up');
    assert.deepEqual(Object.keys(doc.original), [
      'outcome',
      'endedBy',
      'transferTarget',
      'path',
      'spoken',
    ]);
    assert.deepEqual(Object.keys(doc.rerun), [...Object.keys(doc.original), 'sessionId']);
    assert.equal(doc.rerun.sessionId, null, 'not logged by default');
    assert.equal(doc.original.outcome, 'hangup');
    assert.equal(doc.original.endedBy, 'caller');
  });

  test('a prefix of 4+ characters finds the session; the human report says SAME', async () => {
    const run = await runCliInProcess([
      'replay',
      recorded.id.slice(0, 8),
      '--mock-webhooks',
      '--db',
      recorded.db,
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^replay of session ${recorded.id} \\(balance, `));
    assert.match(run.stdout, /\ncaller: 12345#1111, then hangs up\n/);
    assert.match(
      run.stdout,
      /\nSAME: the re-run matches the original: 9 steps, 6 prompts, 2 webhook exchanges/,
    );
  });

  test('--log logs the re-run as a session of its own', async () => {
    const doc = await replayJson(recorded, ['--mock-webhooks', '--log'], 0);
    assert.match(doc.rerun.sessionId ?? '', /^[0-9a-f-]{36}$/);
    assert.notEqual(doc.rerun.sessionId, recorded.id);
    const shown = await runCliInProcess([
      'sessions',
      'show',
      doc.rerun.sessionId as string,
      '--json',
      '--db',
      recorded.db,
    ]);
    assert.equal(shown.code, 0, shown.stderr);
    const session = JSON.parse(shown.stdout);
    assert.equal(session.status, 'hangup');
    assert.equal(session.flowPath, BALANCE);
  });

  test('exit 1 when the re-run differs', async () => {
    const flow = copyFlow(BALANCE);
    const mine = await record(flow, '12345#1111');
    writeFileSync(flow, readAndChange(flow));
    const run = await replay(mine, ['--mock-webhooks']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /DIFFERENT: 1 difference\n/);
  });

  describe('exit 2', () => {
    const expectUsage = async (args: string[], message: RegExp): Promise<void> => {
      const run = await runCliInProcess(['replay', ...args]);
      assert.equal(run.code, 2, `${run.stdout}\n${run.stderr}`);
      assert.equal(run.stdout, '', 'nothing on stdout');
      assert.match(run.stderr, message);
    };

    test('no session id, or two', async () => {
      await expectUsage(['--db', recorded.db], /name one session id/);
      await expectUsage(['a', 'b', '--db', recorded.db], /name one session id/);
    });

    test('an unknown session, or a prefix shorter than 4 characters', async () => {
      await expectUsage(['ffffffff', '--db', recorded.db], /no session "ffffffff" in /);
      await expectUsage([recorded.id.slice(0, 3), '--db', recorded.db], /no session /);
    });

    test('a missing or invalid flow file', async () => {
      const missing = join(tempDir(), 'gone.json');
      await expectUsage(
        [recorded.id, '--db', recorded.db, '--flow', missing],
        /gone\.json: no such file/,
      );
      const invalid = join(tempDir(), 'invalid.json');
      writeFileSync(invalid, JSON.stringify({ id: 'x', start: 'nowhere', nodes: {} }));
      await expectUsage(
        [recorded.id, '--db', recorded.db, '--flow', invalid],
        /invalid\.json is not a valid flow:\n {2}error \//,
      );
    });

    test('contradicting or malformed options', async () => {
      await expectUsage(
        [recorded.id, '--db', recorded.db, '--mock-webhooks', '--demo-crm'],
        /--demo-crm and --mock-webhooks contradict/,
      );
      await expectUsage(
        [recorded.id, '--db', recorded.db, '--demo-crm', '--var', 'crm_base=http://x'],
        /both set crm_base/,
      );
      await expectUsage([recorded.id, '--db', recorded.db, '--var', 'uuid=1'], /system variable/);
      await expectUsage(
        [recorded.id, '--db', recorded.db, '--var', 'novalue'],
        /expected name=value/,
      );
      await expectUsage(
        [recorded.id, '--db', recorded.db, '--speed', '2'],
        /replay: Unknown option/,
      );
    });
  });
});

/** The flow file with the options prompt reworded: one spoken difference. */
function readAndChange(path: string): string {
  const text = readFileSync(path, 'utf8');
  const changed = text.replace('To hear your balance again, press 1.', 'Press 1 to hear it again.');
  assert.notEqual(changed, text);
  return changed;
}
