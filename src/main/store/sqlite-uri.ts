/**
 * SQLite URI filenames, which better-sqlite3 turns on only when the environment variable
 * SQLITE_USE_URI is "1" as its native addon loads (on the process's first `new Database`). The
 * store needs one: `immutable=1` reads a WAL database without the -shm file SQLite otherwise
 * creates beside it, which a read-only folder does not allow and a file we refuse must not get.
 *
 * Importing this module loads the addon that way (it is imported by open-database.ts, so before
 * any store opens). When the addon was loaded earlier, or SQLITE_USE_URI says otherwise, URIs stay
 * off and an immutable open simply fails: callers treat it as a fallback that may be missing.
 */
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

loadSqliteWithUris();

function loadSqliteWithUris(): void {
  // A user who set the variable decides; "0" keeps URIs off.
  if (process.env.SQLITE_USE_URI !== undefined) return;
  process.env.SQLITE_USE_URI = '1';
  try {
    new Database(':memory:').close();
  } catch {
    // The addon did not load: the first real open reports that with the file's name.
  } finally {
    // Read once, at load; the processes this one starts should not inherit it.
    delete process.env.SQLITE_USE_URI;
  }
}

/**
 * The name that opens `file` as an immutable database: read-only, no locks, no -wal or -shm
 * files read or created. Exact only while nothing writes the file (no -wal beside it, and no one
 * able to start a writer).
 */
export function immutableName(file: string): string {
  return `${pathToFileURL(file).href}?immutable=1`;
}
