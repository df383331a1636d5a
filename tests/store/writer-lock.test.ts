/**
 * Is a session's writer still at work? Asked of the lock its process holds (writer-lock.ts), which
 * the OS drops when the process ends, rather than of its process id, which lies twice: a killed
 * process not reaped yet (a zombie) still answers kill(pid, 0), and so does an unrelated process
 * that got the id after the writer died. Real child processes, real SIGKILL, real files.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import test from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { isProcessAlive } from '../../src/main/store/process-alive.ts';
import { openSessionStore } from '../../src/main/store/session-store.ts';
import { startChildRecorder } from './fixtures/child-recorder.ts';
import { sampleStart } from './fixtures/sample-events.ts';
import { tempDbPath } from './fixtures/temp-db.ts';

const RECORDER = path.join(import.meta.dirname, 'fixtures', 'record-session.ts');

/** The lock files beside the log. */
function lockFiles(file: string): string[] {
  const prefix = `${path.basename(file)}-writer-`;
  return fs.readdirSync(path.dirname(file)).filter((name) => name.startsWith(prefix));
}

/** The status a fresh writing store (which sweeps the dead writers' sessions) reads. */
function statusAfterSweep(file: string, id: string): string | undefined {
  const store = openSessionStore({ path: file });
  try {
    return store.get(id)?.status;
  } finally {
    store.close();
  }
}

/** The one-letter state of a process as `ps` reports it (Z: a zombie). */
async function processState(pid: number): Promise<string> {
  const ps = spawn('ps', ['-o', 'stat=', '-p', String(pid)]);
  let out = '';
  ps.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  await once(ps, 'close');
  return out.trim().slice(0, 1);
}

/**
 * A recorder whose parent never reaps it: `sh` starts it in the background, then becomes a
 * `sleep` that never calls wait(), so once killed the recorder stays a zombie until the test ends.
 */
function startUnreapedRecorder(
  file: string,
  id: string,
): { parent: ChildProcessWithoutNullStreams; pid: Promise<number>; closed: Promise<unknown> } {
  const quote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;
  const script = `${quote(process.execPath)} ${quote(RECORDER)} ${quote(file)} ${id} paced 1 & exec sleep 600`;
  const parent = spawn('sh', ['-c', script], { stdio: ['pipe', 'pipe', 'pipe'] });
  const closed = once(parent, 'close');
  const pid = new Promise<number>((resolve, reject) => {
    readline.createInterface({ input: parent.stdout }).on('line', (line) => {
      const match = /^began \S+ pid (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
    parent.once('exit', () => reject(new Error('the recorder never began')));
  });
  return { parent, pid, closed };
}

test('a killed writer not yet reaped (a zombie) is gone: its session is interrupted', async (t) => {
  if (process.platform === 'win32') return t.skip('needs sh and ps (POSIX) to keep a zombie');
  if (spawnSync('ps', ['-o', 'stat=', '-p', String(process.pid)]).status !== 0) {
    return t.skip('ps is not available to tell a zombie');
  }
  const file = tempDbPath(t);
  const { parent, pid: started, closed } = startUnreapedRecorder(file, 'zombie-call');
  t.after(async () => {
    // The sleeping parent goes, and init reaps the zombie it never waited for.
    if (parent.exitCode === null && parent.signalCode === null) parent.kill('SIGKILL');
    await closed;
  });
  const pid = await started;
  assert.equal(statusAfterSweep(file, 'zombie-call'), 'running', 'alive: left alone');
  assert.equal(lockFiles(file).length, 1, 'the live writer holds one lock file');

  process.kill(pid, 'SIGKILL');
  for (let state = await processState(pid); state !== 'Z'; state = await processState(pid)) {
    assert.notEqual(state, '', 'the killed writer was reaped: there is no zombie to test');
    await delay(10);
  }
  assert.equal(isProcessAlive(pid), true, 'the process id still answers: a pid test says alive');

  assert.equal(statusAfterSweep(file, 'zombie-call'), 'interrupted');
  assert.deepEqual(lockFiles(file), [], "the dead writer's lock file is cleared away");
});

test('a dead writer whose process id now belongs to a live process: interrupted', async (t) => {
  const file = tempDbPath(t);
  const writer = startChildRecorder(file, 'reused-pid', 'paced', 1);
  t.after(() => writer.kill());
  await writer.waitForLine(/^began reused-pid/);
  await writer.kill();

  // The OS gives the dead writer's id to another process: here, one the test starts, whose id is
  // written into the row as if it had been the writer's all along.
  const unrelated = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60_000)']);
  const unrelatedClosed = once(unrelated, 'close');
  t.after(async () => {
    unrelated.kill('SIGKILL');
    await unrelatedClosed;
  });
  await once(unrelated, 'spawn');
  const db = new Database(file);
  db.prepare(`UPDATE sessions SET writer_pid = ? WHERE id = 'reused-pid'`).run(unrelated.pid);
  db.close();
  assert.equal(isProcessAlive(unrelated.pid!), true, 'a pid test says alive');

  assert.equal(statusAfterSweep(file, 'reused-pid'), 'interrupted');
});

test("a live writer's session stays running, in another process and in this one", async (t) => {
  const file = tempDbPath(t);
  const writer = startChildRecorder(file, 'live-elsewhere', 'paced', 1);
  t.after(() => writer.kill());
  await writer.waitForLine(/^began live-elsewhere/);
  const here = openSessionStore({ path: file });
  t.after(() => here.close());
  here.begin(sampleStart({ id: 'live-here' }));

  // Another store of this process sweeps: neither live call is touched.
  assert.equal(statusAfterSweep(file, 'live-elsewhere'), 'running');
  assert.equal(statusAfterSweep(file, 'live-here'), 'running');

  here.close();
  assert.equal(statusAfterSweep(file, 'live-here'), 'interrupted', 'its store closed unfinished');
  assert.equal(lockFiles(file).length, 1, "only the child's lock is left: close removed ours");
});

test('a lock token in the log is never used as a path: a forged one falls back to the pid', (t) => {
  const file = tempDbPath(t);
  const victim = path.join(path.dirname(file), 'victim.txt');
  fs.writeFileSync(victim, 'keep me');
  const store = openSessionStore({ path: file });
  store.begin(sampleStart({ id: 'forged' }));
  store.close();
  const db = new Database(file);
  // A running session whose lock names a file elsewhere, and whose writer (pid 0) is no process.
  db.prepare(
    `UPDATE sessions SET status = 'running', writer_lock = '../victim.txt', writer_pid = 0
     WHERE id = 'forged'`,
  ).run();
  db.close();
  assert.equal(statusAfterSweep(file, 'forged'), 'interrupted', 'judged by its (dead) pid');
  assert.equal(fs.readFileSync(victim, 'utf8'), 'keep me');
});
