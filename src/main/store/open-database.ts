/**
 * Opens the SQLite file behind the session log: creates its folder, sets the pragmas every
 * connection needs, migrates the schema, and turns SQLite's terse failures into messages that
 * name the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from './apply-migrations.ts';
import { messageOf, sqliteCode } from './sqlite-errors.ts';
import { StoreError } from './store-error.ts';

/** How long a statement waits for another connection's write lock (the app and a CLI run may share the file). */
export const BUSY_TIMEOUT_MS = 5000;

/** How to open the file. */
export interface OpenDatabaseOptions {
  /**
   * `NORMAL` (default): in WAL mode a commit survives any crash of the application, since the
   * WAL write reached the OS before `record()` returned; only an OS crash or power loss can lose
   * the last commits. `FULL` also fsyncs the WAL on every commit, surviving power loss at the
   * cost of one fsync per event.
   */
  synchronous: 'NORMAL' | 'FULL';
  readonly: boolean;
}

/**
 * Opens, configures and migrates the database at `file`.
 *
 * @throws StoreError naming `file` when it cannot be opened, is not a SQLite database, or has a
 *   schema newer than this code
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): Database.Database {
  const { synchronous, readonly } = options;
  if (synchronous !== 'NORMAL' && synchronous !== 'FULL') {
    // Checked here because the value is spliced into a PRAGMA, which cannot take parameters.
    throw new StoreError(
      'invalid_input',
      `synchronous must be NORMAL or FULL, got ${String(synchronous)}`,
    );
  }
  // SQLite says only "unable to open database file" for these two: say which it is.
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new StoreError('cannot_open', `cannot open session database ${file}: it is a directory`);
  }
  if (readonly && !fs.existsSync(file)) {
    throw new StoreError('cannot_open', `cannot open session database ${file}: it does not exist`);
  }
  let db: Database.Database;
  try {
    if (!readonly) makeDirectories(path.dirname(file));
    db = new Database(file, { readonly, fileMustExist: readonly, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw describeOpenError(error, file);
  }
  try {
    // The first statement reads the file header: a file that is not SQLite fails right here.
    if (!readonly) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    applyMigrations(db, file);
    return db;
  } catch (error) {
    db.close();
    throw describeOpenError(error, file);
  }
}

/**
 * `mkdir -p`, one level at a time. Not `fs.mkdirSync(dir, { recursive: true })`: on a path where
 * mkdir keeps answering ENOENT (e.g. under /proc) Node 24's recursive mkdir spins forever.
 */
function makeDirectories(dir: string): void {
  const missing: string[] = [];
  for (let current = dir; !fs.existsSync(current); current = path.dirname(current)) {
    missing.push(current);
    if (path.dirname(current) === current) break;
  }
  for (const level of missing.reverse()) {
    try {
      fs.mkdirSync(level);
    } catch (error) {
      // Another process (the app and a CLI run start together) may have just created it.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Maps an open-time failure to a StoreError that names the file. */
function describeOpenError(error: unknown, file: string): StoreError {
  if (error instanceof StoreError) return error;
  const code = sqliteCode(error);
  const reason = messageOf(error);
  if (code === 'SQLITE_NOTADB') {
    return new StoreError('not_a_database', `${file} is not a SQLite database (${reason})`, {
      cause: error,
    });
  }
  if (code === 'SQLITE_CORRUPT') {
    return new StoreError('not_a_database', `${file} is a damaged SQLite database (${reason})`, {
      cause: error,
    });
  }
  if (code === 'SQLITE_BUSY') {
    return new StoreError(
      'cannot_open',
      `${file} is locked by another process for longer than ${BUSY_TIMEOUT_MS} ms (${reason})`,
      { cause: error },
    );
  }
  return new StoreError('cannot_open', `cannot open session database ${file}: ${reason}`, {
    cause: error,
  });
}
