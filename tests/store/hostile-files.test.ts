/**
 * Files that are not a session log, opened as one: each is refused with its path and a reason,
 * for reading and for writing alike, and left exactly as it was. "Exactly" is checked byte for
 * byte: the SHA-256 of every file in its folder before and after, so neither the file nor a
 * -wal, -shm or -journal file beside it may appear or change.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import Database from 'better-sqlite3';
import { LATEST_VERSION } from '../../src/main/store/migrations.ts';
import { openSessionStore } from '../../src/main/store/session-store.ts';
import { StoreError } from '../../src/main/store/store-error.ts';
import { sampleStart } from './fixtures/sample-events.ts';
import { tempDbPath } from './fixtures/temp-db.ts';

/** Every file in `dir` with the SHA-256 of its bytes. */
function fingerprint(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    files[name] = createHash('sha256')
      .update(fs.readFileSync(path.join(dir, name)))
      .digest('hex');
  }
  return files;
}

/** A SQLite file made by "another program" with `setUp`, closed cleanly. */
function foreignDatabase(file: string, setUp: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    setUp(db);
  } finally {
    db.close();
  }
}

interface HostileCase {
  name: string;
  /** Makes the file at `file`. */
  make(file: string): void;
  code: StoreError['code'];
  /** What the message must say besides the path. */
  reason: RegExp;
}

const CASES: HostileCase[] = [
  {
    name: 'a text file',
    make: (file) => fs.writeFileSync(file, 'These are my notes, not a database.\n'.repeat(20)),
    code: 'not_a_database',
    reason: /is not a SQLite database/,
  },
  {
    name: 'a file cut short after the SQLite header magic',
    make: (file) => fs.writeFileSync(file, 'SQLite format 3\0 and then nothing much'),
    code: 'not_a_database',
    reason: /is not a SQLite database/,
  },
  {
    name: "another program's database (rollback journal)",
    make: (file) =>
      foreignDatabase(file, (db) => {
        db.exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)`);
        db.exec(`INSERT INTO customers (name) VALUES ('Ada'), ('Grace')`);
      }),
    code: 'not_a_session_log',
    reason: /not an IVR Test Console session log: it holds another program's tables \(customers\)/,
  },
  {
    name: "another program's database in WAL mode",
    make: (file) =>
      foreignDatabase(file, (db) => {
        db.pragma('journal_mode = WAL');
        db.exec(`CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello')`);
      }),
    code: 'not_a_session_log',
    reason: /another program's tables \(notes\)/,
  },
  {
    name: "another program's database that uses user_version too",
    make: (file) =>
      foreignDatabase(file, (db) => {
        db.exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY)`);
        db.pragma('user_version = 1');
      }),
    code: 'not_a_session_log',
    reason: /it says schema version 1, but it has no table sessions/,
  },
  {
    name: "a database with the console's table names but other columns",
    make: (file) =>
      foreignDatabase(file, (db) => {
        db.exec(`CREATE TABLE sessions (id TEXT); CREATE TABLE events (id TEXT);
                 CREATE TABLE webhook_exchanges (id TEXT)`);
        db.pragma(`user_version = ${LATEST_VERSION}`);
      }),
    code: 'not_a_session_log',
    reason: /its table \w+ has no column/,
  },
  {
    name: 'a database from a newer release (rollback journal)',
    make: (file) =>
      foreignDatabase(file, (db) => {
        db.pragma('journal_mode = DELETE');
        db.exec('CREATE TABLE sessions_v99 (id TEXT)');
        db.pragma(`user_version = ${LATEST_VERSION + 90}`);
      }),
    code: 'future_version',
    reason: new RegExp(`has schema version ${LATEST_VERSION + 90}.*written by a newer release`),
  },
  {
    name: 'a session log a newer release has migrated (WAL)',
    make: (file) => {
      const store = openSessionStore({ path: file });
      store.begin(sampleStart({ id: 'from-the-future' }));
      store.close();
      foreignDatabase(file, (db) => db.pragma(`user_version = ${LATEST_VERSION + 1}`));
    },
    code: 'future_version',
    reason: /written by a newer release/,
  },
];

for (const hostile of CASES) {
  test(`${hostile.name}: refused for reading and for writing, byte for byte untouched`, (t) => {
    const file = tempDbPath(t, 'given.sqlite');
    hostile.make(file);
    const dir = path.dirname(file);
    const before = fingerprint(dir);
    assert.deepEqual(Object.keys(before), ['given.sqlite'], 'the case starts with the file alone');
    for (const readonly of [true, false]) {
      assert.throws(
        () => openSessionStore({ path: file, readonly }),
        (error: unknown) => {
          assert.ok(error instanceof StoreError, String(error));
          assert.equal(error.code, hostile.code, error.message);
          assert.ok(error.message.includes(file), error.message);
          assert.match(error.message, hostile.reason);
          return true;
        },
        `readonly: ${readonly}`,
      );
      assert.deepEqual(fingerprint(dir), before, `readonly: ${readonly}`);
    }
  });
}

test('a folder, a device or a pipe is refused at once (no hang on a FIFO)', (t) => {
  const dir = path.dirname(tempDbPath(t));
  const refused = (file: string, reason: RegExp): void => {
    for (const readonly of [true, false]) {
      assert.throws(
        () => openSessionStore({ path: file, readonly }),
        (error: unknown) =>
          error instanceof StoreError &&
          error.code === 'cannot_open' &&
          error.message.includes(file) &&
          reason.test(error.message),
      );
    }
  };
  refused(dir, /it is a directory/);
  if (process.platform === 'win32') return;
  refused('/dev/null', /not a regular file/);
  const fifo = path.join(dir, 'pipe.db');
  const made = spawnSync('mkfifo', [fifo]);
  if (made.status !== 0) return t.skip('mkfifo is not available here');
  refused(fifo, /not a regular file/);
});

test('an empty file: a writer makes it a log, a reader refuses it and leaves it empty', (t) => {
  const file = tempDbPath(t, 'touched.sqlite');
  fs.writeFileSync(file, '');
  assert.throws(
    () => openSessionStore({ path: file, readonly: true }),
    (error: unknown) =>
      error instanceof StoreError && /empty database, not a session log yet/.test(error.message),
  );
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['touched.sqlite']);
  assert.equal(fs.statSync(file).size, 0);
  const store = openSessionStore({ path: file });
  store.begin(sampleStart({ id: 'first' }));
  store.close();
  const reader = openSessionStore({ path: file, readonly: true });
  t.after(() => reader.close());
  assert.equal(reader.get('first')?.status, 'interrupted');
});

test('a missing file is an error for a reader, which creates neither it nor its folders', (t) => {
  const dir = path.dirname(tempDbPath(t));
  const file = path.join(dir, 'typo', 'deeper', 'sessions.db');
  assert.throws(
    () => openSessionStore({ path: file, readonly: true }),
    (error: unknown) =>
      error instanceof StoreError &&
      error.code === 'cannot_open' &&
      error.message === `cannot open session database ${file}: it does not exist`,
  );
  assert.deepEqual(fs.readdirSync(dir), []);
});
