/**
 * Turns an `http` node and a variable snapshot into the request to send and the record to log.
 * Every template is rendered twice (real secrets / `[redacted]`), so the record is built from the
 * same code path as the wire request and differs from it only where a secret was interpolated.
 */
import type { HttpNode } from '../../shared/flow/flow-schema.ts';
import type { Rendered } from '../../shared/flow/template.ts';
import { renderTemplate, SECRET_PREFIX } from '../../shared/flow/template.ts';
import type {
  Violation,
  WebhookRequestRecord,
  WebhookWarning,
} from '../../shared/webhook-types.ts';
import { formEncode, noEncode, urlEncode } from './form-encoding.ts';
import { isLoopbackHost } from './loopback.ts';
import type { RequestLookups } from './reference-lookup.ts';
import { redactingEncoder } from './reference-lookup.ts';
import { renderJsonBody } from './render-json-body.ts';
import { renderUrl } from './render-url.ts';

/** What the transport needs to put the request on the wire. */
export interface WireRequest {
  /** `scheme://host:port`. */
  origin: string;
  /** Path and query, as sent. */
  path: string;
  method: HttpNode['method'];
  /** Flat name/value list, in order (the form undici takes without re-parsing). */
  headers: string[];
  body: string | null;
}

/** A rendered request: the wire form (null when it must not be sent), its record, and notes. */
export interface RenderedRequest {
  wire: WireRequest | null;
  record: WebhookRequestRecord;
  /** Undefined references (rendered empty), first occurrence order, no repeats. */
  missing: string[];
  warnings: WebhookWarning[];
  /** Why the request cannot be sent (invalid URL or body template), or null. */
  failure: Violation | null;
}

const CONTENT_TYPES = { form: 'application/x-www-form-urlencoded', json: 'application/json' };

const rawRedacting = redactingEncoder(noEncode);
const urlRedacting = redactingEncoder(urlEncode);
const formRedacting = redactingEncoder(formEncode);

function hasBody(method: HttpNode['method']): boolean {
  return method === 'POST' || method === 'PUT';
}

/** The record's URL: normalised like the wire URL when it parses, as rendered otherwise. */
function recordUrl(text: string): string {
  return URL.parse(text)?.href ?? text;
}

interface RenderedBody {
  real: string;
  redacted: string;
  missing: string[];
  error: string | null;
}

/**
 * False when a template cannot reference a secret, so its redacted rendering would be identical
 * and is skipped (the common case, and a measurable share of the per-request cost).
 */
function mayHoldSecret(template: string): boolean {
  return template.includes(SECRET_PREFIX);
}

function renderBody(node: HttpNode, lookups: RequestLookups): RenderedBody {
  const template = node.body ?? '';
  const secret = mayHoldSecret(template);
  if (node.contentType === 'json') {
    const real = renderJsonBody(template, lookups.real, noEncode);
    if ('error' in real) return { real: '', redacted: template, missing: [], error: real.error };
    const redacted = secret ? renderJsonBody(template, lookups.redacted, rawRedacting) : real;
    const redactedText = 'error' in redacted ? template : redacted.text;
    return { real: real.text, redacted: redactedText, missing: real.missing, error: null };
  }
  const real = renderTemplate(template, lookups.real, formEncode);
  const redacted = secret
    ? renderTemplate(template, lookups.redacted, formRedacting).text
    : real.text;
  return { real: real.text, redacted, missing: real.missing, error: null };
}

/**
 * Renders the node's URL, headers and body into the request to send and its redacted record.
 * `environmentHeaders` (the environment's `headers`, templates like a node's own) go after ours
 * and before the node's; a node header of the same name (any case) replaces one of them, and
 * either replaces our `Content-Type` / `User-Agent`.
 */
export function renderRequest(
  node: HttpNode,
  lookups: RequestLookups,
  userAgent: string,
  environmentHeaders?: Readonly<Record<string, string>>,
): RenderedRequest {
  const missing = new Set<string>();
  const note = (rendered: Rendered): string => {
    for (const path of rendered.missing) missing.add(path);
    return rendered.text;
  };
  const warnings: WebhookWarning[] = [];
  let failure: Violation | null = null;

  const urlText = note(renderUrl(node.url, lookups.real, noEncode, urlEncode));
  const urlSecret = mayHoldSecret(node.url);
  const urlRecord = urlSecret
    ? renderUrl(node.url, lookups.redacted, rawRedacting, urlRedacting).text
    : urlText;
  const url = URL.parse(urlText);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    failure = {
      code: 'network_error',
      detail: `request not sent: "${urlRecord}" is not a valid http(s) URL`,
    };
  } else if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    warnings.push({ code: 'insecure_http', detail: 'the platform strongly recommends HTTPS' });
  }

  let body: RenderedBody | null = null;
  if (hasBody(node.method)) {
    body = renderBody(node, lookups);
    for (const path of body.missing) missing.add(path);
    if (body.error !== null && failure === null) {
      failure = { code: 'network_error', detail: `request not sent: ${body.error}` };
    }
  }

  // Our headers first, then the environment's, then the node's; a header set later (any case)
  // replaces an earlier one of the same name.
  const own = Object.entries(node.headers ?? {});
  const ownNames = new Set(own.map(([name]) => name.toLowerCase()));
  let custom = own;
  let customNames = ownNames;
  if (environmentHeaders !== undefined) {
    const shared = Object.entries(environmentHeaders).filter(
      ([name]) => !ownNames.has(name.toLowerCase()),
    );
    if (shared.length > 0) {
      custom = [...shared, ...own];
      customNames = new Set(custom.map(([name]) => name.toLowerCase()));
    }
  }
  const real: [string, string][] = [];
  const logged: [string, string][] = [];
  if (body !== null && !customNames.has('content-type')) {
    real.push(['Content-Type', CONTENT_TYPES[node.contentType]]);
  }
  if (!customNames.has('user-agent')) real.push(['User-Agent', userAgent]);
  for (const pair of real) logged.push([pair[0], pair[1]]);
  for (const [name, template] of custom) {
    const value = note(renderTemplate(template, lookups.real, noEncode));
    real.push([name, value]);
    const shown = mayHoldSecret(template)
      ? renderTemplate(template, lookups.redacted, rawRedacting).text
      : value;
    logged.push([name, shown]);
  }

  const record: WebhookRequestRecord = {
    method: node.method,
    url: urlSecret ? recordUrl(urlRecord) : (url?.href ?? urlText),
    headers: logged,
    body: body === null ? null : body.redacted,
  };
  let wire: WireRequest | null = null;
  if (failure === null && url !== null) {
    wire = {
      origin: url.origin,
      path: url.pathname + url.search,
      method: node.method,
      headers: real.flat(),
      body: body === null ? null : body.real,
    };
  }
  for (const path of missing) {
    warnings.push({ code: 'undefined_variable', key: path, detail: 'rendered as empty' });
  }
  return { wire, record, missing: [...missing], warnings, failure };
}
