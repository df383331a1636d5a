/**
 * The schema the migrations build, compared with a committed snapshot: a shipped migration that
 * was edited (instead of a new one appended) changes the schema of new databases only, leaving
 * the ones in the field behind, and this test is where that shows.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';
import Database from 'better-sqlite3';
import { applyMigrations, readUserVersion } from '../../src/main/store/apply-migrations.ts';

const SNAPSHOT = path.join(import.meta.dirname, 'fixtures', 'schema.json');

/** One schema object as the snapshot keeps it. */
interface SchemaObject {
  type: string;
  name: string;
  tblName: string;
  /** The CREATE statement, one trimmed line per entry (null for SQLite's automatic indexes). */
  sql: string[] | null;
}

/** What the snapshot file holds. */
interface SchemaSnapshot {
  userVersion: number;
  objects: SchemaObject[];
}

/** The schema of a fresh database after every migration, in a form stable across runs. */
function migratedSchema(): SchemaSnapshot {
  const db = new Database(':memory:');
  try {
    applyMigrations(db, ':memory:');
    const rows = db
      .prepare(
        `SELECT type, name, tbl_name, sql FROM sqlite_master
         WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name`,
      )
      .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
    return {
      userVersion: readUserVersion(db),
      objects: rows.map((row) => ({
        type: row.type,
        name: row.name,
        tblName: row.tbl_name,
        // Line by line, indentation dropped: the snapshot diffs readably, and what it pins is the
        // statement, not how the migration's template literal was indented.
        sql:
          row.sql === null
            ? null
            : row.sql
                .split('\n')
                .map((line) => line.trim())
                .filter((line) => line !== ''),
      })),
    };
  } finally {
    db.close();
  }
}

const HOW_TO_UPDATE =
  `The migrated schema differs from ${path.relative(process.cwd(), SNAPSHOT)}.\n` +
  '- Added a NEW migration (src/main/store/migrations/, appended to index.ts)? Then update the ' +
  'snapshot: UPDATE_SCHEMA_SNAPSHOT=1 npm test -- tests/store/schema-snapshot.test.ts, and ' +
  'commit the file with the migration.\n' +
  '- Edited a SHIPPED migration? Undo that: databases in the field already ran the old one and ' +
  'never run it again. Never edit a shipped migration; append a new one that makes the change.';

test('the migrations build exactly the committed schema snapshot', () => {
  const actual = migratedSchema();
  if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') {
    fs.writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 2)}\n`);
  }
  const expected = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as SchemaSnapshot;
  assert.deepEqual(actual, expected, HOW_TO_UPDATE);
});

test('no migration imports live code (only the Migration type)', () => {
  const dir = path.join(import.meta.dirname, '..', '..', 'src', 'main', 'store', 'migrations');
  for (const file of fs.readdirSync(dir).filter((name) => /^\d{3}-.*\.ts$/.test(name))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const imports = [...text.matchAll(/^import\b[^;]*?from\s+'([^']+)'/gms)].map((m) => m[0]);
    for (const line of imports) {
      assert.match(
        line,
        /^import type .* from '(\.\/migration\.ts|better-sqlite3)'$/s,
        `${file}: a migration is frozen, so it imports no live code (copy what it needs into it)`,
      );
    }
  }
});
