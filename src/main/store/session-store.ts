/**
 * The session log: every call, event by event, in one SQLite file shared by the desktop app and
 * the CLI. Plain Node (no electron import), so the engine's tests and the CLI use it as is.
 */
import path from 'node:path';
import type Database from 'better-sqlite3';
import type {
  SessionDetail,
  SessionQuery,
  SessionStart,
  SessionSummary,
} from '../../shared/session-types.ts';
import type { WebhookExchange } from '../../shared/webhook-types.ts';
import { rowToEvent } from './event-rows.ts';
import { rowToExchange } from './exchange-rows.ts';
import { markInterruptedSessions } from './mark-interrupted.ts';
import { openDatabase } from './open-database.ts';
import { findByPrefix } from './prefix-lookup.ts';
import { assertSessionStart, normalizeQuery } from './session-input.ts';
import {
  createRecorder,
  createRecorderTransactions,
  type RecorderHost,
  type RecorderTransactions,
} from './session-recorder.ts';
import { createSearchPlanner, type SearchPlanner } from './search-plan.ts';
import { rowToDetail, rowToSummary } from './session-rows.ts';
import type { SessionRecorder, SessionStore, SessionStoreOptions } from './session-store-types.ts';
import { forFilters, searchText } from './session-sql.ts';
import { messageOf, sqliteCode } from './sqlite-errors.ts';
import {
  prepareReadStatements,
  prepareWriteStatements,
  type ReadStatements,
  type Statements,
  type WriteStatements,
} from './statements.ts';
import { StoreError } from './store-error.ts';
import { takeWriterLock, type WriterLock } from './writer-lock.ts';

// Consumers (the engine's calls, the CLI, the services, the tests) import the interfaces from
// here, next to openSessionStore; they live in session-store-types.ts to keep the recorder and
// this file from importing each other.
export type { SessionRecorder, SessionStore, SessionStoreOptions } from './session-store-types.ts';

/**
 * Opens (creating and migrating when needed) the session log at `options.path`, and marks
 * `interrupted` the running sessions of processes that died mid-call. A file that is not a
 * session log is refused before anything is written to it.
 *
 * @throws StoreError naming the file when it cannot be opened, is not a SQLite database or not a
 *   session log, was written by a newer version of the app, or (read-only) is missing or older
 */
export function openSessionStore(options: SessionStoreOptions): SessionStore {
  if (typeof options?.path !== 'string' || options.path === '') {
    throw new StoreError('invalid_input', 'openSessionStore needs a database path');
  }
  const file = path.resolve(options.path);
  const readonly = options.readonly === true;
  const db = openDatabase(file, { synchronous: options.synchronous ?? 'NORMAL', readonly });
  // Taken before the first session is begun, held until close: while it is held, other
  // processes know this store's calls are live (writer-lock.ts).
  const lock = readonly ? null : takeWriterLock(file);
  let reads: ReadStatements;
  let planSearch: SearchPlanner;
  let writes: WriteStatements | null = null;
  try {
    reads = prepareReadStatements(db);
    planSearch = createSearchPlanner(db);
    if (!readonly) {
      writes = prepareWriteStatements(db);
      markInterruptedSessions(db, writes, { file, ownToken: lock?.token ?? null });
    }
  } catch (error) {
    db.close();
    lock?.release();
    throw new StoreError(
      'cannot_open',
      `cannot open session database ${file}: ${messageOf(error)}`,
      {
        cause: error,
      },
    );
  }
  return createStore(db, { ...reads, planSearch }, writes, file, lock);
}

/** What a writing store has and a reading one has not. */
interface Writing {
  statements: Statements;
  host: RecorderHost;
  transactions: RecorderTransactions;
}

