/**
 * Parsing a JSON reply body without losing an integer's digits: an integer beyond 2^53 (a 20-digit
 * account number) keeps its exact digits as text, as x-ini and plain replies do
 * (../shared/spec/WEBHOOK.md leaves JSON silent; docs/webhook-semantics.md records the choice).
 */

/**
 * Deepest nesting given to a reviver. V8 walks the parsed tree recursively to call a reviver, and
 * overflows the stack at about 2,500 levels; JSON.parse without one is iterative and safe at any
 * depth. The reply limit is at most 32 levels, so a deeper reply is `too_deep` either way.
 */
export const REVIVER_MAX_DEPTH = 256;

/** An integer as written in JSON: optional minus, digits, no fraction or exponent. */
const INTEGER_SOURCE = /^-?\d+$/;

/** What JSON.parse gives a reviver in Node 24 (source text access): the raw text of a primitive. */
interface ReviverContext {
  source?: string;
}

function keepDigits(_key: string, value: unknown, context?: ReviverContext): unknown {
  if (typeof value !== 'number' || Number.isSafeInteger(value)) return value;
  const source = context?.source;
  return source !== undefined && INTEGER_SOURCE.test(source) ? source : value;
}

/**
 * Deepest nesting of `[` and `{` in JSON text, strings skipped. One pass; on text that is not JSON
 * the figure is meaningless but harmless, since parsing it fails anyway.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i++; // backslash: the next character is escaped
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
    }
  }
  return deepest;
}

/** Digits in a row that an integer needs before it can lose precision (2^53 has 16). */
const UNSAFE_DIGITS = /\d{16}/;

/**
 * Parses JSON text as JSON.parse does, except that an integer too large to hold exactly becomes
 * the string of its digits. Throws JSON.parse's SyntaxError on invalid text. Text nested deeper
 * than {@link REVIVER_MAX_DEPTH} is parsed plainly (its large integers rounded): a reply that
 * deep breaks the depth limit and is never applied. Text without 16 digits in a row holds no
 * integer that could lose digits, and is parsed plainly too: a reviver makes JSON.parse several
 * times slower, which showed in a load run's profile.
 */
export function parseJsonText(text: string): unknown {
  if (!UNSAFE_DIGITS.test(text)) return JSON.parse(text);
  if (nestingDepth(text) > REVIVER_MAX_DEPTH) return JSON.parse(text);
  return JSON.parse(text, keepDigits);
}
