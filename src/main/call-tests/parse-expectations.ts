/**
 * Reads a case's `expect:` block into {@link Expectations}, reporting every wrong key or value
 * with its line, and noting each node name it mentions so the flow can be checked for them.
 */
import type { Node } from 'yaml';
import { VIOLATION_CODES } from '../../shared/webhook-types.ts';
import type {
  At,
  ExpectedValue,
  Expectations,
  NodeReference,
  SourcePos,
  WebhookExpectation,
} from './test-file-types.ts';
import type { YamlReader } from './yaml-reader.ts';

/** The keys `expect:` takes. */
export const EXPECT_KEYS = [
  'outcome',
  'endedBy',
  'transferTarget',
  'path',
  'path_includes',
  'path_excludes',
  'variables',
  'spoken_includes',
  'spoken_excludes',
  'webhooks',
  'warnings',
  'violations',
] as const;

/** The keys one `expect.webhooks` entry takes (named as in `run --json`). */
export const WEBHOOK_KEYS = [
  'node',
  'method',
  'status',
  'ok',
  'error',
  'onHangup',
  'variablesSet',
  'requestBody_includes',
] as const;

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
const ERROR_CODES = [...VIOLATION_CODES];
/** A name, or a dotted path of names, as variables are read in templates. */
const VARIABLE_PATH = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/;

/** Reads `name: value` pairs whose values are expected values (nulls meaning "not set"). */
function readExpectedMap(
  reader: YamlReader,
  node: Node | null,
  field: string,
  at: SourcePos,
): Record<string, At<ExpectedValue>> | undefined {
  const entries = reader.map(node, field, [], at, { anyKey: true });
  if (!entries) return undefined;
  const out: Record<string, At<ExpectedValue>> = {};
  let ok = true;
  for (const [name, entry] of entries) {
    const path = `${field}.${name}`;
    if (!VARIABLE_PATH.test(name)) {
      reader.problem(
        entry.keyPos,
        path,
        'not a variable name (lowercase letters, digits, _; a dotted path like account.balance reads inside an object)',
      );
      ok = false;
      continue;
    }
    const value = reader.expected(entry.value, path, entry.keyPos);
    if (value === undefined) ok = false;
    else out[name] = { value, pos: entry.keyPos };
  }
  return ok ? out : undefined;
}

/** Reads `warnings: none` / `violations: none`. */
function readNone(
  reader: YamlReader,
  node: Node | null,
  field: string,
  at: SourcePos,
): At<true> | undefined {
  const word = reader.oneOf(node, field, at, ['none'] as const);
  return word === undefined ? undefined : { value: true, pos: at };
}

/** Reads one `expect.webhooks` entry. */
function readWebhook(
  reader: YamlReader,
  node: Node | null,
  field: string,
  at: SourcePos,
  refs: NodeReference[],
): WebhookExpectation | undefined {
  const entries = reader.map(node, field, WEBHOOK_KEYS, at);
  if (!entries) return undefined;
  const pos = reader.pos(node, at);
  const out: WebhookExpectation = { pos };
  const before = reader.problems.length;
  for (const [key, { value, keyPos }] of entries) {
    const path = `${field}.${key}`;
    switch (key) {
      case 'node': {
        const name = reader.string(value, path, keyPos);
        if (name !== undefined) {
          out.node = name;
          refs.push({ name, field: path, pos: reader.pos(value, keyPos), httpOnly: true });
        }
        break;
      }
      case 'method': {
        const method = reader.oneOf(value, path, keyPos, METHODS);
        if (method !== undefined) out.method = method;
        break;
      }
      case 'status': {
        const status = reader.integer(value, path, keyPos, { min: 100, max: 599, nullable: true });
        if (status !== undefined) out.status = status;
        break;
      }
      case 'ok': {
        const ok = reader.boolean(value, path, keyPos);
        if (ok !== undefined) out.ok = ok;
        break;
      }
      case 'error': {
        const error = reader.stringOrNull(value, path, keyPos);
        if (error === null) out.error = null;
        else if (error !== undefined) {
          const code = reader.oneOf(value, path, keyPos, ERROR_CODES);
          if (code !== undefined) out.error = code;
        }
        break;
      }
      case 'onHangup': {
        const onHangup = reader.boolean(value, path, keyPos);
        if (onHangup !== undefined) out.onHangup = onHangup;
        break;
      }
      case 'variablesSet': {
        const set = readExpectedMap(reader, value, path, keyPos);
        if (set)
          out.variablesSet = Object.fromEntries(Object.entries(set).map(([k, v]) => [k, v.value]));
        break;
      }
      case 'requestBody_includes': {
        const parts = reader.stringItems(value, path, keyPos);
        if (parts) out.requestBodyIncludes = parts.map((p) => p.value);
        break;
      }
    }
  }
  if (entries.size === 0)
    reader.problem(pos, field, `give at least one of ${WEBHOOK_KEYS.join(', ')}`);
  return reader.problems.length === before ? out : undefined;
}

