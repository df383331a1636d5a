/**
 * Opens the SQLite file behind the session log. Before anything is written, inspectLogFile()
 * decides whether the file is the console's: another program's file is refused as it was. Then a
 * writer creates the folders and file when missing, sets the pragmas every connection needs and
 * migrates the schema; a reader opens read-only and creates nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from './apply-migrations.ts';
import { inspectLogFile, walHasContent, type LogFileState } from './inspect-log-file.ts';
import { LATEST_VERSION, OLDEST_READABLE_VERSION } from './migrations.ts';
import { BUSY_TIMEOUT_MS, describeOpenError } from './open-errors.ts';
import { sqliteCode } from './sqlite-errors.ts';
// Imported for its effect too: it loads SQLite with URI filenames on, before the first open.
import { immutableName } from './sqlite-uri.ts';
import { StoreError } from './store-error.ts';

export { BUSY_TIMEOUT_MS } from './open-errors.ts';

/** How to open the file. */
export interface OpenDatabaseOptions {
  /**
   * `NORMAL` (default): in WAL mode a commit survives any crash of the application, since the
   * WAL write reached the OS before `record()` returned; only an OS crash or power loss can lose
   * the last commits. `FULL` also fsyncs the WAL on every commit, surviving power loss at the
   * cost of one fsync per event.
   */
  synchronous: 'NORMAL' | 'FULL';
  /**
   * Read only: the file must exist and be a session log at a readable version
   * (OLDEST_READABLE_VERSION or later); nothing is created or migrated.
   */
  readonly: boolean;
}

/**
 * Opens, configures and (unless read-only) migrates the database at `file`.
 *
 * @throws StoreError naming `file` when it cannot be opened, is not a SQLite database or not a
 *   session log, has a schema newer than this code, or (read-only) is missing or needs migrating
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
  const state = inspectLogFile(file);
  return readonly ? openForReading(file, state) : openForWriting(file, state, synchronous);
}

function openForWriting(
  file: string,
  state: LogFileState,
  synchronous: OpenDatabaseOptions['synchronous'],
): Database.Database {
  let db: Database.Database;
  try {
    if (state.kind === 'missing') makeDirectories(path.dirname(file));
    db = new Database(file, { fileMustExist: state.kind !== 'missing', timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw describeOpenError(error, file);
  }
  try {
    db.pragma('journal_mode = WAL');
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

function openForReading(file: string, state: LogFileState): Database.Database {
  if (state.kind === 'missing') {
    throw new StoreError('cannot_open', `cannot open session database ${file}: it does not exist`);
  }
  if (state.kind === 'empty') {
    throw new StoreError(
      'needs_migration',
      `${file} is an empty database, not a session log yet: there is nothing to read in it.`,
    );
  }
  if (state.version < OLDEST_READABLE_VERSION) {
    throw new StoreError(
      'needs_migration',
      `${file} has schema version ${state.version} and needs migrating to ${LATEST_VERSION} ` +
        `before it can be read; reading never changes it, so open it once for writing (in the ` +
        `desktop app, or by logging a call to it) to migrate it.`,
    );
  }
  try {
    return readOnlyConnection(file);
  } catch (error) {
    throw describeOpenError(error, file);
  }
}

/** A read-only connection that has read the file once; immutable in a read-only folder. */
function readOnlyConnection(file: string): Database.Database {
  let refusal: unknown;
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    touch(db);
    return db;
  } catch (error) {
    db.close();
    if (!needsSharedMemory(error) || walHasContent(file)) throw error;
    refusal = error;
  }
  // A WAL database in a folder we cannot write: SQLite cannot create the -shm index a reader
  // needs. With no -wal beside it the file holds every commit, and no writer can be at work (it
  // would need that folder too), so reading it as immutable is exact.
  try {
    const immutable = new Database(immutableName(file), { readonly: true, fileMustExist: true });
    try {
      touch(immutable);
      return immutable;
    } catch (error) {
      immutable.close();
      throw error;
    }
  } catch {
    throw refusal; // SQLite's own reason says more than the fallback's
  }
}

/** The first read, where a read-only connection finds out whether it can use the WAL. */
function touch(db: Database.Database): void {
  db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
}

/** Whether a read-only open failed for want of the -shm (and -wal) files it could not create. */
function needsSharedMemory(error: unknown): boolean {
  const code = sqliteCode(error) ?? '';
  return code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN');
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
