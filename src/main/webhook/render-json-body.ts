/**
 * The JSON body: the template is parsed first and `${...}` is substituted inside string values of
 * the parsed tree, then the tree is serialised. A value with quotes, backslashes or newlines is
 * therefore escaped by `JSON.stringify` and can never break the document
 * (../shared/spec/WEBHOOK.md: never by string pasting).
 */
import type { ReferenceLookup } from '../../shared/flow/template.ts';
import { renderTemplate } from '../../shared/flow/template.ts';
import { nestingDepth } from './json-text.ts';

/** A rendered JSON body, or why the template could not be used. */
export type JsonBodyResult = { text: string; missing: string[] } | { error: string };

type Parsed = { tree: unknown } | { error: string };

/**
 * Parsed templates by text. A flow has a handful of them and every call renders the same ones,
 * so parsing once keeps the per-request cost down; the bound only guards against misuse.
 */
const parsedTemplates = new Map<string, Parsed>();
const CACHE_LIMIT = 256;

/**
 * Deepest body template rendered. Serialising with a replacer recurses once per level and
 * overflows the stack at a few thousand; no CRM request needs more than a handful.
 */
export const MAX_BODY_DEPTH = 64;

function parseTemplate(template: string): Parsed {
  let parsed = parsedTemplates.get(template);
  if (parsed === undefined) {
    const depth = nestingDepth(template);
    try {
      parsed =
        depth > MAX_BODY_DEPTH
          ? { error: `the JSON body template nests ${depth} levels, more than ${MAX_BODY_DEPTH}` }
          : { tree: JSON.parse(template) as unknown };
    } catch (error) {
      parsed = { error: `the JSON body template is not valid JSON (${(error as Error).message})` };
    }
    if (parsedTemplates.size >= CACHE_LIMIT) parsedTemplates.clear();
    parsedTemplates.set(template, parsed);
  }
  return parsed;
}

/**
 * Renders a JSON body template. Object keys are left as written (only string values are
 * templates). An empty template yields an empty body.
 */
export function renderJsonBody(
  template: string,
  lookup: ReferenceLookup,
  encode: (value: string) => string,
): JsonBodyResult {
  if (template.trim() === '') return { text: '', missing: [] };
  const parsed = parseTemplate(template);
  if ('error' in parsed) return parsed;
  const missing: string[] = [];
  // The replacer sees every value (never a key) on the way out; the cached tree is not touched.
  const text = JSON.stringify(parsed.tree, (_key, value: unknown) => {
    if (typeof value !== 'string' || !value.includes('${')) return value;
    const rendered = renderTemplate(value, lookup, encode);
    for (const path of rendered.missing) missing.push(path);
    return rendered.text;
  });
  return { text, missing };
}
