/**
 * The session list's query and its current page: search (debounced, so typing does not send a
 * query per key), outcome filter, paging. Pages come from main's indexed queries, so a log of
 * 100,000 calls pages as fast as one of ten.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SessionPage } from '../../../../shared/contract.ts';
import type { SessionStatus } from '../../../../shared/call-events.ts';
import { call } from '../../api/ivr-api.ts';

/** Sessions per page. */
export const PAGE_SIZE = 50;

const SEARCH_DEBOUNCE_MS = 200;

/** The list and how to move it. */
export interface SessionList {
  search: string;
  setSearch(search: string): void;
  status: SessionStatus | '';
  setStatus(status: SessionStatus | ''): void;
  offset: number;
  setOffset(offset: number): void;
  page: SessionPage | null;
  loading: boolean;
  error: string | null;
  /** Fetches the current page again (after a delete, or a new call). */
  refresh(): void;
}

/** The list, first page, no filters. */
export function useSessionList(): SessionList {
  const [search, setSearchState] = useState('');
  const [query, setQuery] = useState('');
  const [status, setStatusState] = useState<SessionStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<SessionPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  // Loading = the answer on screen is for another query than the current one.
  const key = JSON.stringify([query, status, offset, generation]);
  const [answered, setAnswered] = useState<string | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(search.trim()), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    let alive = true;
    call('sessions.list', {
      limit: PAGE_SIZE,
      offset,
      ...(query ? { search: query } : {}),
      ...(status ? { status } : {}),
    }).then(
      (next) => {
        if (!alive) return;
        setPage(next);
        setError(null);
        setAnswered(key);
        // The page emptied (its last sessions deleted): step back to the last page that exists.
        if (next.items.length === 0 && offset > 0 && next.total > 0) {
          setOffset(Math.max(0, Math.floor((next.total - 1) / PAGE_SIZE) * PAGE_SIZE));
        }
      },
      (failure: Error) => {
        if (!alive) return;
        setError(failure.message);
        setAnswered(key);
      },
    );
    return () => {
      alive = false;
    };
  }, [query, status, offset, generation, key]);

  return {
    search,
    setSearch: useCallback((next: string) => {
      setSearchState(next);
      setOffset(0);
    }, []),
    status,
    setStatus: useCallback((next: SessionStatus | '') => {
      setStatusState(next);
      setOffset(0);
    }, []),
    offset,
    setOffset,
    page,
    loading: answered !== key,
    error,
    refresh: useCallback(() => setGeneration((g) => g + 1), []),
  };
}
