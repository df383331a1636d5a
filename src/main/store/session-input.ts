/**
 * Checks what callers hand the store (the engine, the CLI, IPC handlers relaying the renderer):
 * bad input is refused with a message naming the problem, never passed on to SQLite.
 */
import { SESSION_STATUSES, isSessionStatus } from '../../shared/session-statuses.ts';
import type { SessionEnd, SessionQuery, SessionStart } from '../../shared/session-types.ts';
import { SEARCH_FIELD_SEPARATOR } from './session-sql.ts';
import type { NormalizedQuery } from './list-query.ts';
import { StoreError } from './store-error.ts';

/** Page size when the query names none. */
export const DEFAULT_LIST_LIMIT = 50;

const OUTCOMES: readonly SessionEnd['outcome'][] = ['hangup', 'transfer', 'error'];

function invalid(message: string): never {
  throw new StoreError('invalid_input', message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @throws StoreError `invalid_input` unless `start` can open a session row. */
export function assertSessionStart(start: unknown): asserts start is SessionStart {
  if (!isRecord(start)) invalid('cannot begin a session: no SessionStart given');
  const s = start;
  if (typeof s.id !== 'string' || s.id === '') invalid('cannot begin a session: its id is empty');
  const what = `cannot begin session ${s.id}`;
  for (const key of ['flowId', 'flowName', 'source', 'destination'] as const) {
    if (typeof s[key] !== 'string') invalid(`${what}: ${key} is not a string`);
  }
  if (s.flowPath !== null && typeof s.flowPath !== 'string') {
    invalid(`${what}: flowPath is neither a string nor null`);
  }
  if (typeof s.startedAt !== 'number' || !Number.isFinite(s.startedAt)) {
    invalid(`${what}: startedAt is not a number`);
  }
}

/** @throws StoreError `invalid_input` unless `end` can close session `id`. */
export function assertSessionEnd(end: unknown, id: string): asserts end is SessionEnd {
  const what = `cannot finish session ${id}`;
  if (!isRecord(end)) invalid(`${what}: no SessionEnd given`);
  if (!OUTCOMES.includes(end.outcome as SessionEnd['outcome'])) {
    invalid(`${what}: outcome ${String(end.outcome)} is not one of ${OUTCOMES.join(', ')}`);
  }
  if (end.endedBy !== 'flow' && end.endedBy !== 'caller') {
    invalid(`${what}: endedBy ${String(end.endedBy)} is not flow or caller`);
  }
  if (end.transferTarget !== null && typeof end.transferTarget !== 'string') {
    invalid(`${what}: transferTarget is neither a string nor null`);
  }
  if (typeof end.durationMs !== 'number' || !Number.isFinite(end.durationMs)) {
    invalid(`${what}: durationMs is not a number`);
  }
  if (!isRecord(end.variables)) invalid(`${what}: variables is not an object`);
}

/**
 * Validates a list/count query and fills in its defaults.
 *
 * @throws StoreError `invalid_input` for a malformed query
 */
export function normalizeQuery(query: SessionQuery | undefined): NormalizedQuery {
  const given: unknown = query ?? {};
  if (!isRecord(given)) invalid('the session query is not an object');
  // Typed as the caller claims, checked field by field below (IPC input is not trusted).
  const { limit = DEFAULT_LIST_LIMIT, offset = 0, flowId, status, search } = given as SessionQuery;
  if (!Number.isSafeInteger(limit) || limit < 0) {
    invalid(`limit ${String(limit)} is not a non-negative integer`);
  }
  if (!Number.isSafeInteger(offset) || offset < 0) {
    invalid(`offset ${String(offset)} is not a non-negative integer`);
  }
  if (flowId !== undefined && typeof flowId !== 'string') invalid('flowId is not a string');
  if (status !== undefined && !isSessionStatus(status)) {
    invalid(`status ${String(status)} is not one of ${SESSION_STATUSES.join(', ')}`);
  }
  if (search !== undefined && typeof search !== 'string') invalid('search is not a string');
  // search_text is stored lower-cased; the separator between its fields is never a real match.
  const needle = search?.split(SEARCH_FIELD_SEPARATOR).join('').trim().toLowerCase() ?? '';
  return {
    filters: {
      flowId: flowId !== undefined,
      status: status !== undefined,
      // Reading every row; the store moves it to the index when the index can answer it.
      search: needle === '' ? 'none' : 'scan',
    },
    params: {
      flowId: flowId ?? null,
      status: status ?? null,
      search: needle === '' ? null : needle,
      match: null,
      limit,
      offset,
    },
  };
}
