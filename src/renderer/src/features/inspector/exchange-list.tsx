/**
 * The exchanges of the call, one row each: node, method, URL, status, time and verdict; requests
 * sent on hang-up and replies from the environment's mock are marked. Selecting a row shows it
 * below.
 */
import type { ReactElement } from 'react';
import { formatDuration } from '../../lib/format-time.ts';
import type { ExchangeEntry } from '../../state/call-view.ts';
import { shortUrl, statusText } from './exchange-summary.ts';

/** Props of {@link ExchangeList}. */
export interface ExchangeListProps {
  entries: ExchangeEntry[];
  selected: number | null;
  onSelect(seq: number): void;
}

/** One row per exchange with its status, time and verdict; click a row to see it in full below. */
export function ExchangeList({ entries, selected, onSelect }: ExchangeListProps): ReactElement {
  return (
    <ul className="exchanges" aria-label="Webhook exchanges">
      {entries.map(({ seq, exchange }) => {
        const warnings = exchange.warnings.length;
        const current = seq === selected;
        return (
          <li key={seq}>
            <button
              type="button"
              className={`exchange-row${current ? ' is-current' : ''}`}
              aria-current={current ? 'true' : undefined}
              onClick={() => onSelect(seq)}
              data-testid="exchange-row"
            >
              <span className="exchange-row__node">{exchange.node}</span>
              <span className={`method method--${exchange.request.method.toLowerCase()}`}>
                {exchange.request.method}
              </span>
              <span className="exchange-row__url" title={exchange.request.url}>
                <span className="exchange-row__path">{shortUrl(exchange.request.url)}</span>
                {exchange.onHangup && (
                  <>
                    {' '}
                    <span className="tag tag--hangup">on hang-up</span>
                  </>
                )}
                {exchange.mock && (
                  <>
                    {' '}
                    <span
                      className="tag tag--mock"
                      title={`Answered by mock rule ${exchange.mock.rule} of the environment`}
                      data-testid="exchange-mocked"
                    >
                      mock
                    </span>
                  </>
                )}
              </span>
              <span className="exchange-row__status">{statusText(exchange)}</span>
              <span className="exchange-row__time">{formatDuration(exchange.timings.totalMs)}</span>
              <span className="exchange-row__verdict">
                <span className={`badge ${exchange.ok ? 'badge--ok' : 'badge--error'}`}>
                  {exchange.ok ? 'OK' : (exchange.error ?? 'error')}
                </span>
                {warnings > 0 && (
                  <>
                    {' '}
                    <span
                      className="badge badge--warning"
                      title={`${warnings} warning${warnings === 1 ? '' : 's'}`}
                    >
                      {warnings}
                      <span className="visually-hidden"> warning{warnings === 1 ? '' : 's'}</span>
                    </span>
                  </>
                )}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
