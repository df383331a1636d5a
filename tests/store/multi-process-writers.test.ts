/**
 * Several processes log whole sessions into one file at the same time (the desktop app and a
 * `load --log` run, or two runs): none of them sees SQLITE_BUSY, and every session and event they
 * logged is there and found by search through the trigram index.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import test from 'node:test';
import Database from 'better-sqlite3';
import { openSessionStore } from '../../src/main/store/session-store.ts';
import { tempDbPath } from './fixtures/temp-db.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'write-sessions.ts');
const WRITERS = 4;
const SESSIONS = 500;
const EVENTS = 3;

/** Runs one writer to its end; resolves with its exit code, stdout and stderr. */
async function runWriter(
  file: string,
  name: string,
): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [FIXTURE, file, name, String(SESSIONS), String(EVENTS)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, out, err };
}

test(`${WRITERS} processes each log ${SESSIONS} sessions into one new file at once`, async (t) => {
  // A file none of them has created yet: they also race to create and migrate it.
  const file = tempDbPath(t);
  const names = Array.from({ length: WRITERS }, (_, i) => `writer-${i}`);
  const results = await Promise.all(names.map((name) => runWriter(file, name)));
  for (const [i, result] of results.entries()) {
    assert.equal(result.err, '', `${names[i]} wrote to stderr`);
    assert.equal(result.code, 0, `${names[i]} exited with ${result.code}`);
    assert.equal(result.out.trim(), 'done');
  }

  const store = openSessionStore({ path: file, readonly: true });
  t.after(() => store.close());
  assert.equal(store.count(), WRITERS * SESSIONS);
  assert.equal(store.count({ status: 'hangup' }), WRITERS * SESSIONS, 'every session finished');
  const db = new Database(file, { readonly: true });
  t.after(() => db.close());
  const counts = db
    .prepare('SELECT count(*) AS events, sum(event_count) AS counted FROM sessions')
    .get() as { events: number; counted: number };
  const eventRows = db.prepare('SELECT count(*) FROM events').pluck().get();
  assert.equal(eventRows, WRITERS * SESSIONS * EVENTS, 'every event is there');
  assert.equal(counts.counted, WRITERS * SESSIONS * EVENTS, 'and counted on its session');

  for (const [writer, name] of names.entries()) {
    for (let i = 0; i < SESSIONS; i++) {
      const id = `${name}-${String(i).padStart(5, '0')}`;
      const caller = `+3670${String(writer * 100_000 + i).padStart(7, '0')}`;
      assert.deepEqual(
        store.list({ search: caller }).map((s) => s.id),
        [id],
        `${id} by its caller`,
      );
    }
    // Final variables, added at finish, are searchable too.
    assert.equal(store.count({ search: `${name} ticket 42` }), 1 + 10, `${name} tickets 42, 420…`);
  }
  // The index holds exactly the sessions' text (FTS5's own check).
  const check = new Database(file);
  try {
    check.exec(`INSERT INTO sessions_search (sessions_search, rank) VALUES ('integrity-check', 1)`);
  } finally {
    check.close();
  }
});
