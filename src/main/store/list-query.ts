/**
 * A session query as the statements take it: the filters that pick the statement and the
 * parameters bound to it. Apart from the store's modules, so the query's validation, the search
 * planner and the statements can each name it without importing one another.
 */
import type { ListFilters } from './session-sql.ts';

/** Parameters of the list and count statements (unused ones are ignored). */
export interface ListParams {
  flowId: string | null;
  status: string | null;
  search: string | null;
  /** The trigram index's query for `search` (search-plan.ts), when the index answers it. */
  match: string | null;
  limit: number;
  offset: number;
}

/** A query turned into a statement choice and its parameters. */
export interface NormalizedQuery {
  filters: ListFilters;
  params: ListParams;
}
