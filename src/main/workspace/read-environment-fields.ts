/**
 * The field stage of reading an environment file: the top-level mapping's fields, each checked
 * for its type and form, every problem recorded in the reader and reading carried on, so that
 * one pass names every mistake. TLS files are only named here; they are read afterwards.
 */
import type { Node } from 'yaml';
import { isScalar, isSeq } from 'yaml';
import type { MockSection } from '../../shared/mock-types.ts';
import type { VarMap } from '../../shared/variables.ts';
import type { WebhookLimits } from '../../shared/webhook-types.ts';
import type { SourcePos } from '../call-tests/test-file-types.ts';
import type { YamlReader } from '../call-tests/yaml-reader.ts';
import {
  ENVIRONMENT_FIELDS,
  LIMIT_NAMES,
  LIMIT_RANGES,
  MAX_CA_FILES,
  MAX_SECRETS,
  SECRET_NAME_PATTERN,
  TLS_FIELDS,
  UNSUPPORTED_FIELDS,
} from './environment-fields.ts';
import type { HeaderAt } from './read-headers.ts';
import { checkHeaderSecrets, readHeaders } from './read-headers.ts';
import type { PathAt, TlsPaths } from './read-tls-files.ts';
import { readMock } from './read-mock.ts';
import { readVariables } from './read-variables.ts';
import { setOwn } from './set-own.ts';

/** The fields as read; a field with problems keeps its default (the problems decide). */
export interface EnvironmentFields {
  name: string | null;
  variables: VarMap;
  secrets: string[];
  headers: Record<string, string>;
  tls: TlsPaths;
  proxy: string | null;
  limits: Partial<WebhookLimits>;
  demoCrm: boolean;
  /** Mocked nodes; empty when the file has no `mock` section. */
  mock: MockSection;
}

/** True for an empty value or an explicit `null`: an optional field then means "none". */
function isNone(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

function readSecrets(reader: YamlReader, node: Node | null, at: SourcePos): string[] {
  if (isNone(node)) return [];
  if (isSeq(node) && node.items.length > MAX_SECRETS) {
    reader.problem(reader.pos(node, at), 'secrets', `more than ${MAX_SECRETS} secrets`);
    return [];
  }
  const items = reader.stringItems(node, 'secrets', at) ?? [];
  const out: string[] = [];
  const lines = new Map<string, number>();
  items.forEach((item, index) => {
    const field = isSeq(node) ? `secrets[${index}]` : 'secrets';
    if (!SECRET_NAME_PATTERN.test(item.value)) {
      reader.problem(item.pos, field, 'invalid secret name (must match ^[a-z_][a-z0-9_]*$)');
      return;
    }
    const first = lines.get(item.value);
    if (first !== undefined) {
      reader.problem(item.pos, field, `"${item.value}" is already listed on line ${first}`);
      return;
    }
    lines.set(item.value, item.pos.line);
    out.push(item.value);
  });
  return out;
}

function readTlsPaths(reader: YamlReader, node: Node | null, at: SourcePos): TlsPaths {
  const paths: TlsPaths = { ca: [], cert: null, key: null, insecure: false };
  if (isNone(node)) return paths;
  const entries = reader.map(node, 'tls', TLS_FIELDS, at);
  if (!entries) return paths;
  const ca = entries.get('ca');
  if (ca && !isNone(ca.value)) {
    if (isSeq(ca.value) && ca.value.items.length > MAX_CA_FILES) {
      reader.problem(reader.pos(ca.value, ca.keyPos), 'tls.ca', `more than ${MAX_CA_FILES} files`);
    } else {
      const list = isSeq(ca.value);
      (reader.stringItems(ca.value, 'tls.ca', ca.keyPos) ?? []).forEach((item, index) => {
        paths.ca.push({ ...item, field: list ? `tls.ca[${index}]` : 'tls.ca' });
      });
    }
  }
  for (const name of ['cert', 'key'] as const) {
    const entry = entries.get(name);
    if (!entry || isNone(entry.value)) continue;
    const value = reader.string(entry.value, `tls.${name}`, entry.keyPos);
    if (value === undefined) continue;
    const path: PathAt = {
      value,
      pos: reader.pos(entry.value, entry.keyPos),
      field: `tls.${name}`,
    };
    paths[name] = path;
  }
  const insecure = entries.get('insecure');
  if (insecure)
    paths.insecure = reader.boolean(insecure.value, 'tls.insecure', insecure.keyPos) ?? false;
  return paths;
}

function readProxy(reader: YamlReader, node: Node | null, at: SourcePos): string | null {
  if (isNone(node)) return null;
  const text = reader.string(node, 'proxy', at);
  if (text === undefined) return null;
  const pos = reader.pos(node, at);
  const example = 'e.g. http://proxy.example.com:3128';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The value is not repeated: a proxy URL may carry a password.
    reader.problem(pos, 'proxy', `not a valid URL; ${example}`);
    return null;
  }
  // The webhook client speaks plain HTTP to its proxy (CONNECT for https targets): an https://
  // or SOCKS proxy is refused here, once, rather than failing every exchange of every call.
  if (url.protocol !== 'http:') {
    reader.problem(pos, 'proxy', `must be an http:// URL, got ${url.protocol}//…; ${example}`);
    return null;
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    reader.problem(pos, 'proxy', `a proxy URL is only scheme, host and port; ${example}`);
    return null;
  }
  return text;
}

