/**
 * What makes a SQLite file a session log: the tables and columns the migrations give it, version
 * by version. Computed by running the migrations on an in-memory database (once per version), so
 * it can never disagree with migrations.ts.
 */
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';

/** Table name to its column names. */
type Schema = ReadonlyMap<string, readonly string[]>;

const schemas = new Map<number, Schema>();

/** The tables and columns a database has once migrations 1 to `version` ran. */
function schemaAt(version: number): Schema {
  const cached = schemas.get(version);
  if (cached !== undefined) return cached;
  const db = new Database(':memory:');
  try {
    for (const migration of MIGRATIONS) if (migration.version <= version) migration.up(db);
    const tables = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'`)
      .pluck()
      .all() as string[];
    const schema = new Map(tables.map((table) => [table, columnsOf(db, table)]));
    schemas.set(version, schema);
    return schema;
  } finally {
    db.close();
  }
}

function columnsOf(db: Database.Database, table: string): string[] {
  return db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
}

/**
 * What keeps `db` from being a session log at schema `version`, or null when it has every table
 * and column that version has (more is fine: nothing here drops what it does not know).
 */
export function schemaProblem(db: Database.Database, version: number): string | null {
  const isTable = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`);
  for (const [table, columns] of schemaAt(version)) {
    if (isTable.get(table) === undefined) return `it has no table ${table}`;
    const present = new Set(columnsOf(db, table));
    const missing = columns.filter((column) => !present.has(column));
    if (missing.length > 0) return `its table ${table} has no column ${missing.join(', ')}`;
  }
  return null;
}

/** Up to `max` of the database's own tables, by name (SQLite's internal ones left out). */
export function someTables(db: Database.Database, max: number): string[] {
  return db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'
       ORDER BY name LIMIT ?`,
    )
    .pluck()
    .all(max) as string[];
}
