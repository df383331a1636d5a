/**
 * `--db` from the terminal (commands run in-process: tests/helpers/cli-in-process.ts): the
 * commands that only read never create anything (a mistyped path is an error naming it), a file
 * that is not a session log is refused by every command and left byte for byte as it was, a new
 * path still becomes a fresh log for a command that logs, and a log in a folder nobody may write
 * to can still be listed.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { openSessionStore } from '../../src/main/store/session-store.ts';
import { ROOT, tempDir, type CliRun } from '../helpers/cli-process.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';

const FLOW = join(ROOT, 'resources/flows/balance.json');
const work = tempDir('ivr-db-option-');
after(() => rmSync(work, { recursive: true, force: true }));
/** The default data dir of every run: inside `work`, so nothing is left behind. */
const env = { IVR_CONSOLE_DATA_DIR: join(work, 'data') };
const cli = (args: string[]): Promise<CliRun> => runCliInProcess(args, env);

/** Every file in `dir` with the SHA-256 of its bytes. */
function fingerprint(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    files[name] = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex');
  }
  return files;
}

/** A fresh folder under `work`. */
function folder(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  return dir;
}

describe('--db', () => {
  test('reading commands never create a missing log or its folders', async () => {
    const missing = join(work, 'typo', 'deeper', 'sesions.db');
    const runs: [string[], number][] = [
      [['sessions', 'list'], 1],
      [['sessions', 'show', 'abcd'], 1],
      [['sessions', 'export', 'abcd', '--format', 'json'], 1],
      [['replay', 'abcd', '--mock-webhooks'], 2],
    ];
    for (const [args, code] of runs) {
      const run = await cli([...args, '--db', missing]);
      assert.equal(run.code, code, `${args.join(' ')}: ${run.stderr}`);
      assert.ok(
        run.stderr.includes(`cannot open session database ${missing}: it does not exist`),
        run.stderr,
      );
      assert.equal(existsSync(join(work, 'typo')), false, `${args.join(' ')} created folders`);
    }
  });

  test("another program's database, or a newer release's, is refused by every command, untouched", async () => {
    const dir = folder('foreign');
    const foreign = join(dir, 'crm.sqlite');
    const crm = new Database(foreign);
    crm.exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);
              INSERT INTO customers (name) VALUES ('Ada')`);
    crm.close();
    const future = join(dir, 'future.sqlite');
    const newer = new Database(future);
    newer.pragma('journal_mode = DELETE');
    newer.exec('CREATE TABLE t (x)');
    newer.pragma('user_version = 99');
    newer.close();
    const before = fingerprint(dir);
    for (const [file, reason] of [
      [foreign, /not an IVR Test Console session log/],
      [future, /has schema version 99/],
    ] as const) {
      for (const args of [
        ['run', FLOW, '--dtmf', '', '--db', file],
        ['sessions', 'list', '--db', file],
        ['replay', 'abcd', '--mock-webhooks', '--db', file],
      ]) {
        const run = await cli(args);
        assert.notEqual(run.code, 0, args.join(' '));
        assert.ok(run.stderr.includes(file), run.stderr);
        assert.match(run.stderr, reason);
        assert.deepEqual(fingerprint(dir), before, `${args.join(' ')} changed ${dir}`);
      }
    }
  });

  test('a new path still becomes a fresh log for a command that logs', async () => {
    const file = join(work, 'new', 'nested', 'new.sqlite');
    const run = await cli(['run', FLOW, '--dtmf', '', '--db', file, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const { sessionId } = JSON.parse(run.stdout);
    const list = await cli(['sessions', 'list', '--db', file, '--json']);
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual(
      JSON.parse(list.stdout).map((s: { id: string }) => s.id),
      [sessionId],
    );
  });

  test('a log in a folder nobody may write to can be listed', async (t) => {
    const unprivileged = withoutWriteAccess();
    if ('skip' in unprivileged) return t.skip(unprivileged.skip);
    const dir = folder('read-only');
    const file = join(dir, 'sessions.db');
    const store = openSessionStore({ path: file });
    store
      .begin({
        id: 'read-only-folder',
        flowId: 'balance',
        flowName: 'Balance',
        flowPath: null,
        source: '+3612345678',
        destination: '+3612000000',
        startedAt: Date.now(),
      })
      .finish({
        outcome: 'hangup',
        endedBy: 'flow',
        transferTarget: null,
        durationMs: 5,
        variables: {},
      });
    store.close();
    chmodSync(dir, 0o555);
    t.after(() => chmodSync(dir, 0o755));
    const before = fingerprint(dir);

    // The provocation is real: this process cannot create a file there.
    const probe = await unprivileged.run([
      '-e',
      `try { require('fs').writeFileSync(${JSON.stringify(join(dir, 'x'))}, '') } catch (e) { process.exit(e.code === 'EACCES' ? 3 : 1) }`,
    ]);
    assert.equal(probe.code, 3, `the folder should refuse writes: ${probe.stderr}`);

    const list = await unprivileged.run([
      join(ROOT, 'src/main/cli/main.ts'),
      'sessions',
      'list',
      '--db',
      file,
      '--json',
    ]);
    assert.equal(list.code, 0, list.stderr);
    assert.deepEqual(
      JSON.parse(list.stdout).map((s: { id: string }) => s.id),
      ['read-only-folder'],
    );
    assert.deepEqual(fingerprint(dir), before);
  });
});

/**
 * A way to run node without write access to a 0555 folder, or why there is none here. As root,
 * chmod stops nothing (CAP_DAC_OVERRIDE), so the child gives up that capability via setpriv.
 */
function withoutWriteAccess(): { run: (args: string[]) => Promise<CliRun> } | { skip: string } {
  if (process.platform === 'win32') {
    return { skip: "Windows: a folder's read-only attribute does not stop creating files in it" };
  }
  let prefix: string[] = [];
  if (process.getuid?.() === 0) {
    const drop = ['--bounding-set=-dac_override,-dac_read_search', '--'];
    if (spawnSync('setpriv', [...drop, 'true']).status !== 0) {
      return { skip: 'running as root without setpriv: chmod 0555 cannot stop root writing' };
    }
    prefix = ['setpriv', ...drop];
  }
  return {
    run: (args) =>
      new Promise((resolve, reject) => {
        const [command, ...rest] = [...prefix, process.execPath, ...args] as [string, ...string[]];
        const child = spawn(command, rest, {
          cwd: ROOT,
          env: { ...process.env, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      }),
  };
}
