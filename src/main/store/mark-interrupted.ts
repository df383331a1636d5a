/**
 * Closes the books on calls whose process died mid-call: they stay `running` in the file forever
 * otherwise. Their events are left exactly as recorded.
 */
import type Database from 'better-sqlite3';
import { isProcessAlive } from './process-alive.ts';
import type { Statements } from './statements.ts';

/**
 * Marks `interrupted` every running session whose writer is neither `selfPid` nor alive.
 * A session of this very process is left alone: another store instance here may be recording it.
 *
 * @returns the ids marked
 */
export function markInterruptedSessions(
  db: Database.Database,
  statements: Statements,
  selfPid: number = process.pid,
  isAlive: (pid: number) => boolean = isProcessAlive,
): string[] {
  // Decided outside any write transaction, so an ordinary open takes no write lock: a dead
  // writer stays dead, and the update below only touches rows still `running`.
  const orphans = statements.runningSessions
    .all()
    .filter(({ writer_pid: pid }) => pid !== selfPid && (pid === null || !isAlive(pid)))
    .map(({ id }) => id);
  if (orphans.length === 0) return [];
  return db
    .transaction(() => orphans.filter((id) => statements.markInterrupted.run(id).changes > 0))
    .immediate();
}
