/**
 * Makes a webhook body readable without changing what it says: JSON pretty-printed, form bodies
 * as decoded fields (with the raw text kept), anything else as is.
 */

/** A body, ready to show. */
export type ShownBody =
  | { kind: 'empty' }
  | { kind: 'json'; text: string }
  | { kind: 'form'; fields: [string, string][]; raw: string }
  | { kind: 'text'; text: string };

/** The value of header `name` (case-insensitive), or null. */
export function headerValue(headers: readonly [string, string][], name: string): string | null {
  const wanted = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === wanted)?.[1] ?? null;
}

function decodeFormPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    // A malformed escape is shown as sent: the tester needs to see exactly that.
    return part;
  }
}

function parseForm(raw: string): [string, string][] {
  return raw
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair): [string, string] => {
      const eq = pair.indexOf('=');
      return eq < 0
        ? [decodeFormPart(pair), '']
        : [decodeFormPart(pair.slice(0, eq)), decodeFormPart(pair.slice(eq + 1))];
    });
}

function prettyJson(raw: string): string | null {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return null;
  }
}

/**
 * How to show `body`, judged by the content type and, failing that, by the body itself (a JSON
 * reply sent as text/plain is still easier to read pretty-printed).
 */
export function formatBody(
  body: string | null,
  headers: readonly [string, string][],
  options: { pretty: boolean } = { pretty: true },
): ShownBody {
  if (body === null || body === '') return { kind: 'empty' };
  if (!options.pretty) return { kind: 'text', text: body };
  const type = (headerValue(headers, 'content-type') ?? '').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) {
    return { kind: 'form', fields: parseForm(body), raw: body };
  }
  const trimmed = body.trimStart();
  if (type.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const pretty = prettyJson(body);
    if (pretty !== null) return { kind: 'json', text: pretty };
  }
  return { kind: 'text', text: body };
}
