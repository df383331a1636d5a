/**
 * A webhook exchange to and from its `webhook_exchanges` row. Fields with a column of their own
 * (for querying and export) are not repeated in the JSON columns, and the response body is kept
 * once, as raw bytes: its text and base64 forms are derived from those bytes on read.
 */
import type {
  ViolationCode,
  WebhookExchange,
  WebhookMethod,
  WebhookRequestRecord,
  WebhookResponseRecord,
  WebhookTimings,
} from '../../shared/webhook-types.ts';
import { fromJson, toJson } from './json-column.ts';

/** The columns of one `webhook_exchanges` row, minus the key (session_id, seq). */
export interface ExchangeRow {
  node: string;
  on_hangup: number;
  method: string;
  url: string;
  status: number | null;
  ok: number;
  error: string | null;
  total_ms: number;
  request_json: string;
  response_json: string | null;
  response_body: Buffer | null;
  violations_json: string;
  warnings_json: string;
  variables_json: string;
  parsed_json: string;
  timings_json: string;
  curl: string;
  extra_json: string | null;
}

/**
 * How the body is rebuilt from the bytes. Normally nothing needs saying; the `$` keys cover the
 * rare producer whose text or base64 differs from what Node derives from the same bytes, so the
 * round trip stays exact.
 */
interface StoredResponse {
  /** The response carried `bodyBase64` (its body was not valid UTF-8). */
  $base64?: true;
  /** The body text, only when it is not the UTF-8 decoding of the stored bytes. */
  $body?: string;
  /** The base64 text, only when it is not the canonical encoding of the stored bytes. */
  $bodyBase64?: string;
  [key: string]: unknown;
}

/**
 * The row for `exchange`.
 *
 * @param what - names the exchange in errors, e.g. `event 3 of session abc`
 */
export function exchangeToRow(exchange: WebhookExchange, what: string): ExchangeRow {
  const {
    node,
    onHangup,
    request,
    response,
    ok,
    error,
    violations,
    warnings,
    parsed,
    variablesSet,
    timings,
    curl,
    ...extra
  } = exchange;
  const { method, url, ...requestRest } = request;
  const { totalMs, ...timingsRest } = timings;
  const stored = response === null ? null : responseToStored(response);
  return {
    node,
    on_hangup: onHangup ? 1 : 0,
    method,
    url,
    status: response === null ? null : response.status,
    ok: ok ? 1 : 0,
    error,
    total_ms: totalMs,
    request_json: toJson(requestRest, `the webhook request of ${what}`),
    response_json: stored === null ? null : toJson(stored.json, `the webhook response of ${what}`),
    response_body: stored === null ? null : stored.bytes,
    violations_json: toJson(violations, `the webhook violations of ${what}`),
    warnings_json: toJson(warnings, `the webhook warnings of ${what}`),
    variables_json: toJson(variablesSet, `the webhook variablesSet of ${what}`),
    parsed_json: toJson(parsed, `the webhook parsed variables of ${what}`),
    timings_json: toJson(timingsRest, `the webhook timings of ${what}`),
    curl,
    extra_json:
      Object.keys(extra).length > 0 ? toJson(extra, `the webhook exchange of ${what}`) : null,
  };
}

/** The exchange stored in `row`. */
export function rowToExchange(row: ExchangeRow): WebhookExchange {
  const extra = row.extra_json === null ? {} : fromJson<Record<string, unknown>>(row.extra_json);
  const request: WebhookRequestRecord = {
    method: row.method as WebhookMethod,
    url: row.url,
    ...fromJson<Omit<WebhookRequestRecord, 'method' | 'url'>>(row.request_json),
  };
  const timings: WebhookTimings = {
    ...fromJson<Omit<WebhookTimings, 'totalMs'>>(row.timings_json),
    totalMs: row.total_ms,
  };
  return {
    node: row.node,
    onHangup: row.on_hangup !== 0,
    request,
    response: storedToResponse(row),
    ok: row.ok !== 0,
    error: row.error as ViolationCode | null,
    violations: fromJson(row.violations_json),
    warnings: fromJson(row.warnings_json),
    parsed: fromJson(row.parsed_json),
    variablesSet: fromJson(row.variables_json),
    timings,
    curl: row.curl,
    ...extra,
  };
}

/** Splits a response into its raw body bytes and the JSON for everything else. */
function responseToStored(response: WebhookResponseRecord): {
  json: StoredResponse;
  bytes: Buffer;
} {
  const { body, bodyBase64 } = response;
  // status has a column and the body is the bytes: the JSON keeps the rest.
  const json: StoredResponse = { ...response };
  delete json.status;
  delete json.body;
  delete json.bodyBase64;
  const bytes =
    bodyBase64 === undefined ? Buffer.from(body, 'utf8') : Buffer.from(bodyBase64, 'base64');
  if (bodyBase64 !== undefined) {
    json.$base64 = true;
    if (bytes.toString('base64') !== bodyBase64) json.$bodyBase64 = bodyBase64;
  }
  if (bytes.toString('utf8') !== body) json.$body = body;
  return { json, bytes };
}

/** Rebuilds the response (or null when none arrived) from its row. */
function storedToResponse(row: ExchangeRow): WebhookResponseRecord | null {
  if (row.response_json === null || row.status === null) return null;
  const { $base64, $body, $bodyBase64, ...rest } = fromJson<StoredResponse>(row.response_json);
  const bytes = row.response_body ?? Buffer.alloc(0);
  const response = {
    status: row.status,
    ...rest,
    body: $body ?? bytes.toString('utf8'),
  } as WebhookResponseRecord;
  if ($base64) response.bodyBase64 = $bodyBase64 ?? bytes.toString('base64');
  return response;
}
