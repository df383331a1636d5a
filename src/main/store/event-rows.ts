/**
 * A call event to and from its `events` row: the envelope (seq, t), the type and the node get
 * columns; everything else is the JSON of `data_json`. A webhook event's exchange goes to its own
 * table instead (see exchange-rows.ts), so nothing is stored twice.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { WebhookExchange } from '../../shared/webhook-types.ts';
import { fromJson, toJson } from './json-column.ts';
import { StoreError } from './store-error.ts';

/** The columns of one `events` row, minus session_id. */
export interface EventRow {
  seq: number;
  t_ms: number;
  type: string;
  node: string | null;
  data_json: string;
}

/**
 * The row for `event`, plus the exchange when it is a webhook event.
 *
 * @param what - names the event in errors, e.g. `event 3 of session abc`
 */
export function eventToRow(
  event: CallEvent,
  what: string,
): { row: EventRow; exchange: WebhookExchange | null } {
  const { seq, t, type, ...rest } = event as CallEvent & Record<string, unknown>;
  const data: Record<string, unknown> = rest;
  // A string node moves to its column; a null one stays in the JSON so that "node: null" and
  // "no node field" (call_started, call_ended) come back as they went in.
  let node: string | null = null;
  if (typeof data.node === 'string') {
    node = data.node;
    delete data.node;
  }
  let exchange: WebhookExchange | null = null;
  if (type === 'webhook') {
    exchange = data.exchange as WebhookExchange;
    delete data.exchange;
  }
  return { row: { seq, t_ms: t, type, node, data_json: toJson(data, what) }, exchange };
}

/** The event stored in `row` (with its exchange, for a webhook event). */
export function rowToEvent(row: EventRow, exchange: WebhookExchange | null): CallEvent {
  return {
    type: row.type,
    ...(row.node === null ? {} : { node: row.node }),
    ...fromJson<Record<string, unknown>>(row.data_json),
    ...(exchange === null ? {} : { exchange }),
    seq: row.seq,
    t: row.t_ms,
  } as CallEvent;
}

/**
 * Checks the parts of an event the store relies on, so bad input is refused with a message
 * instead of a constraint failure.
 *
 * @throws StoreError `invalid_input`
 */
export function assertStorableEvent(event: unknown, sessionId: string): asserts event is CallEvent {
  const where = `session ${sessionId}`;
  const fail = (why: string): never => {
    throw new StoreError('invalid_input', `cannot record an event in ${where}: ${why}`);
  };
  if (typeof event !== 'object' || event === null) fail('the event is not an object');
  const e = event as Record<string, unknown>;
  if (typeof e.type !== 'string' || e.type === '') fail('its type is missing');
  if (!Number.isSafeInteger(e.seq) || (e.seq as number) < 0) {
    fail(`its seq ${String(e.seq)} is not a non-negative integer`);
  }
  if (typeof e.t !== 'number' || !Number.isFinite(e.t))
    fail(`its t ${String(e.t)} is not a number`);
  if (e.type === 'webhook') assertStorableExchange(e.exchange, fail);
}

/** The exchange fields that have NOT NULL columns or are taken apart on the way in. */
function assertStorableExchange(value: unknown, fail: (why: string) => never): void {
  if (typeof value !== 'object' || value === null) fail('the webhook event has no exchange');
  const x = value as Record<string, unknown>;
  const request = x.request as Record<string, unknown> | null | undefined;
  const response = x.response as Record<string, unknown> | null | undefined;
  const timings = x.timings as Record<string, unknown> | null | undefined;
  if (typeof x.node !== 'string') fail('the exchange has no node');
  if (typeof x.curl !== 'string') fail('the exchange has no curl');
  if (typeof request !== 'object' || request === null) fail('the exchange has no request');
  if (typeof request.method !== 'string' || typeof request.url !== 'string') {
    fail('the exchange request has no method or url');
  }
  if (typeof timings !== 'object' || timings === null || typeof timings.totalMs !== 'number') {
    fail('the exchange has no timings.totalMs');
  }
  if (response !== null) {
    if (typeof response !== 'object') fail('the exchange response is neither null nor an object');
    if (typeof response.status !== 'number') fail('the exchange response has no status');
    if (typeof response.body !== 'string') fail('the exchange response has no body text');
    if (response.bodyBase64 !== undefined && typeof response.bodyBase64 !== 'string') {
      fail('the exchange response bodyBase64 is not a string');
    }
  }
}
