/**
 * Where a JSON text first goes wrong, as line and column: V8's parse errors carry a position for
 * some mistakes and none for others, and a flow author needs the place every time.
 */

/** 1-based line and column. */
export interface TextLocation {
  line: number;
  column: number;
}

const WS = new Set([' ', '\t', '\n', '\r']);

/**
 * Scans `text` as JSON (RFC 8259) and returns the offset of the first syntax error, or null when
 * the text is valid. Iterative over containers so deep nesting cannot overflow the stack.
 */
export function firstJsonErrorOffset(text: string): number | null {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const skip = (): void => {
    while (i < text.length && WS.has(text[i] as string)) i++;
  };
  const scalar = (): boolean => {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length) {
        const ch = text[i] as string;
        if (ch === '"') {
          i++;
          return true;
        }
        if (ch < ' ') return false;
        if (ch === '\\') {
          const e = text[i + 1];
          if (e === 'u') {
            if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
            i += 6;
          } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
          else return false;
        } else i++;
      }
      return false;
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(text.slice(i, i + 400));
    if (number) {
      i += number[0].length;
      return true;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    return false;
  };
  // Expecting a value at the top, or inside a container after `[`, `,` or `:`.
  let expectValue = true;
  for (;;) {
    skip();
    if (expectValue) {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        skip();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expectValue = false;
          continue;
        }
        if (c === '{') {
          if (text[i] !== '"' || !scalar()) return i;
          skip();
          if (text[i] !== ':') return i;
          i++;
        }
        continue;
      }
      if (!scalar()) return i;
      expectValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i === text.length ? null : i;
    const c = text[i];
    if (c === ',') {
      i++;
      if (top === '{') {
        skip();
        if (text[i] !== '"' || !scalar()) return i;
        skip();
        if (text[i] !== ':') return i;
        i++;
      }
      expectValue = true;
    } else if (c === (top === '{' ? '}' : ']')) {
      stack.pop();
      i++;
    } else return i;
  }
}

/** The 1-based line and column of `offset` in `text`. */
export function locationOf(text: string, offset: number): TextLocation {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
