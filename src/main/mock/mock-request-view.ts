/**
 * A request as mock rules see it: the same view for matching `when` in the webhook client (the
 * request about to be sent) and for templating a reply in the mock server (the request received),
 * so `body.pin` means one thing in both places.
 */

/** The parts of a request a rule can name. */
export interface MockRequestView {
  method: string;
  /** The path as sent, without the query. */
  path: string;
  /** The query string without `?` (may be empty). */
  search: string;
  /** Header name/value pairs flat (`[name, value, name, value, …]`), as sent. */
  headers: readonly string[];
  /** The body as text, or null. */
  body: string | null;
}

/** Keys a `when` condition or a reply's `${}` may name. */
export const MOCK_KEY_PATTERN =
  /^(method|path|(query|header)\.[^\s{}]+|body\.[^\s.{}]+(\.[^\s.{}]+)*)$/;

/** How a value read from a request is compared and rendered: text, JSON for the rest. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  return JSON.stringify(value);
}

/** The first value of header `name` (any case), or undefined. */
export function headerValue(headers: readonly string[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (let i = 0; i + 1 < headers.length; i += 2) {
    if (headers[i]?.toLowerCase() === wanted) return headers[i + 1];
  }
  return undefined;
}

/** The media type of the request's Content-Type, lowercased, parameters dropped. */
function mediaTypeOf(headers: readonly string[]): string {
  const value = headerValue(headers, 'content-type') ?? '';
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

/** Reads a dotted path of own properties. */
function readDotted(tree: unknown, path: string): unknown {
  let at: unknown = tree;
  for (const part of path.split('.')) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/**
 * Reads keys of one request; the body is decoded once, at the first `body.` key (JSON bodies by
 * dotted path, form bodies by field name; any other body has no fields).
 */
export function createRequestReader(view: MockRequestView): (key: string) => string | undefined {
  let query: URLSearchParams | null = null;
  let fields: { json: unknown } | { form: URLSearchParams } | null = null;
  const bodyFields = (): { json: unknown } | { form: URLSearchParams } => {
    if (fields !== null) return fields;
    const type = mediaTypeOf(view.headers);
    fields = { json: undefined };
    if (view.body !== null && type === 'application/x-www-form-urlencoded') {
      fields = { form: new URLSearchParams(view.body) };
    } else if (view.body !== null && (type === 'application/json' || type === 'text/json')) {
      try {
        fields = { json: JSON.parse(view.body) as unknown };
      } catch {
        // A body that is not JSON has no fields: every `body.` key reads as absent.
      }
    }
    return fields;
  };
  return (key) => {
    if (key === 'method') return view.method.toUpperCase();
    if (key === 'path') return view.path;
    const dot = key.indexOf('.');
    const scope = key.slice(0, dot);
    const name = key.slice(dot + 1);
    if (scope === 'query') {
      query ??= new URLSearchParams(view.search);
      return query.get(name) ?? undefined;
    }
    if (scope === 'header') return headerValue(view.headers, name);
    if (scope === 'body') {
      const decoded = bodyFields();
      if ('form' in decoded) return decoded.form.get(name) ?? undefined;
      const value = readDotted(decoded.json, name);
      return value === undefined ? undefined : asText(value);
    }
    return undefined;
  };
}

/** Splits `path?query` into its parts. */
export function splitTarget(target: string): { path: string; search: string } {
  const mark = target.indexOf('?');
  return mark === -1
    ? { path: target, search: '' }
    : { path: target.slice(0, mark), search: target.slice(mark + 1) };
}

const REFERENCE = /\$\{([^{}]*)\}/g;

/** Renders a reply template from the request: an absent or unknown key renders empty. */
export function renderFromRequest(template: string, read: (key: string) => string | undefined) {
  if (!template.includes('${')) return template;
  return template.replace(REFERENCE, (_whole, inner: string) => {
    const key = inner.trim();
    return MOCK_KEY_PATTERN.test(key) ? (read(key) ?? '') : '';
  });
}
