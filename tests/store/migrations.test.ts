/**
 * Opening files: fresh, reopened, from the future, not SQLite at all, and migrations that fail.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import Database from 'better-sqlite3';
import { applyMigrations } from '../../src/main/store/apply-migrations.ts';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../src/main/store/migrations.ts';
import { openSessionStore } from '../../src/main/store/session-store.ts';
import { StoreError } from '../../src/main/store/store-error.ts';
import { sampleEvents, sampleStart } from './fixtures/sample-events.ts';
import { tempDbPath } from './fixtures/temp-db.ts';

/** The first migration alone: a database as version 1 of the app left it. */
const MIGRATIONS_V1 = (MIGRATIONS[0] as Migration).up;

function inspect(file: string): { version: number; journal: string; objects: string[] } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      journal: db.pragma('journal_mode', { simple: true }) as string,
      objects: db
        .prepare(`SELECT type || ' ' || name FROM sqlite_schema ORDER BY name`)
        .pluck()
        .all() as string[],
    };
  } finally {
    db.close();
  }
}

function refusal(code: StoreError['code'], ...mustMention: string[]) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof StoreError, `expected a StoreError, got ${String(error)}`);
    assert.equal(error.code, code);
    for (const text of mustMention) assert.ok(error.message.includes(text), error.message);
    return true;
  };
}

test('a fresh file gets the latest schema in WAL mode, folders included', (t) => {
  const file = path.join(path.dirname(tempDbPath(t)), 'nested', 'deeper', 'sessions.db');
  openSessionStore({ path: file }).close();
  const { version, journal, objects } = inspect(file);
  assert.equal(version, LATEST_VERSION);
  assert.ok(LATEST_VERSION >= 1);
  assert.equal(journal, 'wal');
  for (const name of [
    'table sessions',
    'table events',
    'table webhook_exchanges',
    'index sessions_started_at',
    'index sessions_flow_started_at',
    'index sessions_status_started_at',
  ]) {
    assert.ok(objects.includes(name), `${name} in ${objects.join(', ')}`);
  }
});

test('reopening is idempotent and keeps the data', (t) => {
  const file = tempDbPath(t);
  const first = openSessionStore({ path: file });
  const recorder = first.begin(sampleStart());
  for (const event of sampleEvents(3)) recorder.record(event);
  first.close();
  const before = inspect(file);
  for (let i = 0; i < 3; i++) openSessionStore({ path: file }).close();
  assert.deepEqual(inspect(file), before);
  const again = openSessionStore({ path: file });
  t.after(() => again.close());
  assert.equal(again.get(recorder.id)?.events.length, 3);
});

test('a file from a newer version of the app is refused, untouched', (t) => {
  const file = tempDbPath(t);
  openSessionStore({ path: file }).close();
  const future = LATEST_VERSION + 7;
  const db = new Database(file);
  db.pragma(`user_version = ${future}`);
  db.close();
  const attempt = (): unknown => openSessionStore({ path: file });
  assert.throws(attempt, refusal('future_version', file, String(future), String(LATEST_VERSION)));
  assert.throws(
    () => openSessionStore({ path: file, readonly: true }),
    refusal('future_version', file),
  );
  assert.equal(inspect(file).version, future);
});

test('a file that is not SQLite is refused with its path, and left alone', (t) => {
  const file = tempDbPath(t, 'notes.txt');
  const text = 'These are my notes, not a database.\n'.repeat(20);
  fs.writeFileSync(file, text);
  assert.throws(() => openSessionStore({ path: file }), refusal('not_a_database', file));
  assert.throws(
    () => openSessionStore({ path: file, readonly: true }),
    refusal('not_a_database', file),
  );
  assert.equal(fs.readFileSync(file, 'utf8'), text);
});

test('a path that cannot be opened is refused with its path', (t) => {
  const dir = path.dirname(tempDbPath(t));
  assert.throws(() => openSessionStore({ path: dir }), refusal('cannot_open', dir));
  const missing = path.join(dir, 'missing.db');
  assert.throws(
    () => openSessionStore({ path: missing, readonly: true }),
    refusal('cannot_open', missing),
  );
  assert.equal(fs.existsSync(missing), false, 'read-only never creates the file');
  const blocker = path.join(dir, 'a-file');
  fs.writeFileSync(blocker, '');
  const underFile = path.join(blocker, 'sub', 'sessions.db');
  assert.throws(() => openSessionStore({ path: underFile }), refusal('cannot_open', underFile));
  if (process.platform === 'linux') {
    // mkdir answers ENOENT forever here: a naive recursive mkdir would spin instead of failing.
    const inProc = '/proc/no-such-dir/sessions.db';
    assert.throws(() => openSessionStore({ path: inProc }), refusal('cannot_open', inProc));
  }
});

test('an old file opened read-only asks for a migration instead of migrating', (t) => {
  const file = tempDbPath(t);
  new Database(file).close(); // an empty SQLite file: user_version 0
  assert.throws(
    () => openSessionStore({ path: file, readonly: true }),
    refusal('needs_migration', file),
  );
  assert.equal(inspect(file).version, 0);
});

