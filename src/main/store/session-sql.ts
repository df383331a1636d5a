/**
 * The SQL of the session list. Each combination of filters gets its own statement (prepared once
 * at open): a catch-all `(@x IS NULL OR col = @x)` would hide the filter from the planner and
 * lose the index. Exported so the plan test EXPLAINs exactly what the store runs.
 */

/** The columns of a SessionRow. */
export const SUMMARY_COLUMNS =
  'id, flow_id, flow_name, flow_path, source, destination, started_at, duration_ms, status, ' +
  'ended_by, transfer_target, event_count, webhook_count';

/** Which filters a list or count statement applies. */
export interface ListFilters {
  flowId: boolean;
  status: boolean;
  search: boolean;
}

/** Every combination of filters, in {@link filterKey} order. */
export const ALL_FILTER_COMBINATIONS: readonly ListFilters[] = Array.from(
  { length: 8 },
  (_, i) => ({
    flowId: (i & 1) !== 0,
    status: (i & 2) !== 0,
    search: (i & 4) !== 0,
  }),
);

/** The index of a filter combination in {@link ALL_FILTER_COMBINATIONS}. */
export function filterKey(filters: ListFilters): number {
  return (filters.flowId ? 1 : 0) | (filters.status ? 2 : 0) | (filters.search ? 4 : 0);
}

/** The item for `filters` of a list built from {@link ALL_FILTER_COMBINATIONS}. */
export function forFilters<T>(items: readonly T[], filters: ListFilters): T {
  const item = items[filterKey(filters)];
  if (item === undefined) throw new Error(`no statement for filters ${JSON.stringify(filters)}`);
  return item;
}

/**
 * The WHERE clause for `filters`. Parameters: `@flowId`, `@status`, `@search` (already
 * lower-cased: search_text is stored lower-cased).
 */
function whereClause(filters: ListFilters): string {
  const conditions: string[] = [];
  if (filters.flowId) conditions.push('flow_id = @flowId');
  if (filters.status) conditions.push('status = @status');
  if (filters.search) conditions.push('instr(search_text, @search) > 0');
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}

/**
 * One page of sessions, newest first. Ties on started_at fall back to rowid (insertion order),
 * which every index ends with, so the order comes straight from the index.
 * Parameters: the filters' plus `@limit` and `@offset`.
 */
export function listSql(filters: ListFilters): string {
  return (
    `SELECT ${SUMMARY_COLUMNS} FROM sessions ${whereClause(filters)} ` +
    'ORDER BY started_at DESC, rowid DESC LIMIT @limit OFFSET @offset'
  );
}

/** How many sessions match `filters`. Parameters: the filters'. */
export function countSql(filters: ListFilters): string {
  return `SELECT count(*) AS n FROM sessions ${whereClause(filters)}`;
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
