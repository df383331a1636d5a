/**
 * Looks at a file before the store opens it, without changing it: is it missing, an empty file
 * SQLite may initialise, or a session log, and at which version? Anything else (a folder, a
 * device, a file that is not SQLite, another program's database, a log from a newer release) is
 * refused here, while the file is still exactly as it was: nothing is written to it and no -wal,
 * -shm or -journal file is created beside it.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { futureVersionError, readUserVersion } from './apply-migrations.ts';
import { LATEST_VERSION } from './migrations.ts';
import { BUSY_TIMEOUT_MS, describeOpenError } from './open-errors.ts';
import { schemaProblem, someTables } from './session-log-schema.ts';
import { immutableName } from './sqlite-uri.ts';
import { StoreError } from './store-error.ts';

/** What a path holds, as far as the session log is concerned. */
export type LogFileState =
  | { kind: 'missing' }
  /** A SQLite database with nothing in it yet (a 0-byte file, or version 0 and no tables). */
  | { kind: 'empty' }
  | { kind: 'log'; version: number };

/** The first 16 bytes of every SQLite database file. */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** The size of the database header; a shorter file is not a database. */
const HEADER_BYTES = 100;

/**
 * What `file` holds.
 *
 * @throws StoreError naming `file` when it is not a session log this code can use (`cannot_open`,
 *   `not_a_database`, `not_a_session_log`, `future_version`)
 */
export function inspectLogFile(file: string): LogFileState {
  let info: fs.Stats;
  try {
    info = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a parent is a file. Creating the folders fails later, with a clearer message.
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    throw describeOpenError(error, file);
  }
  // SQLite says only "unable to open database file" for a folder, and may block forever on a FIFO.
  if (info.isDirectory()) {
    throw new StoreError('cannot_open', `cannot open session database ${file}: it is a directory`);
  }
  if (!info.isFile()) {
    throw new StoreError(
      'cannot_open',
      `cannot open session database ${file}: it is not a regular file (a device, pipe or socket)`,
    );
  }
  if (info.size === 0) return { kind: 'empty' };
  return look(file, readWalFlag(file));
}

/**
 * Whether the header marks a WAL database; throws `not_a_database` when there is no SQLite header.
 * Read with plain file I/O, so a text file is refused before SQLite ever opens it.
 */
function readWalFlag(file: string): boolean {
  const header = Buffer.alloc(HEADER_BYTES);
  let read: number;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      read = fs.readSync(fd, header, 0, HEADER_BYTES, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    throw describeOpenError(error, file);
  }
  if (read < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new StoreError(
      'not_a_database',
      `${file} is not a SQLite database (it does not start with the SQLite header)`,
    );
  }
  // Bytes 18 and 19 (write and read format versions) are 2 in WAL mode.
  return header[18] === 2 && header[19] === 2;
}

/**
 * Judges the database through a read-only connection. A WAL database without a -wal file is
 * opened immutable: the file then holds every commit, and a plain read-only open would leave a
 * -wal and a -shm file beside it. If that open or read fails (URIs unavailable, or a writer
 * started meanwhile and the read tore), a plain read-only connection gives the answer.
 */
function look(file: string, wal: boolean): LogFileState {
  if (wal && !walHasContent(file)) {
    try {
      return judgeThrough(
        new Database(immutableName(file), { readonly: true, fileMustExist: true }),
        file,
      );
    } catch (error) {
      if (error instanceof StoreError) throw error; // a verdict, not a failure to read
    }
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw describeOpenError(error, file);
  }
  try {
    return judgeThrough(db, file);
  } catch (error) {
    throw describeOpenError(error, file);
  }
}

/** {@link judge}, then closes `db` whatever the outcome. */
function judgeThrough(db: Database.Database, file: string): LogFileState {
  try {
    return judge(db, file);
  } finally {
    db.close();
  }
}

/** Whether `file`-wal exists with content (commits the main file may not hold yet). */
export function walHasContent(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

/** The verdict on an open database: its state, or a StoreError saying why it is refused. */
function judge(db: Database.Database, file: string): LogFileState {
  const version = readUserVersion(db);
  if (version > LATEST_VERSION) throw futureVersionError(file, version, LATEST_VERSION);
  if (version <= 0) {
    const tables = someTables(db, 6);
    if (tables.length === 0) return { kind: 'empty' };
    const named = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '');
    throw notALog(file, `it holds another program's tables (${named})`);
  }
  const problem = schemaProblem(db, version);
  if (problem !== null) throw notALog(file, `it says schema version ${version}, but ${problem}`);
  return { kind: 'log', version };
}

function notALog(file: string, why: string): StoreError {
  return new StoreError(
    'not_a_session_log',
    `${file} is a SQLite database but not an IVR Test Console session log: ${why}. ` +
      `It was left untouched; name another file.`,
  );
}
