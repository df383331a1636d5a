/**
 * An environment's `mock` section (../shared/spec/WORKSPACE.md, "Mock replies"): `http` node id
 * to the rules tried in order. Every mistake is a problem with its place and field
 * (`mock.auth[1].delayMs`), and reading goes on so one pass names them all.
 */
import type { Node, Pair } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import { NODE_ID_PATTERN } from '../../shared/flow/flow-schema.ts';
import type { MockBody, MockFault, MockRule, MockSection } from '../../shared/mock-types.ts';
import { MOCK_FAULTS } from '../../shared/mock-types.ts';
import type { SourcePos } from '../call-tests/test-file-types.ts';
import type { YamlReader } from '../call-tests/yaml-reader.ts';
import { MOCK_KEY_PATTERN } from '../mock/mock-request-view.ts';
import {
  HEADER_NAME_PATTERN,
  MAX_MOCK_CONDITIONS,
  MAX_MOCK_NODES,
  MAX_MOCK_RULES,
  MOCK_BODY_FIELDS,
  MOCK_RULE_FIELDS,
  MOCK_STATUS_RANGE,
} from './environment-fields.ts';
import {
  checkConditionTemplate,
  checkReplyTemplate,
  readMockDelay,
  readMockHeaders,
  readMockJson,
} from './read-mock-values.ts';
import { setOwn } from './set-own.ts';

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

const CONDITION_KEYS =
  'method, path, query.<name>, body.<field> (dotted for nested JSON), header.<name>';

/** Reads a rule's `when`: condition key to a template of the call's variables. */
function readWhen(
  reader: YamlReader,
  node: Node | null,
  field: string,
  at: SourcePos,
): Record<string, string> | undefined {
  if (!isMap(node)) {
    reader.problem(reader.pos(node, at), field, `must be a mapping of ${CONDITION_KEYS}`);
    return undefined;
  }
  if (node.items.length > MAX_MOCK_CONDITIONS) {
    reader.problem(reader.pos(node, at), field, `more than ${MAX_MOCK_CONDITIONS} conditions`);
    return undefined;
  }
  const when: Record<string, string> = {};
  let ok = true;
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    const keyNode = reader.resolve(pair.key);
    const keyPos = reader.pos(keyNode, at);
    const key = isScalar(keyNode) && typeof keyNode.value === 'string' ? keyNode.value : '';
    const header = key.startsWith('header.') && !HEADER_NAME_PATTERN.test(key.slice(7));
    if (!MOCK_KEY_PATTERN.test(key) || header) {
      reader.problem(keyPos, `${field}.${key}`, `unknown condition; allowed: ${CONDITION_KEYS}`);
      ok = false;
      continue;
    }
    const path = `${field}.${key}`;
    const valueNode = reader.resolve(pair.value);
    const pos = reader.pos(valueNode, keyPos);
    let value: string | undefined;
    if (key === 'method') {
      value = reader.oneOf(valueNode, path, keyPos, METHODS);
    } else {
      value = reader.string(valueNode, path, keyPos, { allowEmpty: true });
      if (value !== undefined && key === 'path' && !value.startsWith('/')) {
        reader.problem(pos, path, `a path starts with "/", e.g. /ivr/auth`);
        value = undefined;
      }
      if (value !== undefined && !checkConditionTemplate(reader, value, path, pos)) {
        value = undefined;
      }
    }
    if (value === undefined) ok = false;
    else setOwn(when, key, value);
  }
  return ok ? when : undefined;
}

/** Reads one rule; undefined when it has problems (recorded). */
function readRule(
  reader: YamlReader,
  node: Node | null,
  field: string,
  at: SourcePos,
): MockRule | undefined {
  const before = reader.problems.length;
  const entries = reader.map(node, field, MOCK_RULE_FIELDS, at);
  if (!entries) return undefined;
  const rule: MockRule = {
    when: {},
    status: 200,
    headers: [],
    body: null,
    delayMs: null,
    fault: null,
  };
  const when = entries.get('when');
  if (when) rule.when = readWhen(reader, when.value, `${field}.when`, when.keyPos) ?? {};
  const status = entries.get('status');
  if (status) {
    rule.status =
      reader.integer(status.value, `${field}.status`, status.keyPos, MOCK_STATUS_RANGE) ?? 200;
  }
  let bodyField: { name: string; line: number } | null = null;
  for (const name of MOCK_BODY_FIELDS) {
    const entry = entries.get(name);
    if (!entry) continue;
    const path = `${field}.${name}`;
    if (bodyField !== null) {
      reader.problem(
        entry.keyPos,
        path,
        `a rule has one body: ${bodyField.name} is given on line ${bodyField.line} (one of json, ini, text, body)`,
      );
      continue;
    }
    bodyField = { name, line: entry.keyPos.line };
    rule.body = readBody(reader, name, entry.value, path, entry.keyPos) ?? null;
  }
  const headers = entries.get('headers');
  if (headers) {
    rule.headers = readMockHeaders(reader, headers.value, `${field}.headers`, headers.keyPos) ?? [];
  }
  const delay = entries.get('delayMs');
  if (delay)
    rule.delayMs = readMockDelay(reader, delay.value, `${field}.delayMs`, delay.keyPos) ?? null;
  const fault = entries.get('fault');
  if (fault) {
    const kind = reader.oneOf(fault.value, `${field}.fault`, fault.keyPos, MOCK_FAULTS);
    rule.fault = kind ?? null;
    if (kind === 'timeout' || kind === 'refuse') noReply(reader, kind, entries, field);
  }
  return reader.problems.length === before ? rule : undefined;
}

