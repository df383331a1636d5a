/**
 * The Sessions screen (surface 6): every logged call, newest first, searchable by caller, flow
 * or a variable's value and filtered by outcome, one page at a time; the picked session opens in
 * the detail pane. Delete takes effect after a few seconds, with Undo until then.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ReactElement } from 'react';
import type { SessionStatus } from '../../../../shared/call-events.ts';
import type { SessionDetail as Session } from '../../../../shared/session-types.ts';
import { call } from '../../api/ivr-api.ts';
import { formatDuration, formatStart } from '../../lib/format-time.ts';
import { SessionDetail } from './session-detail.tsx';
import { describeOutcome, OUTCOME_LABELS } from './session-outcome.ts';
import { PAGE_SIZE, useSessionList } from './use-session-list.ts';
import './sessions.css';

/** How long Undo is offered before a delete is carried out. */
const UNDO_MS = 6000;

/** Props of {@link SessionsScreen}. */
export interface SessionsScreenProps {
  onReplay(session: Session): void;
}

/** Lets the user search and filter logged calls, open one beside the list, and delete with Undo. */
export function SessionsScreen({ onReplay }: SessionsScreenProps): ReactElement {
  const list = useSessionList();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Session | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ session: Session; timer: number } | null>(null);
  // The delete still waiting for Undo, for the unmount cleanup to carry out.
  const pendingRef = useRef(pending);
  useLayoutEffect(() => {
    pendingRef.current = pending;
  }, [pending]);
  const { refresh } = list;

  useEffect(() => {
    if (!selectedId) return undefined;
    let alive = true;
    call('sessions.get', { id: selectedId }).then(
      (session) => {
        if (!alive) return;
        setSelected(session);
        setOpenError(null);
      },
      (error: Error) => alive && setOpenError(error.message),
    );
    return () => {
      alive = false;
    };
  }, [selectedId]);

  const commitDelete = useCallback(
    (session: Session) => {
      call('sessions.delete', { id: session.id }).then(refresh, refresh);
    },
    [refresh],
  );

  // Leaving the screen carries out a delete still waiting for Undo: the user asked for it.
  useEffect(
    () => () => {
      const waiting = pendingRef.current;
      if (waiting) {
        window.clearTimeout(waiting.timer);
        void call('sessions.delete', { id: waiting.session.id }).catch(() => undefined);
      }
    },
    [],
  );

  const remove = (session: Session): void => {
    if (pending) {
      window.clearTimeout(pending.timer);
      commitDelete(pending.session);
    }
    const timer = window.setTimeout(() => {
      setPending(null);
      commitDelete(session);
    }, UNDO_MS);
    setPending({ session, timer });
    setSelectedId(null);
  };

  const undo = (): void => {
    if (!pending) return;
    window.clearTimeout(pending.timer);
    setSelectedId(pending.session.id);
    setPending(null);
  };

  const page = list.page;
  const items = (page?.items ?? []).filter((s) => s.id !== pending?.session.id);
  const total =
    (page?.total ?? 0) - (pending && page?.items.some((s) => s.id === pending.session.id) ? 1 : 0);
  const first = total === 0 ? 0 : list.offset + 1;
  const last = list.offset + items.length;

  return (
    <div className="sessions" data-testid="sessions-screen">
      <section className="panel sessions__list" aria-labelledby="sessions-title">
        <div className="sessions__toolbar">
          <h2 className="panel__title sessions__title" id="sessions-title">
            Sessions
          </h2>
          <input
            type="search"
            className="sessions__search"
            placeholder="Search caller, flow or a variable's value"
            aria-label="Search sessions"
            value={list.search}
            onChange={(event) => list.setSearch(event.target.value)}
            data-testid="sessions-search"
          />
          <label className="sessions__filter">
            <span className="visually-hidden">Outcome</span>
            <select
              value={list.status}
              onChange={(event) => list.setStatus(event.target.value as SessionStatus | '')}
              data-testid="sessions-outcome"
            >
              <option value="">All outcomes</option>
              {(Object.keys(OUTCOME_LABELS) as SessionStatus[]).map((status) => (
                <option key={status} value={status}>
                  {OUTCOME_LABELS[status]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--small" onClick={refresh}>
            Refresh
          </button>
        </div>
        {list.error && (
          <p className="sessions__error" role="alert">
            {list.error}
          </p>
        )}
        <div className="sessions__table-wrap" aria-busy={list.loading}>
          <table className="sessions__table" data-testid="sessions-table">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Flow</th>
                <th scope="col">Caller</th>
                <th scope="col">Outcome</th>
                <th scope="col" className="num">
                  Duration
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((session) => (
                <tr
                  key={session.id}
                  className={session.id === selectedId ? 'is-selected' : undefined}
                  aria-selected={session.id === selectedId}
                  data-session-id={session.id}
                >
                  <td>
                    <button
                      type="button"
                      className="sessions__open"
                      onClick={() => setSelectedId(session.id)}
                      title={`Open session ${session.id}`}
                    >
                      {formatStart(session.startedAt)}
                    </button>
                  </td>
                  <td>{session.flowName}</td>
                  <td className="mono">{session.source}</td>
                  <td>
                    <span className={`outcome outcome--${session.status}`}>
                      {describeOutcome(session)}
                    </span>
                  </td>
                  <td className="num">{formatDuration(session.durationMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page && items.length === 0 && !list.loading && (
            <div className="empty">
              <p className="empty__title">
                {list.search || list.status ? 'No session matches' : 'No sessions yet'}
              </p>
              <p>
                {list.search || list.status
                  ? 'Try another search or outcome.'
                  : 'Every call placed on the phone or with the CLI is logged here.'}
              </p>
            </div>
          )}
        </div>
        <nav className="sessions__pager" aria-label="Pages">
          <span data-testid="sessions-range">
            {first}–{last} of {total.toLocaleString()}
            {page?.atLeast ? '+' : ''}
          </span>
          <button
            type="button"
            className="button button--small"
            disabled={list.offset === 0}
            onClick={() => list.setOffset(Math.max(0, list.offset - PAGE_SIZE))}
          >
            Newer
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={list.offset + PAGE_SIZE >= (page?.total ?? 0)}
            onClick={() => list.setOffset(list.offset + PAGE_SIZE)}
          >
            Older
          </button>
        </nav>
      </section>
      <section className="panel sessions__detail" aria-label="Session">
        {openError ? (
          <p className="sessions__error" role="alert">
            {openError}
          </p>
        ) : selected && selected.id === selectedId ? (
          <SessionDetail
            key={selected.id}
            session={selected}
            onReplay={onReplay}
            onDelete={remove}
            onOpenSession={setSelectedId}
          />
        ) : (
          <div className="empty">
            <p className="empty__title">{selectedId ? 'Opening…' : 'Pick a session'}</p>
            <p>Replay it on the phone, re-run it against the flow as it is now, export it.</p>
          </div>
        )}
      </section>
      {pending && (
        <div className="toast" role="status" data-testid="delete-toast">
          Session {pending.session.id.slice(0, 8)} deleted.
          <button type="button" className="button button--small" onClick={undo}>
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
