/**
 * The webhook exchange as the tester sees it (../shared/spec/WEBHOOK.md, "What the tester sees"):
 * shared by the webhook client that produces it, the engine that applies it, the store that keeps
 * it, the CLI that prints it and the UI's inspector.
 */
import type { MockMarker } from './mock-types.ts';
import type { VarMap } from './variables.ts';

/** Errors: any one of these means no variable from the response is applied. */
export const VIOLATION_CODES = [
  'connect_timeout',
  'response_timeout',
  'http_status',
  'body_too_large',
  'too_many_keys',
  'value_too_long',
  'invalid_key',
  'too_deep',
  'invalid_value_type',
  'invalid_json_shape',
  'invalid_json',
  'invalid_ini',
  'invalid_encoding',
  'tls_error',
  'network_error',
] as const;

/**
 * One of the error codes of ../shared/spec/WEBHOOK.md (plus `network_error`). `tls_error`: the TLS
 * connection failed (certificate not trusted, expired or for another host, handshake refused,
 * unusable TLS settings), with the reason in the detail.
 */
export type ViolationCode = (typeof VIOLATION_CODES)[number];

/** Warnings: reported, but the response still applies. */
export const WEBHOOK_WARNING_CODES = [
  'system_variable_ignored',
  'duplicate_key',
  'no_set_variable',
  'insecure_http',
  'insecure_tls',
  'undefined_variable',
  'response_ignored',
] as const;

/** Names a warning's kind; the inspector shows it as the warning's label. */
export type WebhookWarningCode = (typeof WEBHOOK_WARNING_CODES)[number];

/** A breach of the platform's rules, with where it is and the offending size or excerpt. */
export interface Violation {
  code: ViolationCode;
  /** Dotted key path inside the response (`account.balance`), when the violation has one. */
  key?: string;
  /** Human detail: `300 > 256`, `302 Found (redirects are not followed)`, … */
  detail: string;
}

/** Something the tester should know that does not stop the response from applying. */
export interface WebhookWarning {
  code: WebhookWarningCode;
  key?: string;
  detail?: string;
}

/** The platform's limits; defaults in {@link DEFAULT_WEBHOOK_LIMITS}. Configurable, never silently. */
export interface WebhookLimits {
  connectTimeoutMs: number;
  /** From request sent to response fully read. */
  responseTimeoutMs: number;
  maxBodyBytes: number;
  /** Leaf key/value pairs, nested ones included. */
  maxKeys: number;
  /** Characters (code points) of a value. */
  maxValueLength: number;
  /** Levels of objects; `{"a":{"b":{"c":1}}}` is depth 3. */
  maxDepth: number;
}

/** The platform's own limits. */
export const DEFAULT_WEBHOOK_LIMITS: Readonly<WebhookLimits> = Object.freeze({
  connectTimeoutMs: 5000,
  responseTimeoutMs: 5000,
  maxBodyBytes: 65536,
  maxKeys: 100,
  maxValueLength: 256,
  maxDepth: 3,
});

/** HTTP methods a webhook action may use. */
export type WebhookMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The request exactly as sent, with secrets redacted (what is logged, shown and exported). */
export interface WebhookRequestRecord {
  method: WebhookMethod;
  url: string;
  /** Header name/value pairs in the order sent (names as written in the flow). */
  headers: [string, string][];
  /** Request body as sent, or null (GET/DELETE). */
  body: string | null;
}

/** The response as received. */
export interface WebhookResponseRecord {
  status: number;
  statusText: string;
  /** Header name/value pairs in the order received (names lowercased). */
  headers: [string, string][];
  /** The first `maxBodyBytes` bytes of the body, decoded as UTF-8 (lossy where invalid). */
  body: string;
  /** The same bytes base64-encoded, present only when the body is not valid UTF-8. */
  bodyBase64?: string;
  /** Bytes read (never more than the cap plus the chunk that crossed it). */
  bytesRead: number;
  /** True when reading stopped at the body cap. */
  truncated: boolean;
}

/** Timings of one exchange, in milliseconds. */
export interface WebhookTimings {
  /** Wall-clock start (epoch ms). */
  startedAt: number;
  /**
   * TCP connect time (through a proxy: until the proxy's tunnel or connection is up), without the
   * TLS handshake; null when a kept-alive connection was reused or no connection was made.
   */
  connectMs: number | null;
  /**
   * TLS handshake time of a new https connection; null for an https exchange that made none
   * (kept-alive connection reused, no connection made); absent for plain http exchanges and in
   * sessions logged before it.
   */
  tlsMs?: number | null;
  /** Request start to response headers, null when no response arrived. */
  ttfbMs: number | null;
  /** Request start to response fully read (or to the failure). */
  totalMs: number;
}

/** One webhook exchange: request, response, verdict. */
export interface WebhookExchange {
  /** The flow node that fired it. */
  node: string;
  /** True for a `sendOnHangup` request fired when the call ended (its response is not applied). */
  onHangup: boolean;
  request: WebhookRequestRecord;
  response: WebhookResponseRecord | null;
  /** True when the response passes every rule (warnings allowed). */
  ok: boolean;
  /** The first violation's code, or null when ok. */
  error: ViolationCode | null;
  /** Every violation found, not just the first. */
  violations: Violation[];
  warnings: WebhookWarning[];
  /** Variables parsed from the response (before atomic application; empty when unparsable). */
  parsed: VarMap;
  /** Variables actually applied to the call: empty on any error and for on-hang-up requests. */
  variablesSet: VarMap;
  timings: WebhookTimings;
  /** A copy-as-cURL of the exact request (secrets redacted). */
  curl: string;
  /**
   * Present when an environment's mock answered instead of the node's URL (which `request` and
   * `curl` still show): the rule (1-based) and the mock server's origin.
   */
  mock?: MockMarker;
}