/** A fault that sends nothing cannot have a reply: each reply field of it is a problem. */
function noReply(
  reader: YamlReader,
  fault: MockFault,
  entries: NonNullable<ReturnType<YamlReader['map']>>,
  field: string,
): void {
  const why = fault === 'refuse' ? 'the connection is refused' : 'the request is never answered';
  for (const name of ['status', 'headers', 'delayMs', ...MOCK_BODY_FIELDS]) {
    const entry = entries.get(name);
    if (entry) {
      reader.problem(
        entry.keyPos,
        `${field}.${name}`,
        `fault ${fault} sends no reply (${why}); remove ${name}`,
      );
    }
  }
}

function readBody(
  reader: YamlReader,
  kind: (typeof MOCK_BODY_FIELDS)[number],
  node: Node | null,
  field: string,
  at: SourcePos,
): MockBody | undefined {
  if (kind === 'json') {
    const value = readMockJson(reader, node, field, at);
    return value === undefined ? undefined : { kind, value };
  }
  const text = reader.string(node, field, at, { allowEmpty: true });
  if (text === undefined) return undefined;
  if (!checkReplyTemplate(reader, text, field, reader.pos(node, at))) return undefined;
  return { kind, text };
}

/** Reads one node's rules. */
function readRules(
  reader: YamlReader,
  node: Node | null,
  field: string,
  at: SourcePos,
): MockRule[] | undefined {
  if (!isSeq(node) || node.items.length === 0) {
    reader.problem(
      reader.pos(node, at),
      field,
      'must list at least one rule, e.g. - json: { authenticated: true }',
    );
    return undefined;
  }
  if (node.items.length > MAX_MOCK_RULES) {
    reader.problem(reader.pos(node, at), field, `more than ${MAX_MOCK_RULES} rules`);
    return undefined;
  }
  const rules: MockRule[] = [];
  let ok = true;
  let catchAll: number | null = null;
  reader.listItems(node).forEach((item, index) => {
    const pos = reader.pos(item, reader.pos(node, at));
    const rule = readRule(reader, item, `${field}[${index}]`, pos);
    if (rule === undefined) {
      ok = false;
      return;
    }
    // A rule after one that answers every request would never be used: a mistake, not a choice.
    if (catchAll !== null) {
      reader.problem(
        pos,
        `${field}[${index}]`,
        `never used: rule ${catchAll + 1} has no "when" and answers every request; put this rule before it`,
      );
      ok = false;
    } else if (Object.keys(rule.when).length === 0) {
      catchAll = index;
    }
    rules.push(rule);
  });
  return ok ? rules : undefined;
}

/** Reads `mock:`; an empty value means none. Undefined when any problem was recorded. */
export function readMock(
  reader: YamlReader,
  node: Node | null,
  at: SourcePos,
): MockSection | undefined {
  if (isScalar(node) && node.value === null) return {};
  if (!isMap(node)) {
    reader.problem(
      reader.pos(node, at),
      'mock',
      'must be a mapping of http node ids to their rules, e.g. auth: [ { json: { ok: true } } ]',
    );
    return undefined;
  }
  if (node.items.length > MAX_MOCK_NODES) {
    reader.problem(reader.pos(node, at), 'mock', `more than ${MAX_MOCK_NODES} nodes`);
    return undefined;
  }
  const section: MockSection = {};
  let ok = true;
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    const key = reader.resolve(pair.key);
    const keyPos = reader.pos(key, at);
    const id = isScalar(key) && typeof key.value === 'string' ? key.value : '';
    if (!NODE_ID_PATTERN.test(id)) {
      reader.problem(keyPos, 'mock', `"${id}" is not a node id (letters, digits, _ and -)`);
      ok = false;
      continue;
    }
    const rules = readRules(reader, reader.resolve(pair.value), `mock.${id}`, keyPos);
    if (rules === undefined) ok = false;
    else setOwn(section, id, rules);
  }
  return ok ? section : undefined;
}
