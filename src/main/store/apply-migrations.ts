/**
 * Brings a database's schema up to date, one migration per transaction, and refuses a database
 * written by a newer version of the app instead of guessing at a schema it does not know.
 */
import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { StoreError } from './store-error.ts';

/** The refusal of a file whose schema `version` is newer than the `latest` this code knows. */
export function futureVersionError(file: string, version: number, latest: number): StoreError {
  return new StoreError(
    'future_version',
    `${file} has schema version ${version}, but this version of IVR Test Console only knows ` +
      `versions up to ${latest}: it was written by a newer release. Update the app, or use ` +
      `another database file.`,
  );
}

/** Reads `PRAGMA user_version`: the number of the last migration applied. */
export function readUserVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration newer than the database's `user_version`, each in its own IMMEDIATE
 * transaction together with the `user_version` bump, so a crash leaves the schema at a whole step.
 *
 * @param db - an open connection
 * @param file - the database path, for error messages
 * @param migrations - the history to apply (the app's own by default)
 * @throws StoreError `future_version` when the file is newer than `migrations`, `needs_migration`
 *   when it is older and the connection is read-only
 */
export function applyMigrations(
  db: Database.Database,
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `migration #${index} has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
  const latest = migrations.length;
  const checkNotFuture = (version: number): void => {
    if (version > latest) throw futureVersionError(file, version, latest);
  };
  const current = readUserVersion(db);
  checkNotFuture(current);
  if (current === latest) return;
  if (db.readonly) {
    throw new StoreError(
      'needs_migration',
      `${file} has schema version ${current} and needs migrating to ${latest}; ` +
        `open it once without read-only to migrate it.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      // Re-read under the write lock: another process (the app or a CLI run) may have migrated
      // the same file between our first read and now.
      const now = readUserVersion(db);
      checkNotFuture(now);
      if (now >= migration.version) return;
      migration.up(db);
      // user_version lives in the database header, so this write commits or rolls back with `up`.
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
