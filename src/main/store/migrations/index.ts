/**
 * The schema's history in order, one frozen file per migration (the Signal Desktop habit). To
 * change the schema, add a file `NNN-what-it-does.ts` and append it here; never edit a shipped
 * one (tests/store/schema-snapshot.test.ts notices).
 */
import { createSessionLog } from './001-create-session-log.ts';
import { searchFinalVariables } from './002-search-final-variables.ts';
import { writerLockColumn } from './003-writer-lock-column.ts';
import { searchTrigramIndex } from './004-search-trigram-index.ts';
import type { Migration } from './migration.ts';

export type { Migration } from './migration.ts';

/** Every migration, oldest first: versions 1, 2, 3, … without gaps. */
export const MIGRATIONS: readonly Migration[] = [
  createSessionLog,
  searchFinalVariables,
  writerLockColumn,
  searchTrigramIndex,
];
