/**
 * The SQL of the session list. Each combination of filters gets its own statement (prepared once
 * at open): a catch-all `(@x IS NULL OR col = @x)` would hide the filter from the planner and
 * lose the index. Exported so the plan test EXPLAINs exactly what the store runs.
 */

/** The columns of a SessionRow. */
export const SUMMARY_COLUMNS =
  'id, flow_id, flow_name, flow_path, source, destination, started_at, duration_ms, status, ' +
  'ended_by, transfer_target, event_count, webhook_count';

/**
 * How a list or count applies the search: not at all; by reading every row (a search too short
 * for the index, or one found in most rows: search-plan.ts); or through the trigram index
 * (migration 4), reading only the rows it names.
 */
export type SearchMode = 'none' | 'scan' | 'index';

const SEARCH_MODES: readonly SearchMode[] = ['none', 'scan', 'index'];

/** Which filters a list or count statement applies. */
export interface ListFilters {
  flowId: boolean;
  status: boolean;
  search: SearchMode;
}

/** Every combination of filters, in {@link filterKey} order. */
export const ALL_FILTER_COMBINATIONS: readonly ListFilters[] = Array.from(
  { length: 4 * SEARCH_MODES.length },
  (_, i) => ({
    flowId: (i & 1) !== 0,
    status: (i & 2) !== 0,
    search: SEARCH_MODES[i >> 2] ?? 'none',
  }),
);

/** The index of a filter combination in {@link ALL_FILTER_COMBINATIONS}. */
export function filterKey(filters: ListFilters): number {
  return (
    (filters.flowId ? 1 : 0) |
    (filters.status ? 2 : 0) |
    (SEARCH_MODES.indexOf(filters.search) << 2)
  );
}

/** The item for `filters` of a list built from {@link ALL_FILTER_COMBINATIONS}. */
export function forFilters<T>(items: readonly T[], filters: ListFilters): T {
  const item = items[filterKey(filters)];
  if (item === undefined) throw new Error(`no statement for filters ${JSON.stringify(filters)}`);
  return item;
}

/**
 * FROM and WHERE for `filters`. Parameters: `@flowId`, `@status`, `@search` (already lower-cased:
 * search_text is stored lower-cased) and, for the index, `@match` (search-plan.ts).
 *
 * Through the index, the FTS table drives the join (CROSS JOIN fixes that order: the planner
 * cannot tell how few rows a MATCH yields, and might walk started_at instead). instr() stays as
 * the exact check on its candidates: @match asks for a few of the search's trigrams, anywhere in
 * the row, and the tokenizer folds case by its own table (it may fold two characters that
 * lower-casing keeps apart).
 */
function fromWhere(filters: ListFilters): string {
  const conditions: string[] = [];
  let from = 'sessions';
  if (filters.search === 'index') {
    from = 'sessions_search CROSS JOIN sessions ON sessions.rowid = sessions_search.rowid';
    conditions.push('sessions_search MATCH @match');
  }
  if (filters.flowId) conditions.push('flow_id = @flowId');
  if (filters.status) conditions.push('status = @status');
  if (filters.search !== 'none') conditions.push('instr(sessions.search_text, @search) > 0');
  return `FROM ${from}${conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`}`;
}

/**
 * One page of sessions, newest first. Ties on started_at fall back to rowid (insertion order),
 * which every index ends with, so the order comes straight from the index (through the search
 * index, only the matching rows are sorted).
 * Parameters: the filters' plus `@limit` and `@offset`.
 */
export function listSql(filters: ListFilters): string {
  const columns = SUMMARY_COLUMNS.split(', ')
    .map((column) => `sessions.${column}`)
    .join(', ');
  return (
    `SELECT ${columns} ${fromWhere(filters)} ` +
    'ORDER BY sessions.started_at DESC, sessions.rowid DESC LIMIT @limit OFFSET @offset'
  );
}

/** How many sessions match `filters`. Parameters: the filters'. */
export function countSql(filters: ListFilters): string {
  return `SELECT count(*) AS n ${fromWhere(filters)}`;
}

/**
 * How many sessions match `filters`, counting no further than `@limit`: a search that matches
 * most of a million rows stops at the limit instead of reading them all.
 * Parameters: the filters' plus `@limit`.
 */
export function cappedCountSql(filters: ListFilters): string {
  return `SELECT count(*) AS n FROM (SELECT 1 ${fromWhere(filters)} LIMIT @limit)`;
}

/** Separates the fields inside search_text, so a search cannot match across two of them. */
export const SEARCH_FIELD_SEPARATOR = '\u001f';

/** The search_text of a session as it starts: its searchable fields, lower-cased. */
export function searchText(fields: {
  source: string;
  destination: string;
  flowId: string;
  flowName: string;
}): string {
  return [fields.source, fields.destination, fields.flowId, fields.flowName]
    .join(SEARCH_FIELD_SEPARATOR)
    .toLowerCase();
}

/** At most this much of the final variables' text is searchable, so one huge value cannot slow every search. */
export const MAX_VARIABLES_SEARCH_TEXT = 8192;

/**
 * What a finished session adds to its search_text: every scalar value among its final variables
 * (nested ones included), each a field of its own, lower-cased, so a tester finds the call in
 * which `customer_name` became "Anna" or the meter reading was 04521.
 */
export function variablesSearchText(variables: unknown): string {
  const values: string[] = [];
  let length = 0;
  const visit = (value: unknown): void => {
    if (length >= MAX_VARIABLES_SEARCH_TEXT) return;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      const text = String(value);
      if (text === '') return;
      values.push(text);
      length += text.length + 1;
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) visit(item);
    }
  };
  visit(variables);
  if (values.length === 0) return '';
  const text = SEARCH_FIELD_SEPARATOR + values.join(SEARCH_FIELD_SEPARATOR);
  return text.slice(0, MAX_VARIABLES_SEARCH_TEXT).toLowerCase();
}
