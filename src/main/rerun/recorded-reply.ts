/**
 * A logged exchange's reply turned back into what the HTTP transport would have returned, so the
 * webhook client's own verdict code can judge it again under the current flow's node.
 */
import type { WebhookExchange } from '../../shared/webhook-types.ts';
import type { TransportFailure, TransportResult } from '../webhook/transport-types.ts';
import { unsent } from '../webhook/transport-types.ts';

const TRANSPORT_CODES: ReadonlySet<string> = new Set([
  'connect_timeout',
  'response_timeout',
  'body_too_large',
  'tls_error',
  'network_error',
]);

/**
 * True when the request was never sent (invalid URL or body template, or an internal error):
 * such an exchange recorded no reply, only a reason it had none.
 */
function neverSent(exchange: WebhookExchange): boolean {
  if (exchange.response !== null) return false;
  const detail = exchange.violations[0]?.detail ?? '';
  return detail.startsWith('request not sent') || detail.startsWith('internal error');
}

/** The transport-level failure the exchange recorded (a timeout, the body cap, a refused connection). */
function transportFailure(exchange: WebhookExchange): TransportFailure | null {
  const violation = exchange.violations.find((v) => TRANSPORT_CODES.has(v.code));
  return violation
    ? { code: violation.code as TransportFailure['code'], detail: violation.detail }
    : null;
}

/**
 * What the transport got for this exchange: the recorded status, headers and body bytes (exact:
 * from base64 when the body was not UTF-8), and any transport failure, so a timeout or a refused
 * connection replays as itself. Null when the exchange has no reply to replay.
 */
export function recordedReply(exchange: WebhookExchange): TransportResult | null {
  if (neverSent(exchange)) return null;
  const response = exchange.response;
  const failure = transportFailure(exchange);
  if (response === null) {
    return failure === null ? null : unsent(failure);
  }
  const body =
    response.bodyBase64 === undefined
      ? new TextEncoder().encode(response.body)
      : new Uint8Array(Buffer.from(response.bodyBase64, 'base64'));
  return {
    failure,
    head: { status: response.status, statusText: response.statusText, headers: response.headers },
    body,
    bytesRead: response.bytesRead,
    truncated: response.truncated,
    connectMs: null,
    ttfbMs: 0,
    totalMs: 0,
  };
}
