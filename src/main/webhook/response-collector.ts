/**
 * The undici dispatch handler of one exchange: it counts body bytes as they stream in and aborts
 * the moment the cap is crossed, enforces the response deadline, records timings and the response
 * head, and settles exactly once. Using the raw dispatch handler (not `request()`'s body stream)
 * keeps the per-request cost to this one small object.
 */
import type { Dispatcher } from 'undici';
import { describeError } from './describe-error.ts';
import {
  ConnectDeadlineError,
  ProxyError,
  proxyAuthenticationRequired,
} from './open-connection.ts';
import type { ProxyEndpoint } from './proxy-route.ts';
import { tlsFailureDetail } from './tls-failure.ts';
import type {
  ResponseHead,
  TransportFailure,
  TransportFailureCode,
  TransportRequest,
  TransportResult,
} from './transport-types.ts';

const EMPTY = new Uint8Array(0);

/** Connect bookkeeping the transport's connector fills in for the request that opened a socket. */
export interface ConnectAttempt {
  /** `scheme://host[:port]`, as undici's connector sees it (a proxy's, for absolute form). */
  readonly origin: string;
  readonly connectTimeoutMs: number;
  /** Set by the connector when it opens a socket for this request. */
  connecting: boolean;
  connectMs: number | null;
  tlsMs: number | null;
}

/** How the request travels, when not straight to its own origin. */
export interface CollectorRoute {
  /** The origin dispatched to: the target's, or the proxy's for an absolute-form request. */
  origin: string;
  /** The proxy it goes through, or null when direct. */
  proxy: ProxyEndpoint | null;
  /** True when the request was sent to the proxy in absolute form (http targets). */
  forwarded: boolean;
}

function headerPairs(raw: unknown, parsed: Record<string, unknown>): [string, string][] {
  const pairs: [string, string][] = [];
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      // Header bytes are latin1 on the wire (as undici and node:http read them).
      const value: unknown = raw[i + 1];
      const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
      pairs.push([String(raw[i]).toLowerCase(), text]);
    }
    return pairs;
  }
  for (const [name, value] of Object.entries(parsed)) {
    const values = Array.isArray(value) ? value : [value];
    for (const one of values) pairs.push([name.toLowerCase(), String(one)]);
  }
  return pairs;
}

function classify(
  error: unknown,
  timeoutMs: number,
  connectMs: number,
  proxy: string | null,
): TransportFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    const via = error instanceof ConnectDeadlineError ? error.via : proxy;
    const through = via === null ? '' : ` (through proxy ${via})`;
    return { code: 'connect_timeout', detail: `no connection within ${connectMs} ms${through}` };
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return { code: 'response_timeout', detail: `response not complete within ${timeoutMs} ms` };
  }
  // TLS failures surface during the handshake and, with TLS 1.3, while the response is awaited.
  const tls = tlsFailureDetail(error);
  if (tls !== null) return { code: 'tls_error', detail: tls };
  if (error instanceof ProxyError) return { code: 'network_error', detail: error.message };
  const through = proxy === null ? '' : ` (through proxy ${proxy})`;
  return { code: 'network_error', detail: `${describeError(error)}${through}` };
}

/** Collects one response for {@link TransportResult}; `done` is called exactly once. */
export class ResponseCollector implements Dispatcher.DispatchHandler, ConnectAttempt {
  readonly origin: string;
  readonly connectTimeoutMs: number;
  connecting = false;
  connectMs: number | null = null;
  tlsMs: number | null = null;
  readonly #proxy: ProxyEndpoint | null;
  readonly #forwarded: boolean;
  readonly #responseTimeoutMs: number;
  readonly #maxBodyBytes: number;
  readonly #startedAt: number;
  readonly #done: (result: TransportResult) => void;
  readonly #release: (collector: ResponseCollector) => void;
  #controller: Dispatcher.DispatchController | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #failure: TransportFailure | null = null;
  #head: ResponseHead | null = null;
  #ttfbMs: number | null = null;
  #chunks: Buffer[] = [];
  #kept = 0;
  #bytesRead = 0;
  #truncated = false;
  #settled = false;

