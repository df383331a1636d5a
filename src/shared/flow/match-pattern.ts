/**
 * The `matches` operator of branch conditions, run by a linear-time engine (RE2, through the pure
 * JavaScript `re2js`). JavaScript's own `RegExp` backtracks: `^(a+)+$` against 32 `a` and a `!`
 * blocks the process for minutes, and the tested text may come from a CRM reply. RE2 has no
 * backreferences and no lookaround, so those are refused with a reason, here in the validator and
 * again when a condition is evaluated. Shared by the engine and the page (pure TypeScript, no
 * node:*).
 */
import { RE2JS } from 're2js';

/** Longest pattern accepted, in UTF-16 units: a branch condition is a short check, not a lexer. */
export const MAX_PATTERN_LENGTH = 2000;

/**
 * Largest compiled program accepted. Matching stays linear in the text, but the cost per
 * character grows with the program when the engine falls back from its DFA to its NFA: at this
 * bound, about half a second on 64 KiB of text and five seconds on 1 MiB in the worst case
 * (`a[ab]{495}c`); ordinary patterns compile to a few dozen instructions.
 */
export const MAX_PROGRAM_SIZE = 500;

/** Compiled patterns kept; each may grow a lazily built DFA (up to 8 MB), so the cache is small. */
const CACHE_SIZE = 16;

/** Longest excerpt of the engine's own message quoted in a reason. */
const REASON_LENGTH = 160;

type Compiled = { ok: true; regex: RE2JS } | { ok: false; reason: string };

const cache = new Map<string, Compiled>();

/**
 * The first construct RE2 cannot run, with its 1-based position, or null. Found by one pass that
 * skips escapes and character classes, so `[(?=]` and `\(?=` are not mistaken for lookaheads.
 */
function unsupportedConstruct(pattern: string): string | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    const at = `at character ${i + 1}`;
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (next >= '1' && next <= '9') {
        return `backreference "\\${next}" ${at} is not supported (linear-time matching)`;
      }
      if (next === 'k') {
        return `named backreference "\\k" ${at} is not supported (linear-time matching)`;
      }
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') {
      inClass = true;
      // A `]` right after `[` or `[^` is JavaScript's empty class, closed at once.
      if (pattern[i + 1] === ']') {
        inClass = false;
        i++;
      } else if (pattern[i + 1] === '^' && pattern[i + 2] === ']') {
        inClass = false;
        i += 2;
      }
      continue;
    }
    if (char !== '(' || pattern[i + 1] !== '?') continue;
    const head = pattern.slice(i + 2, i + 4);
    if (head.startsWith('='))
      return `lookahead "(?=" ${at} is not supported (linear-time matching)`;
    if (head.startsWith('!')) {
      return `negative lookahead "(?!" ${at} is not supported (linear-time matching)`;
    }
    if (head === '<=') return `lookbehind "(?<=" ${at} is not supported (linear-time matching)`;
    if (head === '<!') {
      return `negative lookbehind "(?<!" ${at} is not supported (linear-time matching)`;
    }
  }
  return null;
}

function shorten(text: string): string {
  return text.length > REASON_LENGTH ? `${text.slice(0, REASON_LENGTH)}…` : text;
}

function compile(pattern: string): Compiled {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return {
      ok: false,
      reason: `the pattern is ${pattern.length} characters long, more than ${MAX_PATTERN_LENGTH}`,
    };
  }
  const unsupported = unsupportedConstruct(pattern);
  if (unsupported !== null) return { ok: false, reason: unsupported };
  let regex: RE2JS;
  try {
    // translateRegExp maps JavaScript spellings RE2 lacks: `(?<name>`, `\u{…}`, `\cJ`, `[^]`.
    regex = RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: shorten(message.replace(/^error parsing regexp: /, '')) };
  }
  const size = regex.programSize();
  if (size > MAX_PROGRAM_SIZE) {
    return {
      ok: false,
      reason: `the pattern compiles to ${size} instructions, more than ${MAX_PROGRAM_SIZE} (use smaller repeat counts)`,
    };
  }
  return { ok: true, regex };
}

/** Compiles through a small cache: the oldest entry goes when it is full. */
function compiled(pattern: string): Compiled {
  const hit = cache.get(pattern);
  if (hit !== undefined) {
    // Re-inserted so that the patterns a flow keeps using stay in the cache.
    cache.delete(pattern);
    cache.set(pattern, hit);
    return hit;
  }
  const result = compile(pattern);
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(pattern, result);
  return result;
}

/**
 * Why `pattern` cannot be a `matches` value (a backreference, a lookaround, a syntax error, or
 * too large), or null when it can.
 */
export function checkMatchPattern(pattern: string): string | null {
  const result = compiled(pattern);
  return result.ok ? null : result.reason;
}

/**
 * True when `pattern` matches somewhere in `text` (an unanchored search, like `RegExp.test`), in
 * time linear in the text. Throws an Error naming the reason for a pattern that
 * {@link checkMatchPattern} refuses.
 */
export function matchesPattern(pattern: string, text: string): boolean {
  const result = compiled(pattern);
  if (!result.ok) throw new Error(`"matches" pattern not usable: ${result.reason}`);
  return result.regex.test(text);
}
