/**
 * The live list of session statuses and the CHECK the frozen migration 1 wrote into every session
 * log: the list may not drift from what the table accepts (a status the CHECK refuses would fail
 * every write of it; one the list lacks could never be filtered on).
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import Database from 'better-sqlite3';
import { applyMigrations } from '../../src/main/store/apply-migrations.ts';
import { SESSION_STATUSES } from '../../src/shared/session-statuses.ts';

function migrated(): Database.Database {
  const db = new Database(':memory:');
  applyMigrations(db, ':memory:');
  return db;
}

test('the statuses the sessions CHECK allows are exactly SESSION_STATUSES', () => {
  const db = migrated();
  try {
    const sql = db
      .prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'sessions'`)
      .pluck()
      .get() as string;
    const check = /CHECK \(status IN \(([^)]*)\)\)/.exec(sql);
    assert.ok(check?.[1] !== undefined, `no status CHECK in the sessions table:\n${sql}`);
    const allowed = check[1].split(',').map((item) => item.trim().replace(/^'(.*)'$/, '$1'));
    assert.deepEqual(
      [...allowed].sort(),
      [...SESSION_STATUSES].sort(),
      'src/shared/session-statuses.ts and the CHECK of the migrations disagree: a new status ' +
        'needs a NEW migration rebuilding the CHECK, never an edit of migration 1',
    );
  } finally {
    db.close();
  }
});

test('the table takes every status of the list and refuses any other', () => {
  const db = migrated();
  try {
    const insert = db.prepare(
      `INSERT INTO sessions (id, flow_id, flow_name, source, destination, started_at, status,
         search_text) VALUES (?, 'f', 'F', '1', '2', 0, ?, '')`,
    );
    for (const status of SESSION_STATUSES) insert.run(`id-${status}`, status);
    assert.throws(() => insert.run('id-bogus', 'finished'), /CHECK constraint failed/);
  } finally {
    db.close();
  }
});
