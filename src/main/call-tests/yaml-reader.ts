// Over 300 lines: one small typed reader per YAML shape, all sharing the same problem list and position lookup.
/**
 * Typed reads from a parsed YAML document that never throw: each wrong value becomes a problem
 * naming the file, line, column and field, and reading goes on, so one run reports every
 * mistake in a test file rather than the first.
 */
import type { Document, LineCounter, Node, Pair, YAMLMap } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Scalar as ScalarValue, VarValue } from '../../shared/variables.ts';
import { closestWord } from './closest-word.ts';
import type { At, ExpectedValue, SourcePos } from './test-file-types.ts';

/** One thing wrong with a test file. */
export interface FileProblem {
  /** The file as the user named it (relative to the working directory). */
  file: string;
  line: number;
  col: number;
  /** Dotted field path, e.g. `cases[2].expect.outcome`; empty for the whole document. */
  field: string;
  message: string;
}

/** `file:line:col: field: message`, the form editors and CI logs turn into a link. */
export function formatFileProblem(problem: FileProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.col}`;
  return problem.field
    ? `${where}: ${problem.field}: ${problem.message}`
    : `${where}: ${problem.message}`;
}

/** A mapping's entries by key, each with the position of its key (for "missing"/"unknown"). */
export type MapEntries = Map<string, { value: Node | null; keyPos: SourcePos }>;

/** What a YAML value is, in words, for "must be X, got Y" messages. */
function describe(node: Node | null): string {
  if (node === null || (isScalar(node) && node.value === null)) return 'nothing (an empty value)';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    return typeof value === 'string' ? `the text ${JSON.stringify(value)}` : `${String(value)}`;
  }
  return 'an unsupported value';
}

/** Reads values out of one YAML document, collecting problems as it goes. */
export class YamlReader {
  readonly problems: FileProblem[] = [];
  readonly file: string;
  #doc: Document;
  #lines: LineCounter;

  constructor(file: string, doc: Document, lines: LineCounter) {
    this.file = file;
    this.#doc = doc;
    this.#lines = lines;
  }

  /** 1-based position of a character offset. */
  posOf(offset: number): SourcePos {
    const { line, col } = this.#lines.linePos(offset);
    return { line, col };
  }

  /** Where a node starts, or `fallback` for an absent value. */
  pos(node: Node | null | undefined, fallback: SourcePos = { line: 1, col: 1 }): SourcePos {
    return node?.range ? this.posOf(node.range[0]) : fallback;
  }

  /** The problems in line order (reading order differs: unknown keys are found first). */
  sortedProblems(): FileProblem[] {
    return [...this.problems].sort((a, b) => a.line - b.line || a.col - b.col);
  }

  /** Records a problem at a position. */
  problem(pos: SourcePos, field: string, message: string): void {
    this.problems.push({ file: this.file, line: pos.line, col: pos.col, field, message });
  }

  /** Follows an alias (`*name`) to the node it names; anything else is returned as is. */
  resolve(node: unknown): Node | null {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return (node.resolve(this.#doc) as Node | undefined) ?? null;
    return node as Node;
  }

  /**
   * Reads a mapping whose keys must come from `allowed`; an unknown key is a problem at its own
   * line, with the closest allowed key suggested, because a typo such as `path_include` would
   * otherwise be a silently ignored expectation.
   */
  map(
    node: Node | null,
    field: string,
    allowed: readonly string[],
    at: SourcePos,
    options: { anyKey?: boolean } = {},
  ): MapEntries | null {
    if (!isMap(node)) {
      this.problem(
        this.pos(node, at),
        field,
        `must be a mapping (key: value lines), got ${describe(node)}`,
      );
      return null;
    }
    const entries: MapEntries = new Map();
    for (const pair of node.items as Pair<unknown, unknown>[]) {
      const key = this.resolve(pair.key);
      const keyPos = this.pos(key, at);
      if (!isScalar(key) || typeof key.value !== 'string') {
        this.problem(keyPos, field, `keys must be plain names, got ${describe(key)}`);
        continue;
      }
      const name = key.value;
      const path = field ? `${field}.${name}` : name;
      if (!options.anyKey && !allowed.includes(name)) {
        const guess = closestWord(name, allowed);
        this.problem(
          keyPos,
          path,
          `unknown key${guess ? ` (did you mean "${guess}"?)` : ''}; allowed here: ${allowed.join(', ')}`,
        );
        continue;
      }
      entries.set(name, { value: this.resolve(pair.value), keyPos });
    }
    return entries;
  }

  /** True when the node is a list. */
  isList(node: Node | null): boolean {
    return isSeq(node);
  }

  /** A list's items, aliases followed. */
  listItems(node: Node | null): (Node | null)[] {
    return isSeq(node) ? node.items.map((item) => this.resolve(item)) : [];
  }

  /**
   * Reads text. A plain scalar is taken exactly as written, so `source: +3612345678` and
   * `dtmf: 0012` keep their plus sign and leading zeros instead of becoming numbers.
   */
  string(
    node: Node | null,
    field: string,
    at: SourcePos,
    options: { allowEmpty?: boolean } = {},
  ): string | undefined {
    if (isScalar(node) && node.value !== null) {
      const text =
        typeof node.value === 'string'
          ? node.value
          : node.type === 'PLAIN' && typeof node.source === 'string'
            ? node.source
            : typeof node.value === 'number' || typeof node.value === 'boolean'
              ? String(node.value)
              : undefined;
      if (text === undefined) {
        this.problem(this.pos(node, at), field, `must be text, got ${describe(node)}`);
        return undefined;
      }
      if (text === '' && !options.allowEmpty) {
        this.problem(this.pos(node, at), field, 'must not be empty');
        return undefined;
      }
      return text;
    }
    this.problem(this.pos(node, at), field, `must be text, got ${describe(node)}`);
    return undefined;
  }

  /** Reads text or an explicit `null` (which stands for "none"). */
  stringOrNull(node: Node | null, field: string, at: SourcePos): string | null | undefined {
    if (isScalar(node) && node.value === null && node.source !== '') return null;
    return this.string(node, field, at);
  }

  /** Reads one of a fixed set of words. */
  oneOf<T extends string>(
    node: Node | null,
    field: string,
    at: SourcePos,
    words: readonly T[],
  ): T | undefined {
    const text = this.string(node, field, at);
    if (text === undefined) return undefined;
    if ((words as readonly string[]).includes(text)) return text as T;
    const guess = closestWord(text, words);
    this.problem(
      this.pos(node, at),
      field,
      `must be one of ${words.join(', ')}, got ${JSON.stringify(text)}${guess ? ` (did you mean "${guess}"?)` : ''}`,
    );
    return undefined;
  }

  /** Reads `true` or `false`. */
  boolean(node: Node | null, field: string, at: SourcePos): boolean | undefined {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.problem(this.pos(node, at), field, `must be true or false, got ${describe(node)}`);
    return undefined;
  }

  /** Reads an integer in `[min, max]`, or `null` when `nullable`. */
  integer(
    node: Node | null,
    field: string,
    at: SourcePos,
    range: { min: number; max: number; nullable?: boolean },
  ): number | null | undefined {
    if (range.nullable && isScalar(node) && node.value === null && node.source !== '') return null;
    if (
      isScalar(node) &&
      typeof node.value === 'number' &&
      Number.isInteger(node.value) &&
      node.value >= range.min &&
      node.value <= range.max
    ) {
      return node.value;
    }
    this.problem(
      this.pos(node, at),
      field,
      `must be a whole number from ${range.min} to ${range.max}${range.nullable ? ' or null' : ''}, got ${describe(node)}`,
    );
    return undefined;
  }

  /**
   * Reads a list of texts, each with its own position; a single text counts as a list of one
   * (`spoken_includes: "Hello"`).
   */
  stringItems(node: Node | null, field: string, at: SourcePos): At<string>[] | undefined {
    if (isScalar(node) && node.value !== null) {
      const one = this.string(node, field, at);
      return one === undefined ? undefined : [{ value: one, pos: this.pos(node, at) }];
    }
    if (!isSeq(node)) {
      this.problem(this.pos(node, at), field, `must be a list, e.g. [a, b], got ${describe(node)}`);
      return undefined;
    }
    const out: At<string>[] = [];
    let ok = true;
    node.items.forEach((raw, index) => {
      const item = this.resolve(raw);
      const pos = this.pos(item, this.pos(node, at));
      const text = this.string(item, `${field}[${index}]`, pos);
      if (text === undefined) ok = false;
      else out.push({ value: text, pos });
    });
    return ok ? out : undefined;
  }

  /** A scalar as the typed value YAML gives it; numbers must be finite (they end up in JSON). */
  #scalar(node: Node | null, field: string, at: SourcePos): ScalarValue | undefined {
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === 'string' || typeof value === 'boolean') return value;
      if (typeof value === 'number' && Number.isFinite(value)) return value;
    }
    this.problem(
      this.pos(node, at),
      field,
      `must be text, a number, true/false or a mapping, got ${describe(node)}`,
    );
    return undefined;
  }

  /** Reads a variable value to preset: a scalar or a mapping of them (nested). */
  value(node: Node | null, field: string, at: SourcePos): VarValue | undefined {
    if (!isMap(node)) return this.#scalar(node, field, at);
    return this.#mapping(node, field, at, (child, f, p) => this.value(child, f, p));
  }

  /** Reads an expected variable value: like {@link value}, plus `null` for "not set". */
  expected(node: Node | null, field: string, at: SourcePos): ExpectedValue | undefined {
    if (isScalar(node) && node.value === null && node.source !== '') return null;
    if (!isMap(node)) return this.#scalar(node, field, at);
    return this.#mapping(node, field, at, (child, f, p) => this.expected(child, f, p));
  }

  /** Reads a mapping whose keys are plain names, each value by `read`; undefined if any fails. */
  #mapping<T>(
    node: YAMLMap,
    field: string,
    at: SourcePos,
    read: (child: Node | null, field: string, at: SourcePos) => T | undefined,
  ): Record<string, T> | undefined {
    const out: Record<string, T> = {};
    let ok = true;
    for (const pair of node.items as Pair<unknown, unknown>[]) {
      const key = this.resolve(pair.key);
      if (!isScalar(key) || typeof key.value !== 'string') {
        this.problem(this.pos(key, at), field, `keys must be plain names, got ${describe(key)}`);
        ok = false;
        continue;
      }
      const child = read(this.resolve(pair.value), `${field}.${key.value}`, this.pos(key, at));
      if (child === undefined) ok = false;
      // An own property even for `__proto__`, which is a valid variable name.
      else
        Object.defineProperty(out, key.value, {
          value: child,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return ok ? out : undefined;
  }
}