test('each migration commits whole or not at all', (t) => {
  const file = tempDbPath(t);
  const db = new Database(file);
  t.after(() => db.close());
  const migrations: Migration[] = [
    { version: 1, up: (d) => d.exec('CREATE TABLE a (x)') },
    {
      version: 2,
      up: (d) => {
        d.exec('CREATE TABLE b (x)');
        throw new Error('boom in migration 2');
      },
    },
  ];
  assert.throws(() => applyMigrations(db, file, migrations), /boom in migration 2/);
  assert.equal(db.pragma('user_version', { simple: true }), 1);
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all();
  assert.deepEqual(tables, ['a'], 'step 1 kept, step 2 rolled back');

  migrations[1] = { version: 2, up: (d) => d.exec('CREATE TABLE b (x)') };
  applyMigrations(db, file, migrations);
  assert.equal(db.pragma('user_version', { simple: true }), 2);
  applyMigrations(db, file, migrations);
  assert.equal(db.pragma('user_version', { simple: true }), 2);
});

test('a migration list with gaps is a programming error', (t) => {
  const file = tempDbPath(t);
  const db = new Database(file);
  t.after(() => db.close());
  assert.throws(
    () => applyMigrations(db, file, [{ version: 2, up: () => {} }]),
    /has version 2, expected 1/,
  );
});

test('version 2 makes the final variables of sessions logged before it searchable', (t) => {
  const file = tempDbPath(t);
  // A version-1 database: the schema of migration 1 and a finished session, its search text
  // without variables as version 1 wrote it.
  const db = new Database(file);
  applyMigrations(db, file, [{ version: 1, up: MIGRATIONS_V1 }]);
  db.prepare(
    `INSERT INTO sessions (id, flow_id, flow_name, source, destination, started_at, status,
       variables_json, search_text)
     VALUES ('old-1', 'balance', 'Balance', '+361', '100', 1, 'hangup', @vars, '+361')`,
  ).run({ vars: JSON.stringify({ customer_name: 'Ánna', account: { tier: 'GOLD', n: 7 } }) });
  db.prepare(
    `INSERT INTO sessions (id, flow_id, flow_name, source, destination, started_at, status,
       variables_json, search_text)
     VALUES ('old-2', 'balance', 'Balance', '+362', '100', 2, 'hangup', 'not json', '+362')`,
  ).run();
  db.close();

  const store = openSessionStore({ path: file });
  t.after(() => store.close());
  assert.equal(inspect(file).version, LATEST_VERSION);
  assert.deepEqual(
    store.list({ search: 'ánna' }).map((s) => s.id),
    ['old-1'],
  );
  assert.deepEqual(
    store.list({ search: 'gold' }).map((s) => s.id),
    ['old-1'],
    'nested values too',
  );
  assert.equal(store.count({ search: '+362' }), 1, 'an unreadable value keeps its row searchable');
});

test('a session finished now is found by its final variables', (t) => {
  const store = openSessionStore({ path: tempDbPath(t) });
  t.after(() => store.close());
  const recorder = store.begin(sampleStart());
  recorder.finish({
    outcome: 'hangup',
    endedBy: 'flow',
    transferTarget: null,
    durationMs: 10,
    variables: { reading: '04521', meter: { serial: 'MX-77' } },
  });
  assert.deepEqual(
    store.list({ search: '0452' }).map((s) => s.id),
    [recorder.id],
  );
  assert.equal(store.count({ search: 'mx-77' }), 1);
  assert.equal(store.count({ search: 'reading' }), 0, 'values are searched, not names');
});

test('a log of the previous release (version 2) is read as it is, and migrated only by a writer', (t) => {
  const file = tempDbPath(t);
  const db = new Database(file);
  applyMigrations(db, file, MIGRATIONS.slice(0, 2));
  db.prepare(
    `INSERT INTO sessions (id, flow_id, flow_name, source, destination, started_at, status,
       writer_pid, search_text)
     VALUES ('v2-call', 'balance', 'Balance', '+361', '100', 1, 'running', 0, '+361')`,
  ).run();
  db.close();
  const bytes = fs.readFileSync(file);

  const reader = openSessionStore({ path: file, readonly: true });
  assert.deepEqual(
    reader.list().map((s) => [s.id, s.status]),
    [['v2-call', 'running']],
  );
  reader.close();
  assert.deepEqual(fs.readFileSync(file), bytes, 'reading never migrates');
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['sessions.db']);

  const writer = openSessionStore({ path: file });
  t.after(() => writer.close());
  assert.equal(inspect(file).version, LATEST_VERSION);
  assert.equal(writer.get('v2-call')?.status, 'interrupted', 'its writer (pid 0) is no process');
});

test('a log older than a reader can take is refused, not migrated', (t) => {
  const file = tempDbPath(t);
  const db = new Database(file);
  applyMigrations(db, file, [{ version: 1, up: MIGRATIONS_V1 }]);
  db.close();
  assert.throws(
    () => openSessionStore({ path: file, readonly: true }),
    refusal('needs_migration', file, 'schema version 1'),
  );
  assert.equal(inspect(file).version, 1);
});
