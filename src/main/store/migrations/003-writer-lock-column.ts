/**
 * Migration 3 (shipped): the lock file of each session's writer (writer-lock.ts). The OS drops a
 * lock when its process dies, which a process id cannot tell: a reused id, or a killed process
 * not reaped yet, reads as alive. Sessions logged before it keep the process id alone.
 * Frozen: never edit it; change the schema with a new migration.
 */
import type { Migration } from './migration.ts';

export const writerLockColumn: Migration = {
  version: 3,
  up: (db) => {
    db.exec('ALTER TABLE sessions ADD COLUMN writer_lock TEXT');
  },
};