/** Reads a list of node names, noting each for the check against the flow. */
function readNodeList(
  reader: YamlReader,
  node: Node | null,
  field: string,
  at: SourcePos,
  refs: NodeReference[],
): At<string[]> | undefined {
  const items = reader.stringItems(node, field, at);
  if (!items) return undefined;
  items.forEach((item, index) =>
    refs.push({ name: item.value, field: `${field}[${index}]`, pos: item.pos, httpOnly: false }),
  );
  return { value: items.map((i) => i.value), pos: at };
}

/** Reads a case's `expect:` mapping. Undefined when anything in it is wrong (problems recorded). */
export function readExpectations(
  reader: YamlReader,
  node: Node | null,
  field: string,
  at: SourcePos,
  refs: NodeReference[],
): Expectations | undefined {
  const entries = reader.map(node, field, EXPECT_KEYS, at);
  if (!entries) return undefined;
  const before = reader.problems.length;
  const out: Expectations = {};
  for (const [key, { value, keyPos }] of entries) {
    const path = `${field}.${key}`;
    const here = (v: unknown): SourcePos => reader.pos(v as Node | null, keyPos);
    switch (key) {
      case 'outcome': {
        const outcome = reader.oneOf(value, path, keyPos, ['hangup', 'transfer', 'error'] as const);
        if (outcome) out.outcome = { value: outcome, pos: keyPos };
        break;
      }
      case 'endedBy': {
        const endedBy = reader.oneOf(value, path, keyPos, ['flow', 'caller'] as const);
        if (endedBy) out.endedBy = { value: endedBy, pos: keyPos };
        break;
      }
      case 'transferTarget': {
        const target = reader.stringOrNull(value, path, keyPos);
        if (target !== undefined) out.transferTarget = { value: target, pos: keyPos };
        break;
      }
      case 'path': {
        const list = readNodeList(reader, value, path, keyPos, refs);
        if (list) out.path = list;
        break;
      }
      case 'path_includes': {
        const list = readNodeList(reader, value, path, keyPos, refs);
        if (list) out.pathIncludes = list;
        break;
      }
      case 'path_excludes': {
        const list = readNodeList(reader, value, path, keyPos, refs);
        if (list) out.pathExcludes = list;
        break;
      }
      case 'variables': {
        const variables = readExpectedMap(reader, value, path, keyPos);
        if (variables) out.variables = variables;
        break;
      }
      case 'spoken_includes':
      case 'spoken_excludes': {
        const items = reader.stringItems(value, path, keyPos);
        const list = items && { value: items.map((i) => i.value), pos: keyPos };
        if (list && key === 'spoken_includes') out.spokenIncludes = list;
        if (list && key === 'spoken_excludes') out.spokenExcludes = list;
        break;
      }
      case 'webhooks': {
        if (!reader.isList(value)) {
          reader.problem(
            here(value),
            path,
            'must be a list of mappings, e.g. [{ node: auth, status: 200 }]',
          );
          break;
        }
        const list = reader
          .listItems(value)
          .map((item, index) => readWebhook(reader, item, `${path}[${index}]`, here(item), refs));
        if (list.every((w) => w !== undefined)) out.webhooks = { value: list, pos: keyPos };
        break;
      }
      case 'warnings': {
        const none = readNone(reader, value, path, keyPos);
        if (none) out.noWarnings = none;
        break;
      }
      case 'violations': {
        const none = readNone(reader, value, path, keyPos);
        if (none) out.noViolations = none;
        break;
      }
    }
  }
  if (entries.size === 0) {
    reader.problem(
      reader.pos(node, at),
      field,
      `give at least one expectation (${EXPECT_KEYS.join(', ')}); a case that checks nothing always passes`,
    );
  }
  return reader.problems.length === before ? out : undefined;
}
