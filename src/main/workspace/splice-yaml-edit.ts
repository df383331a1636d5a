/**
 * One key of a YAML text changed by editing the text itself, at the place of the key: the rest
 * of the file keeps every byte (comments, alignment, blank lines, quoting), which re-rendering
 * the whole document would not. Returns null for a shape it does not handle (an alias on the
 * path, a key not at the start of its line); the caller then falls back to the Document API.
 */
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { isAlias, isCollection, isMap, isScalar } from 'yaml';
import type { FormEdit } from './form-edit.ts';
import {
  renderBlockPair,
  renderBlockValue,
  renderFlow,
  renderScalar,
} from './render-yaml-value.ts';
import { setOwn } from './set-own.ts';

type AnyPair = Pair<unknown, unknown>;

/** `{ b: { c: value } }` for the path `[b, c]` (own keys, `__proto__` included). */
export function nest(path: readonly string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => {
    const outer: Record<string, unknown> = {};
    setOwn(outer, key, inner);
    return outer;
  }, value);
}

function findPair(map: YAMLMap, key: string): AnyPair | undefined {
  return (map.items as AnyPair[]).find(
    (pair) => isScalar(pair.key) && String(pair.key.value) === key,
  );
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/**
 * Like {@link splice} within one line, but a comment later on that line keeps its column where
 * the spaces before it allow (aligned comments stay aligned). Only when no quote precedes the
 * comment: a `#` inside quotes is text, not a comment.
 */
function spliceInLine(text: string, start: number, end: number, insert: string): string {
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  const match = /^([^'"#]*?)( +)#/.exec(rest);
  if (!match) return splice(text, start, end, insert);
  const before = match[1] as string;
  const gap = (match[2] as string).length - (insert.length - (end - start));
  return (
    text.slice(0, start) +
    insert +
    before +
    ' '.repeat(Math.max(1, gap)) +
    text.slice(end + before.length + (match[2] as string).length)
  );
}

/** The offset where the comment lines directly above a nested key start, blank line included. */
function commentsAbove(text: string, keyStart: number): number {
  let start = lineStart(text, keyStart);
  const indent = keyStart - start;
  if (indent === 0) return start; // Above a top-level key a comment may be the file's own.
  let found = false;
  for (;;) {
    if (start === 0) return start;
    const previous = lineStart(text, start - 1);
    const line = text.slice(previous, start - 1);
    const comment = /^( *)#/.exec(line);
    if (comment && (comment[1] as string).length >= indent) {
      start = previous;
      found = true;
      continue;
    }
    return found && line.trim() === '' ? previous : start;
  }
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset after the newline ending the line of `offset` (or the end of the text). */
function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** The offset just after the last non-space character before `end` (not before `floor`). */
function contentEnd(text: string, end: number, floor: number): number {
  let at = end;
  while (at > floor && /\s/.test(text[at - 1] as string)) at--;
  return at;
}

/** True when only spaces precede `offset` on its line (a block key). */
function startsLine(text: string, offset: number): boolean {
  return /^ *$/.test(text.slice(lineStart(text, offset), offset));
}

function range(node: unknown): [number, number, number] | null {
  return (node as Node | null)?.range ?? null;
}

/** Where a pair ends: its value, or its key when the value is empty. */
function pairEnd(pair: AnyPair): number | null {
  const value = range(pair.value);
  const key = range(pair.key);
  return value ? Math.max(value[1], key?.[1] ?? 0) : (key?.[1] ?? null);
}

/** The offset just after the `:` that follows a pair's key. */
function afterColon(text: string, pair: AnyPair): number | null {
  const key = range(pair.key);
  if (!key) return null;
  const colon = text.indexOf(':', key[1]);
  return colon === -1 ? null : colon + 1;
}

function removePair(text: string, map: YAMLMap, pair: AnyPair): string | null {
  const items = map.items as AnyPair[];
  const index = items.indexOf(pair);
  const key = range(pair.key);
  const end = pairEnd(pair);
  if (!key || end === null) return null;
  if (map.flow) {
    const next = items[index + 1];
    const previous = items[index - 1];
    if (next) {
      const nextKey = range(next.key);
      return nextKey ? spliceInLine(text, key[0], nextKey[0], '') : null;
    }
    if (previous) {
      const previousEnd = pairEnd(previous);
      return previousEnd === null ? null : spliceInLine(text, previousEnd, end, '');
    }
    const whole = range(map);
    return whole ? spliceInLine(text, whole[0], whole[1], '{}') : null;
  }
  if (!startsLine(text, key[0])) return null;
  const last = contentEnd(text, end, key[0]);
  return splice(text, commentsAbove(text, key[0]), nextLineStart(text, last), '');
}

function insertPair(text: string, map: YAMLMap, key: string, value: unknown): string | null {
  const items = map.items as AnyPair[];
  const whole = range(map);
  if (map.flow) {
    if (!whole) return null;
    const entry = `${renderScalar(key, true)}: ${renderFlow(value)}`;
    const last = items[items.length - 1];
    if (!last) return spliceInLine(text, whole[0], whole[1], `{ ${entry} }`);
    const end = pairEnd(last);
    return end === null ? null : spliceInLine(text, end, end, `, ${entry}`);
  }
  const first = range(items[0]?.key);
  const last = items[items.length - 1];
  const end = last && pairEnd(last);
  if (!first || end === null || end === undefined || !startsLine(text, first[0])) return null;
  const indent = first[0] - lineStart(text, first[0]);
  const at = nextLineStart(text, contentEnd(text, end, first[0]));
  const lines = renderBlockPair(key, value, indent);
  // The last line may lack its newline (end of file): the new pair starts a line of its own.
  return at === text.length && !text.endsWith('\n')
    ? `${text}\n${lines}\n`
    : splice(text, at, at, `${lines}\n`);
}

function replaceValue(text: string, map: YAMLMap, pair: AnyPair, value: unknown): string | null {
  const old = pair.value as Node | null;
  if (isAlias(old)) return null;
  if (isScalar(old) && (old.type === 'BLOCK_LITERAL' || old.type === 'BLOCK_FOLDED')) return null;
  const key = range(pair.key);
  const colon = afterColon(text, pair);
  const oldRange = range(old);
  if (!key || colon === null) return null;
  const empty = old === null || (isScalar(old) && old.value === null && !old.source);
  const block = isCollection(old) && !old.flow;
  const collection = typeof value === 'object' && value !== null;
  const hasItems = collection && Object.keys(value).length > 0;
  if (hasItems && !map.flow && !(isCollection(old) && old.flow)) {
    // Block lines below a block key (a comment after the colon stays); a flow collection that
    // was there is kept in flow style below.
    const lines = renderBlockValue(value, key[0] - lineStart(text, key[0]) + 2);
    if (block && oldRange) {
      const start = lineStart(text, oldRange[0]);
      return splice(text, start, contentEnd(text, oldRange[1], start), lines);
    }
    const bare = !empty && oldRange ? splice(text, colon, oldRange[1], '') : text;
    const at = bare.indexOf('\n', colon);
    return at === -1 ? `${bare}\n${lines}` : splice(bare, at, at, `\n${lines}`);
  }
  // On the key's line, in place of the old value.
  const rendered = collection
    ? renderFlow(value)
    : renderScalar(value, map.flow === true, isScalar(old) ? old.type : undefined);
  if (empty) return spliceInLine(text, colon, colon, ` ${rendered}`);
  if (block && oldRange) {
    return splice(text, colon, contentEnd(text, oldRange[1], colon), ` ${rendered}`);
  }
  return oldRange ? spliceInLine(text, oldRange[0], oldRange[1], rendered) : null;
}

/** Applies one edit to `text` (whose parsed form is `doc`); null where it cannot. */
export function spliceYamlEdit(text: string, doc: Document, edit: FormEdit): string | null {
  const contents = doc.contents as Node | null;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    if (edit.value === undefined) return text;
    const [first, ...rest] = edit.path;
    if (first === undefined) return null;
    const lines = renderBlockPair(first, nest(rest, edit.value), 0);
    return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${lines}\n`;
  }
  if (!isMap(contents)) return null;
  let map: YAMLMap = contents;
  for (let depth = 0; depth < edit.path.length; depth++) {
    const key = edit.path[depth] as string;
    const pair = findPair(map, key);
    const rest = edit.path.slice(depth + 1);
    const last = rest.length === 0;
    if (!pair) {
      return edit.value === undefined ? text : insertPair(text, map, key, nest(rest, edit.value));
    }
    if (last) {
      return edit.value === undefined
        ? removePair(text, map, pair)
        : replaceValue(text, map, pair, edit.value);
    }
    if (!isMap(pair.value)) {
      if (edit.value === undefined) return isCollection(pair.value) ? null : text;
      return replaceValue(text, map, pair, nest(rest, edit.value));
    }
    map = pair.value;
  }
  return null;
}
