/**
 * Closes the books on calls whose process died mid-call: they stay `running` in the file forever
 * otherwise. Their events are left exactly as recorded.
 */
import type Database from 'better-sqlite3';
import { isProcessAlive } from './process-alive.ts';
import type { WriteStatements } from './statements.ts';
import { removeWriterLock, writerState, type WriterState } from './writer-lock.ts';

/** Who is asking, so its own sessions are left alone. */
export interface Checker {
  /** The log file, beside which the writers' lock files lie. */
  file: string;
  /** The token of the asking store's own lock, if it holds one. */
  ownToken: string | null;
  selfPid?: number;
  /** The process-id test, for sessions logged without a lock (older releases). */
  isAlive?: (pid: number) => boolean;
}

/**
 * Marks `interrupted` every running session whose writer has ended: its lock file is free or
 * gone (writer-lock.ts); or, for a session logged without one, its process id is neither ours nor
 * alive. A session of this very process is left alone: another store here may be recording it.
 *
 * @returns the ids marked
 */
export function markInterruptedSessions(
  db: Database.Database,
  statements: WriteStatements,
  checker: Checker,
): string[] {
  const { file, ownToken, selfPid = process.pid, isAlive = isProcessAlive } = checker;
  // Decided outside any write transaction, so an ordinary open takes no write lock: a dead
  // writer stays dead, and the update below only touches rows still `running`.
  const states = new Map<string, WriterState>();
  const stateOf = (token: string): WriterState => {
    let state = states.get(token);
    if (state === undefined) states.set(token, (state = writerState(file, token)));
    return state;
  };
  const orphans: string[] = [];
  for (const { id, writer_pid: pid, writer_lock: token } of statements.runningSessions.all()) {
    if (token !== null && token === ownToken) continue;
    const state = token === null ? 'unknown' : stateOf(token);
    if (state === 'alive') continue;
    if (state === 'unknown' && (pid === selfPid || (pid !== null && isAlive(pid)))) continue;
    orphans.push(id);
  }
  const marked =
    orphans.length === 0
      ? []
      : db
          .transaction(() => orphans.filter((id) => statements.markInterrupted.run(id).changes > 0))
          .immediate();
  // Only once their sessions are marked: a crash in between leaves the files to find again.
  for (const [token, state] of states) if (state === 'gone') removeWriterLock(file, token);
  return marked;
}
