/**
 * Decides, search by search, how the trigram index (migration 4) answers it. The index keeps no
 * positions (detail=none), so it is asked which rows hold some of the search's trigrams, a
 * superset of the matches that instr() then checks exactly. Asking for every trigram walks the
 * doclist of each, and some are in nearly every row (`+36` of every caller, `000` of a service
 * number): at 1,000,000 sessions that walk alone costs tens of milliseconds. So only the rarest
 * few are asked for, and a search made only of common trigrams reads the rows in order instead,
 * where the page stops at its 50th match.
 */
import type Database from 'better-sqlite3';
import type { NormalizedQuery } from './list-query.ts';

/** How many of a trigram's newest rows are read to judge how common it is. */
const PROBE_ROWS = 256;
/** At most this many of a long search's trigrams are judged (evenly spread over it). */
const MAX_PROBED = 12;
/** At most this many trigrams are asked of the index together (a candidate holds every one). */
const MAX_ASKED = 3;
/** A further trigram is asked only if it is in fewer than this share of rows. */
const SELECTIVE_SHARE = 0.1;
/**
 * When even the rarest trigram is in this share of rows or more, the search reads the rows in
 * order: the index would hand over most of the log, and a page of matches comes sooner by walking
 * started_at (the count reads every row either way).
 */
const BROAD_SHARE = 0.2;

/** Whether the database has migration 4's trigram index over the search text. */
export function hasSearchIndex(db: Database.Database): boolean {
  const row = db
    .prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sessions_search'`)
    .get();
  return row !== undefined;
}

/**
 * The trigrams of `needle` in order; null when the index cannot answer it:
 * under three characters (code points, as the tokenizer counts them), or holding a NUL (FTS5
 * reads its query as a C string and would cut it there).
 */
export function needleTrigrams(needle: string): string[] | null {
  const chars = Array.from(needle);
  if (chars.length < 3 || needle.includes('\0')) return null;
  return chars.slice(2).map((_, i) => chars.slice(i, i + 3).join(''));
}

/**
 * `text` as an FTS5 string: quoted, `"` doubled, so `*`, `OR`, `NEAR(`, `-` or `:` in a search
 * are plain text and no input is a syntax error.
 */
export function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** Turns a normalized query's search into one the index answers, when that is the faster way. */
export type SearchPlanner = (query: NormalizedQuery) => NormalizedQuery;

/**
 * The planner of a connection, or one that always reads every row when the database has no
 * index (a log of version 2 or 3 read as it is).
 */
export function createSearchPlanner(db: Database.Database): SearchPlanner {
  if (!hasSearchIndex(db)) return (query) => query;
  const probe = db.prepare<{ term: string; limit: number }, { n: number; low: number | null }>(
    `SELECT count(*) AS n, min(rowid) AS low FROM (
       SELECT rowid FROM sessions_search WHERE sessions_search MATCH @term
       ORDER BY rowid DESC LIMIT @limit)`,
  );
  const top = db.prepare<[], { top: number | null }>('SELECT max(rowid) AS top FROM sessions');
  // The Sessions screen asks for a page and then its total: the second reuses the first's plan
  // while no session was added (a stale plan would only be slower, never wrong).
  let last: { needle: string; newest: number; match: string | null } | null = null;
  return (query) => {
    const { filters, params } = query;
    if (filters.search !== 'scan' || params.search === null) return query;
    const needle = params.search;
    const newest = top.get()?.top ?? 0;
    if (last?.needle !== needle || last.newest !== newest) {
      last = { needle, newest, match: planMatch(needle, newest, probe) };
    }
    if (last.match === null) return query;
    return {
      filters: { ...filters, search: 'index' },
      params: { ...params, match: last.match },
    };
  };
}

type Probe = Database.Statement<
  [{ term: string; limit: number }],
  { n: number; low: number | null }
>;

/**
 * The MATCH for `needle` in a log whose newest rowid is `newest`, or null to read every row.
 * Each trigram is judged by the share of rows holding it: exact when it is in fewer than
 * PROBE_ROWS rows, else by how far back its newest PROBE_ROWS reach. The rarest is asked for,
 * and with it the next rarest while they are selective.
 */
function planMatch(needle: string, newest: number, probe: Probe): string | null {
  const trigrams = needleTrigrams(needle);
  if (trigrams === null || newest <= 0) return null;
  const judged = spread([...new Set(trigrams)], MAX_PROBED).map((trigram) => {
    const term = ftsString(trigram);
    const { n, low } = probe.get({ term, limit: PROBE_ROWS }) ?? { n: 0, low: null };
    return { term, share: n < PROBE_ROWS || low === null ? n / newest : n / (newest - low + 1) };
  });
  judged.sort((a, b) => a.share - b.share);
  const [rarest, ...others] = judged;
  if (rarest === undefined || rarest.share >= BROAD_SHARE) return null;
  const asked = [rarest.term];
  for (const { term, share } of others.slice(0, MAX_ASKED - 1)) {
    if (share < SELECTIVE_SHARE) asked.push(term);
  }
  return asked.join(' ');
}

/** At most `max` of `items`, evenly spread from the first to the last. */
function spread<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from(
    { length: max },
    (_, i) => items[Math.round((i * (items.length - 1)) / (max - 1))] as T,
  );
}