  /**
   * `release` is called when the request got its socket and again when it settles, so the
   * transport stops offering it new connections. `route` says where it is dispatched when that is
   * not the request's own origin (a proxy).
   */
  constructor(
    request: TransportRequest,
    startedAt: number,
    done: (result: TransportResult) => void,
    release: (collector: ResponseCollector) => void,
    route?: CollectorRoute,
  ) {
    this.origin = route?.origin ?? request.origin;
    this.#proxy = route?.proxy ?? null;
    this.#forwarded = route?.forwarded === true;
    this.connectTimeoutMs = request.connectTimeoutMs;
    this.#release = release;
    this.#responseTimeoutMs = request.responseTimeoutMs;
    this.#maxBodyBytes = request.maxBodyBytes;
    this.#startedAt = startedAt;
    this.#done = done;
  }

  /** The connection is up and the request is being written: the response deadline starts now. */
  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    this.#release(this);
    // A total deadline, not an idle timer: a server trickling bytes must not stretch it.
    this.#timer = setTimeout(this.#onDeadline, this.#responseTimeoutMs);
  }

  /** The response head arrived (time to first byte). */
  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, unknown>,
    statusMessage?: string,
  ): void {
    this.#ttfbMs = performance.now() - this.#startedAt;
    if (statusCode === 407 && this.#forwarded && this.#proxy !== null) {
      // Only a proxy answers 407: the request never reached the CRM, so this is no reply of its.
      const line = `407${statusMessage ? ` ${statusMessage}` : ''}`;
      this.#fail('network_error', proxyAuthenticationRequired(this.#proxy, line), controller);
      return;
    }
    this.#head = {
      status: statusCode,
      statusText: statusMessage ?? '',
      headers: headerPairs(controller.rawHeaders, headers),
    };
  }

  /** Counts and keeps body bytes; aborts as soon as the total crosses the cap. */
  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    const before = this.#bytesRead;
    this.#bytesRead = before + chunk.length;
    const cap = this.#maxBodyBytes;
    if (before < cap) {
      const keep = this.#bytesRead <= cap ? chunk : chunk.subarray(0, cap - before);
      this.#chunks.push(keep);
      this.#kept += keep.length;
    }
    if (this.#bytesRead > cap) {
      this.#truncated = true;
      this.#fail(
        'body_too_large',
        `more than ${cap} bytes (stopped reading at ${this.#bytesRead} bytes)`,
        controller,
      );
    }
  }

  /** The body was read to the end. */
  onResponseEnd(): void {
    this.#settle();
  }

  /** The exchange failed (or was aborted by us); settles with the reason. */
  onResponseError(_controller: Dispatcher.DispatchController | null, error: Error): void {
    // When we aborted on purpose the reason is already recorded; undici's error is the echo.
    this.#failure ??= classify(
      error,
      this.#responseTimeoutMs,
      this.connectTimeoutMs,
      this.#proxy?.label ?? null,
    );
    this.#settle();
  }

  readonly #onDeadline = (): void => {
    this.#timer = null;
    this.#fail(
      'response_timeout',
      `response not complete within ${this.#responseTimeoutMs} ms`,
      this.#controller,
    );
  };

  #fail(
    code: TransportFailureCode,
    detail: string,
    controller: Dispatcher.DispatchController | null,
  ): void {
    if (this.#settled || this.#failure !== null) return;
    this.#failure = { code, detail };
    // Aborting destroys the socket, so the server sees the connection close at once.
    if (controller !== null && !controller.aborted) controller.abort(new Error(detail));
    else this.#settle();
  }

  #settle(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#release(this);
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const chunks = this.#chunks;
    let body: Uint8Array = EMPTY;
    if (chunks.length === 1) body = chunks[0] as Buffer;
    else if (chunks.length > 1) body = Buffer.concat(chunks, this.#kept);
    this.#chunks = [];
    this.#done({
      failure: this.#failure,
      head: this.#head,
      body,
      bytesRead: this.#bytesRead,
      truncated: this.#truncated,
      connectMs: this.connectMs,
      tlsMs: this.tlsMs,
      ttfbMs: this.#ttfbMs,
      totalMs: performance.now() - this.#startedAt,
    });
  }
}
