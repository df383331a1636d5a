/**
 * The schema versions this code knows: the history itself (one frozen file per migration under
 * migrations/, applied in order under `PRAGMA user_version`), the newest version, and the oldest
 * one a reader takes as it is. Never edit a released migration; append a new one.
 */
import { MIGRATIONS } from './migrations/index.ts';

export { MIGRATIONS, type Migration } from './migrations/index.ts';

/**
 * The oldest schema a reader takes as it is, without migrating it (reading never writes): every
 * later migration only added what writers use (3: writer_lock). Raise it with any migration that
 * changes what reading sees (version 2 did: search covers the final variables).
 */
export const OLDEST_READABLE_VERSION = 2;

/** The `user_version` this code writes and understands. */
export const LATEST_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;
