/**
 * The contract between the client and its HTTP transport: one request in, one result out, never
 * an exception.
 */
import type { ViolationCode } from '../../shared/webhook-types.ts';
import type { WireRequest } from './render-request.ts';

/** A request plus the limits the transport enforces while sending it. */
export interface TransportRequest extends WireRequest {
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  maxBodyBytes: number;
}

/** Transport-level failures: the ones decided before the body can be judged. */
export type TransportFailureCode = Extract<
  ViolationCode,
  'connect_timeout' | 'response_timeout' | 'body_too_large' | 'tls_error' | 'network_error'
>;

/** Why the exchange stopped early. */
export interface TransportFailure {
  code: TransportFailureCode;
  detail: string;
}

/** The response head, as received. */
export interface ResponseHead {
  status: number;
  statusText: string;
  /** Lowercased names, in order received. */
  headers: [string, string][];
}

/** What came back, however far it got. */
export interface TransportResult {
  failure: TransportFailure | null;
  /** Null when no response head arrived. */
  head: ResponseHead | null;
  /** At most `maxBodyBytes` bytes of body. */
  body: Uint8Array;
  /** Bytes received, counting the chunk that crossed the cap. */
  bytesRead: number;
  /** True when reading stopped at the cap. */
  truncated: boolean;
  /**
   * TCP connect time (through a proxy: until its tunnel or connection is up), TLS excluded; null
   * when a kept-alive socket was reused or none was made.
   */
  connectMs: number | null;
  /**
   * TLS handshake time; null when there was none (plain http, reused socket, no connection).
   * Optional so a recorded reply (replay) need not invent one.
   */
  tlsMs?: number | null;
  /** Dispatch to response head; null without a response. */
  ttfbMs: number | null;
  /** Dispatch to completion or failure. */
  totalMs: number;
}

/** The result of a request that got no response at all, for `failure`. */
export function unsent(failure: TransportFailure): TransportResult {
  return {
    failure,
    head: null,
    body: new Uint8Array(0),
    bytesRead: 0,
    truncated: false,
    connectMs: null,
    tlsMs: null,
    ttfbMs: null,
    totalMs: 0,
  };
}
