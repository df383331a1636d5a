/**
 * Every statement the store runs, prepared once when the store opens (the Bruno habit): no SQL is
 * compiled per call, and a schema mismatch shows up at open rather than mid-call.
 */
import type Database from 'better-sqlite3';
import type { EventRow } from './event-rows.ts';
import type { ExchangeRow } from './exchange-rows.ts';
import {
  ALL_FILTER_COMBINATIONS,
  SUMMARY_COLUMNS,
  cappedCountSql,
  countSql,
  listSql,
  type ListFilters,
} from './session-sql.ts';
import type { ListParams } from './list-query.ts';
import type { SessionDetailRow, SessionRow } from './session-rows.ts';
import { hasSearchIndex } from './search-plan.ts';

type Statement<P extends unknown[] | object, R = unknown> = Database.Statement<
  P extends unknown[] ? P : [P],
  R
>;

/** The parameters of a new session row. */
export interface NewSessionParams {
  id: string;
  flow_id: string;
  flow_name: string;
  flow_path: string | null;
  source: string;
  destination: string;
  started_at: number;
  writer_pid: number;
  /** The token of the writer's lock file (writer-lock.ts), or null when it could not take one. */
  writer_lock: string | null;
  search_text: string;
}

/** The parameters that end a session. */
export interface FinishParams {
  id: string;
  status: string;
  ended_by: string;
  transfer_target: string | null;
  duration_ms: number;
  ended_at: number;
  variables_json: string;
  /** Appended to search_text: the final variables' values (variablesSearchText). */
  variables_search_text: string;
}

/** The statements a reader needs: none of them writes. */
export interface ReadStatements {
  sessionStatus: Statement<[id: string], { status: string }>;
  getSession: Statement<[id: string], SessionDetailRow>;
  /** Ids in [from, to) by primary key, for prefix lookup; at most @max. */
  idsInRange: Statement<{ from: string; to: string; max: number }, { id: string }>;
  getEvents: Statement<[sessionId: string], EventRow>;
  getExchanges: Statement<[sessionId: string], ExchangeRow & { seq: number }>;
  /** Indexed by filterKey(). */
  list: Statement<ListParams, SessionRow>[];
  /** Indexed by filterKey(). */
  count: Statement<ListParams, { n: number }>[];
  /** Indexed by filterKey(); counts no further than `limit`. */
  countUpTo: Statement<ListParams, { n: number }>[];
}

/** The statements only a writer prepares (they may name columns an older readable schema lacks). */
export interface WriteStatements {
  insertSession: Statement<NewSessionParams>;
  /** Bumps the counters of a session that is still running; 0 changes when it is not. */
  bumpCounters: Statement<{ id: string; webhooks: number }>;
  insertEvent: Statement<EventRow & { session_id: string }>;
  insertExchange: Statement<ExchangeRow & { session_id: string; seq: number }>;
  finishSession: Statement<FinishParams>;
  markInterrupted: Statement<[id: string]>;
  runningSessions: Statement<
    [],
    { id: string; writer_pid: number | null; writer_lock: string | null }
  >;
  deleteSession: Statement<[id: string]>;
}

/** The prepared statements of a writer, by job. */
export type Statements = ReadStatements & WriteStatements;

/**
 * Prepares the reading statements, against a database at any readable schema version. A log
 * read as it is from before the search index (version 2 or 3) searches by reading every row:
 * the same answers, only slower.
 */
export function prepareReadStatements(db: Database.Database): ReadStatements {
  const indexed = hasSearchIndex(db);
  const filterCombinations = ALL_FILTER_COMBINATIONS.map((filters): ListFilters =>
    filters.search === 'index' && !indexed ? { ...filters, search: 'scan' } : filters,
  );
  return {
    sessionStatus: db.prepare('SELECT status FROM sessions WHERE id = ?'),
    getSession: db.prepare(`SELECT ${SUMMARY_COLUMNS}, variables_json FROM sessions WHERE id = ?`),
    idsInRange: db.prepare(
      'SELECT id FROM sessions WHERE id >= @from AND id < @to ORDER BY id LIMIT @max',
    ),
    getEvents: db.prepare(
      'SELECT seq, t_ms, type, node, data_json FROM events WHERE session_id = ? ORDER BY seq',
    ),
    getExchanges: db.prepare(
      `SELECT seq, node, on_hangup, method, url, status, ok, error, total_ms, request_json,
         response_json, response_body, violations_json, warnings_json, variables_json,
         parsed_json, timings_json, curl, extra_json
       FROM webhook_exchanges WHERE session_id = ? ORDER BY seq`,
    ),
    list: filterCombinations.map((filters) => db.prepare(listSql(filters))),
    count: filterCombinations.map((filters) => db.prepare(countSql(filters))),
    countUpTo: filterCombinations.map((filters) => db.prepare(cappedCountSql(filters))),
  };
}

/** Prepares the writing statements, against a database at the latest schema version. */
export function prepareWriteStatements(db: Database.Database): WriteStatements {
  return {
    insertSession: db.prepare(
      `INSERT INTO sessions (id, flow_id, flow_name, flow_path, source, destination, started_at,
         status, writer_pid, writer_lock, search_text)
       VALUES (@id, @flow_id, @flow_name, @flow_path, @source, @destination, @started_at,
         'running', @writer_pid, @writer_lock, @search_text)`,
    ),
    bumpCounters: db.prepare(
      `UPDATE sessions SET event_count = event_count + 1, webhook_count = webhook_count + @webhooks
       WHERE id = @id AND status = 'running'`,
    ),
    insertEvent: db.prepare(
      `INSERT INTO events (session_id, seq, t_ms, type, node, data_json)
       VALUES (@session_id, @seq, @t_ms, @type, @node, @data_json)`,
    ),
    insertExchange: db.prepare(
      `INSERT INTO webhook_exchanges (session_id, seq, node, on_hangup, method, url, status, ok,
         error, total_ms, request_json, response_json, response_body, violations_json,
         warnings_json, variables_json, parsed_json, timings_json, curl, extra_json)
       VALUES (@session_id, @seq, @node, @on_hangup, @method, @url, @status, @ok, @error,
         @total_ms, @request_json, @response_json, @response_body, @violations_json,
         @warnings_json, @variables_json, @parsed_json, @timings_json, @curl, @extra_json)`,
    ),
    finishSession: db.prepare(
      `UPDATE sessions SET status = @status, ended_by = @ended_by,
         transfer_target = @transfer_target, duration_ms = @duration_ms, ended_at = @ended_at,
         variables_json = @variables_json, search_text = search_text || @variables_search_text
       WHERE id = @id AND status = 'running'`,
    ),
    markInterrupted: db.prepare(
      `UPDATE sessions SET status = 'interrupted' WHERE id = ? AND status = 'running'`,
    ),
    runningSessions: db.prepare(
      `SELECT id, writer_pid, writer_lock FROM sessions WHERE status = 'running'`,
    ),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
  };
}
