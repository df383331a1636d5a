/**
 * SQLite's terse open-time failures, turned into messages that name the file.
 */
import { messageOf, sqliteCode } from './sqlite-errors.ts';
import { StoreError } from './store-error.ts';

/** How long a statement waits for another connection's write lock (the app and a CLI run may share the file). */
export const BUSY_TIMEOUT_MS = 5000;

/** Maps an open-time failure to a StoreError that names the file. */
export function describeOpenError(error: unknown, file: string): StoreError {
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