function readLimits(reader: YamlReader, node: Node | null, at: SourcePos): Partial<WebhookLimits> {
  const limits: Partial<WebhookLimits> = {};
  if (isNone(node)) return limits;
  const entries = reader.map(node, 'limits', LIMIT_NAMES, at);
  if (!entries) return limits;
  for (const name of LIMIT_NAMES) {
    const entry = entries.get(name);
    if (!entry) continue;
    const value = reader.integer(entry.value, `limits.${name}`, entry.keyPos, LIMIT_RANGES[name]);
    if (typeof value === 'number') limits[name] = value;
  }
  return limits;
}

/**
 * Reads every field of the top-level mapping `root`. Problems are recorded in `reader`; the
 * environment is usable only when there are none.
 */
export function readEnvironmentFields(reader: YamlReader, root: Node): EnvironmentFields {
  const start = reader.pos(root);
  const fields: EnvironmentFields = {
    name: null,
    variables: {},
    secrets: [],
    headers: {},
    tls: { ca: [], cert: null, key: null, insecure: false },
    proxy: null,
    limits: {},
    demoCrm: false,
    mock: {},
  };
  const entries = reader.map(root, '', ENVIRONMENT_FIELDS, start);
  if (!entries) return fields;

  for (const [field, message] of Object.entries(UNSUPPORTED_FIELDS)) {
    const entry = entries.get(field);
    if (entry) reader.problem(entry.keyPos, field, message);
  }

  const name = entries.get('name');
  if (!name) reader.problem(start, 'name', 'required: the name shown in the Environment picker');
  else fields.name = reader.string(name.value, 'name', name.keyPos) ?? null;

  const variables = entries.get('variables');
  if (variables) fields.variables = readVariables(reader, variables.value, variables.keyPos) ?? {};

  const secrets = entries.get('secrets');
  if (secrets) fields.secrets = readSecrets(reader, secrets.value, secrets.keyPos);

  const headers = entries.get('headers');
  const headerList: HeaderAt[] =
    (headers && readHeaders(reader, headers.value, headers.keyPos)) || [];
  checkHeaderSecrets(reader, headerList, fields.secrets);
  for (const header of headerList) setOwn(fields.headers, header.name, header.value);

  const tls = entries.get('tls');
  if (tls) fields.tls = readTlsPaths(reader, tls.value, tls.keyPos);

  const proxy = entries.get('proxy');
  if (proxy) fields.proxy = readProxy(reader, proxy.value, proxy.keyPos);

  const limits = entries.get('limits');
  if (limits) fields.limits = readLimits(reader, limits.value, limits.keyPos);

  const demoCrm = entries.get('demoCrm');
  if (demoCrm && !isNone(demoCrm.value)) {
    fields.demoCrm = reader.boolean(demoCrm.value, 'demoCrm', demoCrm.keyPos) ?? false;
  }

  const mock = entries.get('mock');
  if (mock) fields.mock = readMock(reader, mock.value, mock.keyPos) ?? {};
  return fields;
}
