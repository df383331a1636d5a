/**
 * A session's webhook exchanges as HAR 1.2, the format browsers' dev tools import (Chrome and
 * Firefox: Network panel, "Import HAR"): the call is the page, each exchange an entry in the order
 * it happened, with the verdict the console gave it in underscore-prefixed custom fields.
 */
import type { SessionDetail } from '../../shared/session-types.ts';
import type { WebhookExchange } from '../../shared/webhook-types.ts';
import type { Exporter } from './exporter.ts';
import { harRequest } from './har-request.ts';
import { harResponse } from './har-response.ts';
import { harTimings } from './har-timings.ts';
import type { HarEntry, HarLog, HarPage } from './har-types.ts';

/** The exchanges of a session, in the order they happened. */
export function sessionExchanges(session: SessionDetail): WebhookExchange[] {
  return session.events.flatMap((event) => (event.type === 'webhook' ? [event.exchange] : []));
}

/** `code: detail` of the exchange's error, so a failed entry explains itself in the Network panel. */
function errorText(exchange: WebhookExchange): string | null {
  if (exchange.error === null) return null;
  const violation =
    exchange.violations.find((v) => v.code === exchange.error) ?? exchange.violations[0];
  return violation?.detail ? `${exchange.error}: ${violation.detail}` : exchange.error;
}

/** One exchange as a HAR entry of page `pageref`. */
export function harEntry(exchange: WebhookExchange, pageref: string): HarEntry {
  const { timings, time } = harTimings(exchange.timings, exchange.error);
  return {
    pageref,
    startedDateTime: new Date(exchange.timings.startedAt).toISOString(),
    time,
    request: harRequest(exchange.request),
    response: harResponse(exchange.response),
    cache: {},
    timings,
    _resourceType: 'fetch',
    _node: exchange.node,
    _onHangup: exchange.onHangup,
    _ok: exchange.ok,
    _error: errorText(exchange),
    _violations: exchange.violations,
    _warnings: exchange.warnings,
    _parsed: exchange.parsed,
    _variablesSet: exchange.variablesSet,
    _curl: exchange.curl,
  };
}

function harPage(session: SessionDetail): HarPage {
  return {
    id: session.id,
    title: `${session.flowName}: call from ${session.source}`,
    startedDateTime: new Date(session.startedAt).toISOString(),
    // A call has no load events; the call's own duration is in _durationMs (on the call's clock,
    // which is virtual for headless runs, so it is not drawn on the wall-clock waterfall).
    pageTimings: { onContentLoad: -1, onLoad: -1 },
    _flowId: session.flowId,
    _flowPath: session.flowPath,
    _source: session.source,
    _destination: session.destination,
    _status: session.status,
    _durationMs: session.durationMs,
  };
}

/** The session's webhook exchanges as a HAR 1.2 document. */
export function sessionHar(session: SessionDetail, exporter: Exporter): HarLog {
  return {
    log: {
      version: '1.2',
      creator: { name: exporter.name, version: exporter.version },
      pages: [harPage(session)],
      entries: sessionExchanges(session).map((exchange) => harEntry(exchange, session.id)),
      comment: `Webhook exchanges of session ${session.id} (flow ${session.flowId}); secrets are redacted.`,
    },
  };
}

/** The HAR document as pretty-printed JSON, newline-terminated. */
export function sessionToHar(session: SessionDetail, exporter: Exporter): string {
  return JSON.stringify(sessionHar(session, exporter), null, 2) + '\n';
}