function createStore(
  db: Database.Database,
  statements: ReadStatements & { planSearch: SearchPlanner },
  writes: WriteStatements | null,
  file: string,
  lock: WriterLock | null,
): SessionStore {
  let closed = false;
  /** Sessions begun through this store and not finished yet. */
  const unfinished = new Set<string>();

  const assertOpen = (): void => {
    if (closed) throw new StoreError('closed', `the session store ${file} is closed`);
  };
  const writable = (): Writing => {
    assertOpen();
    if (writing === null) {
      throw new StoreError('read_only', `the session store ${file} was opened read-only`);
    }
    return writing;
  };
  const writing: Writing | null = writes === null ? null : createWriting(writes);
  function createWriting(writeStatements: WriteStatements): Writing {
    const host: RecorderHost = {
      db,
      statements: { ...statements, ...writeStatements },
      file,
      assertWritable: () => void writable(),
      onFinished: (id) => unfinished.delete(id),
    };
    return { statements: host.statements, host, transactions: createRecorderTransactions(host) };
  }

  // A snapshot read: the session row and its events come from the same moment even while
  // another connection is recording into it.
  const readSession = db.transaction((idOrPrefix: string): SessionDetail | null => {
    const id =
      statements.sessionStatus.get(idOrPrefix) !== undefined
        ? idOrPrefix
        : findByPrefix(statements, idOrPrefix);
    if (id === null) return null;
    const row = statements.getSession.get(id);
    if (row === undefined) return null;
    const exchanges = new Map<number, WebhookExchange>();
    for (const exchangeRow of statements.getExchanges.all(id)) {
      exchanges.set(exchangeRow.seq, rowToExchange(exchangeRow));
    }
    const events = statements.getEvents
      .all(id)
      .map((eventRow) => rowToEvent(eventRow, exchanges.get(eventRow.seq) ?? null));
    return rowToDetail(row, events);
  });

  return {
    path: file,

    begin(start: SessionStart): SessionRecorder {
      const { statements: write, host, transactions } = writable();
      assertSessionStart(start);
      try {
        write.insertSession.run({
          id: start.id,
          flow_id: start.flowId,
          flow_name: start.flowName,
          flow_path: start.flowPath,
          source: start.source,
          destination: start.destination,
          started_at: start.startedAt,
          writer_pid: process.pid,
          writer_lock: lock?.token ?? null,
          search_text: searchText(start),
        });
      } catch (error) {
        if (sqliteCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
          throw new StoreError(
            'duplicate_session',
            `session ${start.id} already exists in ${file}`,
            {
              cause: error,
            },
          );
        }
        throw new StoreError(
          'write_failed',
          `cannot begin session ${start.id} in ${file}: ${messageOf(error)}`,
          { cause: error },
        );
      }
      unfinished.add(start.id);
      return createRecorder(start.id, host, transactions);
    },

    list(query?: SessionQuery): SessionSummary[] {
      assertOpen();
      const { filters, params } = statements.planSearch(normalizeQuery(query));
      return forFilters(statements.list, filters).all(params).map(rowToSummary);
    },

    count(query?: SessionQuery, atMost?: number): number {
      assertOpen();
      if (atMost !== undefined && (!Number.isSafeInteger(atMost) || atMost < 1)) {
        throw new StoreError('invalid_input', `atMost ${String(atMost)} is not a positive integer`);
      }
      const { filters, params } = statements.planSearch(normalizeQuery(query));
      if (atMost === undefined) return forFilters(statements.count, filters).get(params)?.n ?? 0;
      return forFilters(statements.countUpTo, filters).get({ ...params, limit: atMost })?.n ?? 0;
    },

    get(idOrPrefix: string): SessionDetail | null {
      assertOpen();
      if (typeof idOrPrefix !== 'string' || idOrPrefix === '') {
        throw new StoreError('invalid_input', 'a session id (or a prefix of one) is needed');
      }
      return readSession(idOrPrefix);
    },

    delete(id: string): boolean {
      const { statements: write } = writable();
      if (typeof id !== 'string' || id === '') {
        throw new StoreError('invalid_input', 'a session id is needed to delete a session');
      }
      // Events and webhook exchanges go with it (ON DELETE CASCADE).
      const deleted = write.deleteSession.run(id).changes > 0;
      unfinished.delete(id);
      return deleted;
    },

    close(): void {
      if (closed) return;
      closed = true;
      try {
        // A call this process began and never finished will not be finished now.
        for (const id of unfinished) writing?.statements.markInterrupted.run(id);
      } catch {
        // Best effort (e.g. the file is locked): the next open marks them once this process is gone.
      }
      unfinished.clear();
      if (writing !== null) {
        try {
          // SQLite's advice for short-lived connections: refresh planner statistics on close,
          // bounded so closing a large log stays quick.
          db.pragma('analysis_limit = 1000');
          db.pragma('optimize');
        } catch {
          // Statistics are an optimisation; a busy file must not make close() throw.
        }
      }
      db.close();
      // Last: once the lock is free, others may (rightly) mark this store's leftovers interrupted.
      lock?.release();
    },
  };
}
