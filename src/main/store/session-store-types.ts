/**
 * The session log's interfaces, apart from its implementation (session-store.ts) so that the
 * recorder and the store each import these without importing each other.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type {
  SessionDetail,
  SessionEnd,
  SessionQuery,
  SessionStart,
  SessionSummary,
} from '../../shared/session-types.ts';

/** How to open the store. */
export interface SessionStoreOptions {
  /** The SQLite file; created (with its folders) unless read-only. */
  path: string;
  /**
   * `NORMAL` (default): with WAL, every committed event survives any crash of the application;
   * only an OS crash or power loss can lose the last few. `FULL` fsyncs each commit and also
   * survives power loss, at the cost of one fsync per event.
   */
  synchronous?: 'NORMAL' | 'FULL';
  /**
   * Open for reading only: the file must exist and be a session log this version can read
   * (migrations.ts, OLDEST_READABLE_VERSION); nothing is created, migrated, swept or written.
   */
  readonly?: boolean;
}

/** The session log. */
export interface SessionStore {
  /** The database file, absolute. */
  readonly path: string;
  /** Creates the session row (status 'running') and returns its recorder. */
  begin(start: SessionStart): SessionRecorder;
  /** Sessions newest first, one page at a time (limit default 50, offset 0). */
  list(query?: SessionQuery): SessionSummary[];
  /**
   * How many sessions match the query's filters (limit and offset ignored); with `atMost`, the
   * counting stops there (a broad search at a million sessions need not read them all).
   */
  count(query?: SessionQuery, atMost?: number): number;
  /**
   * A session with all its events, by full id or by a unique prefix of at least 4 characters;
   * null when none matches.
   *
   * @throws StoreError `ambiguous_prefix` listing the candidates when several match
   */
  get(idOrPrefix: string): SessionDetail | null;
  /** Deletes a session and everything it logged; false when there was none. */
  delete(id: string): boolean;
  /** Closes the file; sessions begun here and not finished become `interrupted`. Idempotent. */
  close(): void;
}

/** The write side of one running session. */
export interface SessionRecorder {
  readonly id: string;
  /** Stores one event; durable when it returns (one transaction per event). */
  record(event: CallEvent): void;
  /** Ends the session: status = end.outcome, ended_by, duration, final variables. */
  finish(end: SessionEnd): void;
}
