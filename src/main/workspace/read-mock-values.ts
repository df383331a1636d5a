/**
 * The values inside a mock rule (../shared/spec/WORKSPACE.md, "Mock replies"): a `json` reply as
 * plain JSON, reply headers, a fixed or random delay, and the `${}` references a reply or a
 * condition may hold. Each wrong value is a problem at its own place.
 */
import type { Node, Pair } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import { findReferences } from '../../shared/flow/template.ts';
import type { MockJson } from '../../shared/mock-types.ts';
import type { SourcePos } from '../call-tests/test-file-types.ts';
import type { YamlReader } from '../call-tests/yaml-reader.ts';
import { MOCK_KEY_PATTERN } from '../mock/mock-request-view.ts';
import {
  HEADER_NAME_PATTERN,
  MAX_HEADERS,
  MAX_MOCK_JSON_DEPTH,
  MAX_MOCK_JSON_ENTRIES,
  MOCK_DELAY_RANGE,
} from './environment-fields.ts';
import { setOwn } from './set-own.ts';

/** Headers the mock server writes itself (framing): a rule cannot set them. */
const FRAMING_HEADERS = new Set([
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
]);

/** The request values a reply template may name. */
const REPLY_KEYS = '${body.<field>}, ${query.<name>}, ${header.<name>}, ${method} or ${path}';

/**
 * Checks the `${}` of a reply template: each must name a request value. Returns false (with a
 * problem recorded) when one does not.
 */
export function checkReplyTemplate(
  reader: YamlReader,
  text: string,
  field: string,
  pos: SourcePos,
): boolean {
  for (const reference of findReferences(text)) {
    if (!MOCK_KEY_PATTERN.test(reference.path)) {
      reader.problem(
        pos,
        field,
        `"\${${reference.path}}" is not a request value; a reply may use ${REPLY_KEYS}`,
      );
      return false;
    }
  }
  return true;
}

/** Checks the `${}` of a condition: each must be a valid reference to the call's variables. */
export function checkConditionTemplate(
  reader: YamlReader,
  text: string,
  field: string,
  pos: SourcePos,
): boolean {
  for (const reference of findReferences(text)) {
    if (!reference.valid) {
      reader.problem(
        pos,
        field,
        `"\${${reference.path}}" is not a valid reference (e.g. \${customer_id})`,
      );
      return false;
    }
  }
  return true;
}

/** Reads a `json` reply: any JSON value, bounded in entries and depth. */
export function readMockJson(
  reader: YamlReader,
  node: Node | null,
  field: string,
  at: SourcePos,
): MockJson | undefined {
  let entries = 0;
  let ok = true;
  const fail = (where: Node | null, path: string, message: string): undefined => {
    if (ok) reader.problem(reader.pos(where, at), path, message);
    ok = false;
    return undefined;
  };
  const read = (value: Node | null, path: string, depth: number): MockJson | undefined => {
    if (!ok) return undefined;
    if (++entries > MAX_MOCK_JSON_ENTRIES) {
      return fail(value, field, `more than ${MAX_MOCK_JSON_ENTRIES} entries`);
    }
    if (depth > MAX_MOCK_JSON_DEPTH) {
      return fail(value, path, `nested more than ${MAX_MOCK_JSON_DEPTH} levels`);
    }
    if (value === null) return null;
    if (isMap(value)) {
      const out: Record<string, MockJson> = {};
      for (const pair of value.items as Pair<unknown, unknown>[]) {
        const key = reader.resolve(pair.key);
        if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
          return fail(key, path, 'keys must be plain names');
        }
        const name = String(key.value);
        const item = read(reader.resolve(pair.value), `${path}.${name}`, depth + 1);
        if (item === undefined) return undefined;
        setOwn(out, name, item);
      }
      return out;
    }
    if (isSeq(value)) {
      const out: MockJson[] = [];
      for (const [index, raw] of value.items.entries()) {
        const item = read(reader.resolve(raw), `${path}[${index}]`, depth + 1);
        if (item === undefined) return undefined;
        out.push(item);
      }
      return out;
    }
    if (isScalar(value)) {
      const scalar = value.value;
      if (scalar === null || typeof scalar === 'boolean') return scalar;
      if (typeof scalar === 'number' && Number.isFinite(scalar)) return scalar;
      if (typeof scalar === 'string') {
        return checkReplyTemplate(reader, scalar, path, reader.pos(value, at)) ? scalar : undefined;
      }
    }
    return fail(value, path, 'must be JSON: text, a number, true/false, null, a mapping or a list');
  };
  const value = read(node, field, 1);
  return ok ? value : undefined;
}

