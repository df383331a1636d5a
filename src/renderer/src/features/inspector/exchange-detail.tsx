/**
 * One exchange as the tester sees it (../shared/spec/WEBHOOK.md): the request as sent, the response
 * as received, the variables parsed and those actually applied, every violation and warning, the
 * timings, and a copy-as-cURL of the exact request.
 */
import { useState } from 'react';
import type { ReactElement } from 'react';
import type { WebhookExchange } from '../../../../shared/webhook-types.ts';
import { formatDuration } from '../../lib/format-time.ts';
import { BodyView } from './body-view.tsx';
import { CopyCurlButton } from './copy-curl-button.tsx';
import { statusText, verdict } from './exchange-summary.ts';
import { formatBody } from './format-body.ts';
import { HeadersView } from './headers-view.tsx';
import { ProblemsView } from './problems-view.tsx';
import { TimingsView } from './timings-view.tsx';

function JsonBlock({ value, label }: { value: object; label: string }): ReactElement {
  const empty = Object.keys(value).length === 0;
  return empty ? (
    <p className="muted">None</p>
  ) : (
    <pre className="code-block" aria-label={label} tabIndex={0}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function appliedNote(exchange: WebhookExchange): string | null {
  if (exchange.onHangup) return 'Sent on hang-up: its reply is never applied to the call.';
  if (!exchange.ok) return 'The reply broke a rule, so none of it was applied.';
  return null;
}

/** Shows one exchange in full, notes when its reply was not applied, and offers copy as cURL. */
export function ExchangeDetail({ exchange }: { exchange: WebhookExchange }): ReactElement {
  const [prettyResponse, setPrettyResponse] = useState(false);
  const { request, response } = exchange;
  const { ok, label } = verdict(exchange);
  const problems = exchange.violations.length + exchange.warnings.length;
  const note = appliedNote(exchange);
  return (
    <article className="exchange" aria-label={`${request.method} ${request.url}`}>
      <header className="exchange__header">
        <div className="exchange__line">
          <span className={`method method--${request.method.toLowerCase()}`}>{request.method}</span>
          <span className="exchange__url" data-testid="exchange-url">
            {request.url}
          </span>
        </div>
        <div className="exchange__facts">
          <span
            className={`status ${response && response.status < 300 ? 'status--ok' : 'status--bad'}`}
          >
            {statusText(exchange)}
          </span>
          <span className={`badge ${ok ? 'badge--ok' : 'badge--error'}`}>{label}</span>
          <span className="muted">{formatDuration(exchange.timings.totalMs)}</span>
          <span className="muted">
            node <code>{exchange.node}</code>
          </span>
          {exchange.onHangup && <span className="tag tag--hangup">on hang-up</span>}
          {exchange.mock && (
            <span className="tag tag--mock" data-testid="exchange-detail-mocked">
              mocked: rule {exchange.mock.rule} of <code>{exchange.node}</code>, answered by{' '}
              {exchange.mock.server}
            </span>
          )}
          <span className="spacer" />
          <CopyCurlButton key={exchange.curl} curl={exchange.curl} />
        </div>
      </header>

      {problems > 0 && (
        <section className="exchange__section" aria-label="Violations and warnings">
          <h3>
            {exchange.violations.length > 0 ? 'Violations' : 'Warnings'}{' '}
            <span className="count">{problems}</span>
          </h3>
          <ProblemsView violations={exchange.violations} warnings={exchange.warnings} />
        </section>
      )}

      <section className="exchange__section" aria-label="Request" data-testid="request">
        <h3>Request</h3>
        <HeadersView headers={request.headers} open />
        <BodyView body={formatBody(request.body, request.headers)} label="Request body" />
      </section>

      <section className="exchange__section" aria-label="Response" data-testid="response">
        <h3>
          Response
          {response && (
            <label className="toggle">
              <input
                type="checkbox"
                checked={prettyResponse}
                onChange={(e) => setPrettyResponse(e.target.checked)}
              />
              Pretty
            </label>
          )}
        </h3>
        {response ? (
          <>
            <p className="exchange__status-line">
              <strong>{statusText(exchange)}</strong>
              <span className="muted"> · {response.bytesRead.toLocaleString()} bytes</span>
            </p>
            {response.truncated && (
              <p className="note note--warning">
                Truncated: reading stopped at the body size limit; the body shown is the first{' '}
                {response.body.length.toLocaleString()} characters.
              </p>
            )}
            {response.bodyBase64 !== undefined && (
              <p className="note note--warning">
                Not valid UTF-8: shown with replacement characters; the raw bytes are kept in the
                session log.
              </p>
            )}
            <HeadersView headers={response.headers} open={false} />
            <BodyView
              body={formatBody(response.body, response.headers, { pretty: prettyResponse })}
              label="Response body"
            />
          </>
        ) : (
          <p className="note note--error">No response: {exchange.error ?? 'the request failed'}</p>
        )}
      </section>

      <section className="exchange__section" aria-label="Variables">
        <h3>Variables</h3>
        {note && <p className="note">{note}</p>}
        <div className="exchange__vars">
          <div>
            <h4>Parsed from the reply</h4>
            <JsonBlock value={exchange.parsed} label="Parsed variables" />
          </div>
          <div>
            <h4>Applied to the call</h4>
            <JsonBlock value={exchange.variablesSet} label="Applied variables" />
          </div>
        </div>
      </section>

      <section className="exchange__section" aria-label="Timings" data-testid="timings">
        <h3>Timings</h3>
        <TimingsView timings={exchange.timings} />
      </section>
    </article>
  );
}
