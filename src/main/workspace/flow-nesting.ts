/**
 * A cheap look at how deeply `[` and `{` nest in a YAML or JSON text, before it is parsed: the
 * yaml parser recurses per level, so a file of a few hundred thousand brackets would exhaust
 * the stack after seconds of work. Nothing valid in an environment nests anywhere near the
 * limit, so an approximate reading of quotes and comments is enough.
 */

/** Bracket levels allowed: far beyond any real environment (variables stop at 32). */
export const MAX_FLOW_NESTING = 256;

/** Characters after which a quote opens a quoted scalar (elsewhere it is part of the text). */
const QUOTE_CONTEXT = new Set([undefined, ' ', '\t', '\n', '[', '{', ',', ':']);

/** The offset of the first bracket nested deeper than `max`, or null. */
export function tooDeepOffset(text: string, max = MAX_FLOW_NESTING): number | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === '"' || c === "'") && QUOTE_CONTEXT.has(text[i - 1])) {
      // Skip the quoted text; `\"` escapes in double quotes, `''` in single quotes.
      for (i++; i < text.length && text[i] !== c; i++) if (c === '"' && text[i] === '\\') i++;
      continue;
    }
    if (c === '#' && QUOTE_CONTEXT.has(text[i - 1])) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end;
      continue;
    }
    if (c === '[' || c === '{') {
      depth++;
      if (depth > max) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return null;
}
