/**
 * The shape of one step of the schema's history. Type only: a migration file may import it,
 * since a type leaves nothing behind at run time that could change what a shipped migration does.
 */
import type Database from 'better-sqlite3';

/** One step of the schema's history. */
export interface Migration {
  /** The `user_version` the database has once `up` ran; 1, 2, 3, … without gaps. */
  version: number;
  up: (db: Database.Database) => void;
}
