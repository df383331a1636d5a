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

/** The session database, absolute: `--db` relative to the command's working directory, else the app's default. */
export function sessionDbPath(db: string | undefined, io: CliIo): string {
  return resolve(io.cwd, db ?? defaultDatabasePath(io.env));
}

/** How a command uses the log. */
export interface SessionLogUse {
  /**
   * The command only reads (sessions list/show/export, replay without --log): the file must
   * already be a session log; nothing is created, migrated or written, and a missing file is an
   * error naming it. Otherwise (the default: run, test) the log and its folders are created
   * when missing.
   */
  readonly: boolean;
}

/**
 * Opens the session log `--db` names, or the app's default. A file that is not a session log is
 * refused untouched either way.
 *
 * @throws StoreError naming the file when it cannot be opened or used
 */
export function openSessionLog(
  db: string | undefined,
  io: CliIo,
  use: SessionLogUse = { readonly: false },
): SessionStore {
  return openSessionStore({ path: sessionDbPath(db, io), readonly: use.readonly });
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
