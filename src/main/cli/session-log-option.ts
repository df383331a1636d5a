/**
 * The session log as the commands use it: `--db` names the file, else it is the one the desktop
 * app uses (so a call placed from the terminal shows up in the app); sessions are named by id or
 * unique prefix.
 */
import { resolve } from 'node:path';
import type { SessionDetail } from '../../shared/session-types.ts';
import { defaultDatabasePath } from '../store/data-dir.ts';
import { openSessionStore } from '../store/session-store.ts';
import type { SessionStore } from '../store/session-store.ts';
import type { CliIo } from './cli-io.ts';
import { UsageError } from './cli-io.ts';

/** The session database: `--db` as the user wrote it, else the app's default. */
export function sessionDbPath(db: string | undefined, io: CliIo): string {
  return db ?? defaultDatabasePath(io.env);
}

/**
 * Opens (creating when needed) the session log `--db` names, relative to the command's working
 * directory, or the app's default.
 *
 * @throws StoreError when the file cannot be opened
 */
export function openSessionLog(db: string | undefined, io: CliIo): SessionStore {
  return openSessionStore({ path: resolve(io.cwd, sessionDbPath(db, io)) });
}

/**
 * The session with this id or unique prefix, or null when none has it. A lookup that fails (a
 * prefix several sessions share: the message lists them) is a usage error, exit status 2.
 */
export function lookUpSession(
  store: SessionStore,
  id: string,
  command: string,
): SessionDetail | null {
  try {
    return store.get(id);
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
}
