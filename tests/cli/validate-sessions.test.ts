import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { tempDir } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';

describe('ivr-console validate', () => {
  test('the sample flows are valid: exit 0', async () => {
    const run = await runCliInProcess([
      'validate',
      'resources/flows/balance.json',
      'resources/flows/personalised-menu.json',
      'resources/flows/meter-reading.json',
    ]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.stdout.match(/: valid \(0 errors, 0 warnings\)/g)?.length, 3);
  });

  test('an invalid flow: exit 1, every problem with its pointer; --json lists them', async () => {
    const dir = tempDir();
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'bad',
        name: 'Bad',
        start: 'ask',
        nodes: {
          ask: { type: 'getDigits', say: 'x', variable: 'id', next: 'auth' },
          auth: {
            type: 'http',
            method: 'GET',
            url: 'http://127.0.0.1/a?pin=${pin}',
            body: 'a=1',
            next: 'gone',
          },
        },
      }),
    );
    const run = await runCliInProcess(['validate', file]);
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /error \/nodes\/auth\/body: a body is only allowed with POST or PUT, not GET/,
    );
    assert.match(run.stdout, /error \/nodes\/auth\/next: edge to missing node "gone"/);
    assert.match(run.stdout, /warning \/nodes\/auth\/url: unknown variable \$\{pin\}/);
    const json = await runCliInProcess(['validate', file, '--json']);
    const [doc] = JSON.parse(json.stdout);
    assert.equal(doc.ok, false);
    assert.ok(
      doc.problems.some(
        (p: { pointer: string; severity: string }) =>
          p.pointer === '/nodes/auth/body' && p.severity === 'error',
      ),
    );
  });

  test('a file that is not JSON names the line and column', async () => {
    const file = join(tempDir(), 'broken.json');
    writeFileSync(file, '{\n  "id": "x",\n  "name": \n}');
    const run = await runCliInProcess(['validate', file]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /error \/: not valid JSON at line 4 column 1: Unexpected token/);
  });

  test('no file given, or a missing file: exit 2', async () => {
    assert.equal((await runCliInProcess(['validate'])).code, 2);
    const missing = await runCliInProcess(['validate', 'nope.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.json: no such file/);
  });

  test('several files with an unreadable one: every file gets its verdict, in --json too', async () => {
    const dir = tempDir();
    const latin = join(dir, 'latin1.json');
    writeFileSync(latin, Buffer.from('{"id":"caf\xe9"}', 'latin1'));
    const run = await runCliInProcess([
      'validate',
      '--json',
      'resources/flows/balance.json',
      latin,
      join(dir, 'gone.json'),
      'resources/flows/meter-reading.json',
    ]);
    assert.equal(run.code, 2, run.stderr);
    const doc = JSON.parse(run.stdout) as { file: string; ok: boolean; problems: unknown[] }[];
    assert.deepEqual(
      doc.map((d) => d.ok),
      [true, false, false, true],
    );
    assert.match(JSON.stringify(doc[1]?.problems), /unreadable-file.*not valid UTF-8/);
    assert.match(JSON.stringify(doc[2]?.problems), /no such file/);
    assert.match(run.stderr, /latin1\.json: not valid UTF-8/);
    assert.match(run.stderr, /gone\.json: no such file/);
  });
});

describe('ivr-console sessions', () => {
  test('list and show, human and --json; unknown ids and bad options', async () => {
    const db = join(tempDir(), 'sessions.db');
    for (const dtmf of ['12345#1111', '12345#9999']) {
      const run = await runCliInProcess([
        'run',
        'resources/flows/balance.json',
        '--demo-crm',
        '--dtmf',
        dtmf,
        '--db',
        db,
      ]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /session [0-9a-f-]{36} logged to /);
    }
    await runCliInProcess([
      'run',
      'resources/flows/meter-reading.json',
      '--demo-crm',
      '--dtmf',
      '100200',
      '--db',
      db,
    ]);
    const list = await runCliInProcess(['sessions', 'list', '--db', db, '--json']);
    assert.equal(list.code, 0, list.stderr);
    const sessions = JSON.parse(list.stdout);
    assert.equal(sessions.length, 3);
    assert.equal(sessions[0].flowId, 'meter-reading', 'newest first');
    assert.ok(sessions[0].startedAt >= sessions[1].startedAt);
    const balanceOnly = JSON.parse(
      (await runCliInProcess(['sessions', 'list', '--db', db, '--flow', 'balance', '--json']))
        .stdout,
    );
    assert.equal(balanceOnly.length, 2);
    const limited = JSON.parse(
      (await runCliInProcess(['sessions', 'list', '--db', db, '--limit', '1', '--json'])).stdout,
    );
    assert.equal(limited.length, 1);
    const human = await runCliInProcess(['sessions', 'list', '--db', db]);
    assert.match(human.stdout, /meter-reading\s+\+3612345678\s+hangup/);

    const show = await runCliInProcess([
      'sessions',
      'show',
      sessions[2].id.slice(0, 8),
      '--db',
      db,
    ]);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /http POST http:\/\/127\.0\.0\.1:\d+\/ivr\/auth .*-> 200 OK/);
    assert.match(show.stdout, /say {2}"Your balance is 1,250.75 euros"/);

    const unknown = await runCliInProcess(['sessions', 'show', 'ffffffff', '--db', db]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no session "ffffffff"/);
    assert.equal((await runCliInProcess(['sessions', 'list', '--db', db, '--limit', 'x'])).code, 2);
    assert.equal((await runCliInProcess(['sessions', 'frob', '--db', db])).code, 2);
  });
});
