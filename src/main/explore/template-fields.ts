/**
 * Reading a webhook's request templates the way a mock rule reads the request (../shared/spec/WORKSPACE.md,
 * "Mock replies"): which template fills `query.<k>`, `body.<k>`, `header.<k>` or `path`, so that a
 * rule's `when` value can be traced back to the variable the caller gave (`body.pin: "1111"` and
 * `"pin": "${pin}"` mean a caller who enters 1111 at the node that sets `pin`).
 */
import type { HttpNode } from '../../shared/flow/flow-schema.ts';

const REFERENCE = /\$\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}/g;

/** The variables a template reads (`${name}`), in order, each once. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(REFERENCE)].map((m) => m[1] as string))];
}

/** The value template of `key` in `a=x&key=y` form text, or null. */
function formField(text: string, key: string): string | null {
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=');
    if (eq !== -1 && pair.slice(0, eq) === key) return pair.slice(eq + 1);
  }
  return null;
}

/**
 * The template of one top-level field of a JSON body template: the template's `${}` parts are
 * swapped for placeholders (an invisible separator, which JSON strings may hold) so that the text parses as JSON, then swapped back.
 */
function jsonField(body: string, key: string): string | null {
  const parts: string[] = [];
  const text = body.replace(REFERENCE, (whole) => `\u2063${parts.push(whole) - 1}\u2063`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || !Object.hasOwn(parsed, key)) return null;
  const value = (parsed as Record<string, unknown>)[key];
  if (typeof value !== 'string') return null;
  return value.replace(/\u2063(\d+)\u2063/g, (_, index: string) => parts[Number(index)] ?? '');
}

/**
 * The template of the request part a mock condition key names (`query.id`, `body.pin`,
 * `header.X-Caller`, `path`), or null when the node's request has no such part.
 */
export function requestFieldTemplate(node: HttpNode, key: string): string | null {
  const queryAt = node.url.indexOf('?');
  if (key === 'path') {
    const withoutQuery = queryAt === -1 ? node.url : node.url.slice(0, queryAt);
    return withoutQuery.replace(/^[^:]*:\/\/[^/]*/, '').replace(/^\$\{[^}]*\}/, '');
  }
  if (key.startsWith('query.')) {
    return queryAt === -1 ? null : formField(node.url.slice(queryAt + 1), key.slice(6));
  }
  if (key.startsWith('body.')) {
    if (node.body === undefined) return null;
    const field = key.slice(5);
    return node.contentType === 'json' ? jsonField(node.body, field) : formField(node.body, field);
  }
  if (key.startsWith('header.')) {
    const name = key.slice(7).toLowerCase();
    const entry = Object.entries(node.headers ?? {}).find(([k]) => k.toLowerCase() === name);
    return entry?.[1] ?? null;
  }
  return null;
}

/**
 * The value `variable` must hold for `template` to render as `wanted`, when the template reads
 * that one variable between fixed text (`${pin}`, `id-${customer_id}`); null otherwise.
 */
export function valueFor(template: string, variable: string, wanted: string): string | null {
  const vars = templateVariables(template);
  if (vars.length !== 1 || vars[0] !== variable) return null;
  const match = /\$\{\s*[A-Za-z_][A-Za-z0-9_.]*\s*\}/.exec(template);
  if (match === null || template.indexOf('${', match.index + 1) !== -1) return null;
  const prefix = template.slice(0, match.index);
  const suffix = template.slice(match.index + match[0].length);
  if (!wanted.startsWith(prefix) || !wanted.endsWith(suffix)) return null;
  if (wanted.length < prefix.length + suffix.length) return null;
  return wanted.slice(prefix.length, wanted.length - suffix.length);
}