/** Reads a rule's `headers`: name to a template of the request. */
export function readMockHeaders(
  reader: YamlReader,
  node: Node | null,
  field: string,
  at: SourcePos,
): [string, string][] | undefined {
  if (!isMap(node)) {
    reader.problem(reader.pos(node, at), field, 'must be a mapping (Header-Name: value lines)');
    return undefined;
  }
  if (node.items.length > MAX_HEADERS) {
    reader.problem(reader.pos(node, at), field, `more than ${MAX_HEADERS} headers`);
    return undefined;
  }
  const out: [string, string][] = [];
  let ok = true;
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    const key = reader.resolve(pair.key);
    const keyPos = reader.pos(key, at);
    const name = isScalar(key) && typeof key.value === 'string' ? key.value : '';
    const path = `${field}.${name}`;
    if (!HEADER_NAME_PATTERN.test(name)) {
      reader.problem(
        keyPos,
        field,
        "invalid header name (letters, digits and !#$%&'*+-.^_`|~ only)",
      );
      ok = false;
      continue;
    }
    if (FRAMING_HEADERS.has(name.toLowerCase())) {
      reader.problem(keyPos, path, 'set by the mock server itself from the reply');
      ok = false;
      continue;
    }
    const valueNode = reader.resolve(pair.value);
    const value = reader.string(valueNode, path, keyPos, { allowEmpty: true });
    const pos = reader.pos(valueNode, keyPos);
    if (value === undefined) {
      ok = false;
      continue;
    }
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) {
      reader.problem(pos, path, 'must be one line of text without control characters');
      ok = false;
      continue;
    }
    if (!checkReplyTemplate(reader, value, path, pos)) {
      ok = false;
      continue;
    }
    out.push([name, value]);
  }
  return ok ? out : undefined;
}

/** Reads `delayMs`: a whole number of ms, or `[min, max]` for a random delay in that range. */
export function readMockDelay(
  reader: YamlReader,
  node: Node | null,
  field: string,
  at: SourcePos,
): number | [number, number] | undefined {
  if (!isSeq(node)) {
    if (isScalar(node) && typeof node.value === 'number') {
      return reader.integer(node, field, at, MOCK_DELAY_RANGE) ?? undefined;
    }
    reader.problem(
      reader.pos(node, at),
      field,
      `must be a whole number of ms or a range [min, max], e.g. 30 or [20, 400]`,
    );
    return undefined;
  }
  const items = reader.listItems(node);
  if (items.length !== 2) {
    reader.problem(
      reader.pos(node, at),
      field,
      `a random delay is a range of two numbers [min, max], got ${items.length}`,
    );
    return undefined;
  }
  const [low, high] = items.map((item, index) =>
    reader.integer(item, `${field}[${index}]`, reader.pos(item, at), MOCK_DELAY_RANGE),
  );
  if (typeof low !== 'number' || typeof high !== 'number') return undefined;
  if (low > high) {
    reader.problem(
      reader.pos(node, at),
      field,
      `the range is upside down (${low} > ${high}); write [${high}, ${low}]`,
    );
    return undefined;
  }
  return [low, high];
}
