/**
 * Rendering the URL template. ../shared/spec/WEBHOOK.md says each interpolated value is
 * percent-encoded, yet ../shared/spec/FLOW.md's own example writes `${crm_base}/ivr/auth` with
 * `crm_base = "http://127.0.0.1:4010"`: encoding that value would turn it into `http%3A%2F%2F…`.
 * Our decision: values that land in the scheme/host part (before the path starts) are inserted as
 * they are, since encoding can never be right there and the result is validated as a URL anyway;
 * values in the path, query and fragment are `encodeURIComponent`-ed.
 */
import type { ReferenceLookup, Rendered } from '../../shared/flow/template.ts';
import { findReferences, renderTemplate } from '../../shared/flow/template.ts';

/**
 * Offset in `template` where the URL's path (or query, or fragment) begins: the first literal
 * `/`, `?` or `#` after the scheme's `://` (or from the start when the scheme itself comes from a
 * variable). References are masked first so a character inside `${...}` never counts. With no
 * such character the whole template is the base (`${crm_url}` alone names the whole URL).
 */
export function pathStart(template: string): number {
  let start = pathStarts.get(template);
  if (start === undefined) {
    start = findPathStart(template);
    if (pathStarts.size >= CACHE_LIMIT) pathStarts.clear();
    pathStarts.set(template, start);
  }
  return start;
}

/** Path offsets by template: a call renders the same few URLs again and again. */
const pathStarts = new Map<string, number>();
const CACHE_LIMIT = 256;

function findPathStart(template: string): number {
  let masked = template;
  const references = findReferences(template);
  if (references.length > 0) {
    const parts: string[] = [];
    let last = 0;
    for (const reference of references) {
      // The reference regex forbids braces inside `${...}`, so the first `}` closes it.
      const end = template.indexOf('}', reference.index) + 1;
      parts.push(template.slice(last, reference.index), ' '.repeat(end - reference.index));
      last = end;
    }
    parts.push(template.slice(last));
    masked = parts.join('');
  }
  const scheme = masked.indexOf('://');
  const from = scheme === -1 ? 0 : scheme + 3;
  for (let i = from; i < masked.length; i++) {
    const char = masked[i];
    if (char === '/' || char === '?' || char === '#') return i;
  }
  return masked.length;
}

/**
 * Renders a URL template: `encodeBase` for values before the path starts, `encodePath` after.
 * Returns the text and the undefined references (rendered empty).
 */
export function renderUrl(
  template: string,
  lookup: ReferenceLookup,
  encodeBase: (value: string) => string,
  encodePath: (value: string) => string,
): Rendered {
  const split = pathStart(template);
  if (split === 0) return renderTemplate(template, lookup, encodePath);
  const base = renderTemplate(template.slice(0, split), lookup, encodeBase);
  const rest = renderTemplate(template.slice(split), lookup, encodePath);
  return { text: base.text + rest.text, missing: [...base.missing, ...rest.missing] };
}
