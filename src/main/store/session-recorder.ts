/**
 * The write side of one session: each event becomes durable before `record()` returns, in a
 * transaction of its own (event row, exchange row, counters), with no batching: a crash mid-call
 * loses at most the event in flight.
 */
import type Database from 'better-sqlite3';
import type { CallEvent } from '../../shared/call-events.ts';
import type { SessionEnd } from '../../shared/session-types.ts';
import { assertStorableEvent, eventToRow, type EventRow } from './event-rows.ts';
import { exchangeToRow, type ExchangeRow } from './exchange-rows.ts';
import { toJson } from './json-column.ts';
import { assertSessionEnd } from './session-input.ts';
import { variablesSearchText } from './session-sql.ts';
import type { SessionRecorder } from './session-store-types.ts';
import { messageOf, sqliteCode } from './sqlite-errors.ts';
import type { Statements } from './statements.ts';
import { StoreError } from './store-error.ts';

/** What a recorder needs from its store. */
export interface RecorderHost {
  db: Database.Database;
  statements: Statements;
  file: string;
  /** Throws unless the store is open and writable. */
  assertWritable(): void;
  /** Called once the session is finished, so the store stops tracking it. */
  onFinished(id: string): void;
}

/** Transactions shared by every recorder of one store (wrapped once, like the statements). */
export interface RecorderTransactions {
  recordEvent: Database.Transaction<
    (id: string, row: EventRow, exchange: ExchangeRow | null) => void
  >;
}

/** Builds the per-store transactions. */
export function createRecorderTransactions(host: RecorderHost): RecorderTransactions {
  const { db, statements } = host;
  return {
    recordEvent: db.transaction((id: string, row: EventRow, exchange: ExchangeRow | null) => {
      // Counters first: it doubles as the "is this session still running" check, and its
      // failure rolls back before any row is written.
      const bumped = statements.bumpCounters.run({ id, webhooks: exchange === null ? 0 : 1 });
      if (bumped.changes === 0) throw notRunningError(host, id, `record event ${row.seq}`);
      try {
        statements.insertEvent.run({ session_id: id, ...row });
      } catch (error) {
        if (sqliteCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
          throw new StoreError(
            'duplicate_event',
            `session ${id} already has an event with seq ${row.seq}`,
            { cause: error },
          );
        }
        throw error;
      }
      if (exchange !== null) {
        statements.insertExchange.run({ session_id: id, seq: row.seq, ...exchange });
      }
    }),
  };
}

/** The error for writing to a session that is unknown or no longer running. */
export function notRunningError(host: RecorderHost, id: string, action: string): StoreError {
  const row = host.statements.sessionStatus.get(id);
  if (row === undefined) {
    return new StoreError('unknown_session', `cannot ${action}: no session ${id} in ${host.file}`);
  }
  return new StoreError(
    'session_finished',
    `cannot ${action}: session ${id} has already ended (status ${row.status})`,
  );
}

/** Wraps an unexpected SQLite failure (disk full, lock timeout, …) with what was being done. */
function writeFailed(host: RecorderHost, action: string, error: unknown): Error {
  if (error instanceof StoreError) return error;
  return new StoreError('write_failed', `cannot ${action} in ${host.file}: ${messageOf(error)}`, {
    cause: error,
  });
}

/** The recorder of the running session `id`. */
export function createRecorder(
  id: string,
  host: RecorderHost,
  transactions: RecorderTransactions,
): SessionRecorder {
  return {
    id,
    record(event: CallEvent): void {
      host.assertWritable();
      assertStorableEvent(event, id);
      const what = `event ${event.seq} of session ${id}`;
      const { row, exchange } = eventToRow(event, what);
      const exchangeRow = exchange === null ? null : exchangeToRow(exchange, what);
      try {
        // IMMEDIATE: take the write lock up front, waiting (busy_timeout) for another process's
        // write to finish, rather than failing on a read-to-write upgrade mid-transaction.
        transactions.recordEvent.immediate(id, row, exchangeRow);
      } catch (error) {
        throw writeFailed(host, `record ${what}`, error);
      }
    },
    finish(end: SessionEnd): void {
      host.assertWritable();
      assertSessionEnd(end, id);
      const variablesJson = toJson(end.variables, `the final variables of session ${id}`);
      let changes: number;
      try {
        changes = host.statements.finishSession.run({
          id,
          status: end.outcome,
          ended_by: end.endedBy,
          transfer_target: end.transferTarget,
          duration_ms: end.durationMs,
          ended_at: Date.now(),
          variables_json: variablesJson,
          variables_search_text: variablesSearchText(end.variables),
        }).changes;
      } catch (error) {
        throw writeFailed(host, `finish session ${id}`, error);
      }
      if (changes === 0) throw notRunningError(host, id, 'finish');
      host.onFinished(id);
    },
  };
}
