/**
 * An environment's `headers`: header name to a template sent with every webhook of a call. Names
 * must be valid HTTP tokens that the client does not set itself, values single-line templates,
 * and every `${secret.x}` they use must be declared, or the header would go out with an empty
 * value and fail at the CRM with nothing pointing back here.
 */
import type { Node, Pair } from 'yaml';
import { isMap, isScalar } from 'yaml';
import { findReferences, isSecretReference, SECRET_PREFIX } from '../../shared/flow/template.ts';
import type { SourcePos } from '../call-tests/test-file-types.ts';
import type { YamlReader } from '../call-tests/yaml-reader.ts';
import { HEADER_NAME_PATTERN, MAX_HEADERS } from './environment-fields.ts';

/** Headers the HTTP client writes itself (framing, connection management): never from a file. */
const CLIENT_HEADERS = new Set([
  'connection',
  'content-length',
  'keep-alive',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** A header as read, with the place of its value (for the secret check). */
export interface HeaderAt {
  name: string;
  value: string;
  pos: SourcePos;
}

/** Reads `headers:`; an empty value means none. Undefined when any problem was recorded. */
export function readHeaders(
  reader: YamlReader,
  node: Node | null,
  at: SourcePos,
): HeaderAt[] | undefined {
  if (isScalar(node) && node.value === null) return [];
  if (!isMap(node)) {
    reader.problem(reader.pos(node, at), 'headers', 'must be a mapping (Header-Name: value lines)');
    return undefined;
  }
  if (node.items.length > MAX_HEADERS) {
    reader.problem(reader.pos(node, at), 'headers', `more than ${MAX_HEADERS} headers`);
    return undefined;
  }
  const out: HeaderAt[] = [];
  const seen = new Map<string, { name: string; line: number }>();
  let ok = true;
  for (const pair of node.items as Pair<unknown, unknown>[]) {
    const key = reader.resolve(pair.key);
    const keyPos = reader.pos(key, at);
    const name = isScalar(key) && typeof key.value === 'string' ? key.value : null;
    const field = name === null ? 'headers' : `headers.${name}`;
    const problem =
      name === null || !HEADER_NAME_PATTERN.test(name)
        ? "invalid header name (letters, digits and !#$%&'*+-.^_`|~ only)"
        : CLIENT_HEADERS.has(name.toLowerCase())
          ? 'set by the HTTP client itself; it cannot be an environment header'
          : null;
    if (problem !== null || name === null) {
      reader.problem(keyPos, field, problem ?? 'invalid header name');
      ok = false;
      continue;
    }
    const first = seen.get(name.toLowerCase());
    if (first !== undefined && first.name !== name) {
      reader.problem(
        keyPos,
        field,
        `the same header as "${first.name}" on line ${first.line} (header names ignore case)`,
      );
      ok = false;
      continue;
    }
    if (first === undefined) seen.set(name.toLowerCase(), { name, line: keyPos.line });
    const valueNode = reader.resolve(pair.value);
    const value = reader.string(valueNode, field, keyPos, { allowEmpty: true });
    if (value === undefined) {
      ok = false;
      continue;
    }
    const pos = reader.pos(valueNode, keyPos);
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) {
      reader.problem(pos, field, 'must be one line of text without control characters');
      ok = false;
      continue;
    }
    for (const reference of findReferences(value)) {
      if (!reference.valid) {
        reader.problem(
          pos,
          field,
          `"\${${reference.path}}" is not a valid reference (e.g. \${crm_base} or \${secret.crm_token})`,
        );
        ok = false;
      }
    }
    out.push({ name, value, pos });
  }
  return ok ? out : undefined;
}

/**
 * Reports each `${secret.x}` in a header whose secret is not declared in `secrets`. Returns
 * false when any was found.
 */
export function checkHeaderSecrets(
  reader: YamlReader,
  headers: readonly HeaderAt[],
  declared: readonly string[],
): boolean {
  let ok = true;
  for (const header of headers) {
    for (const reference of findReferences(header.value)) {
      if (!reference.valid || !isSecretReference(reference.path)) continue;
      const name = reference.path.slice(SECRET_PREFIX.length);
      if (declared.includes(name)) continue;
      reader.problem(
        header.pos,
        `headers.${header.name}`,
        `uses secret "${name}", which "secrets" does not declare; add it there (undeclared, the header would be sent with an empty value)`,
      );
      ok = false;
    }
  }
  return ok;
}
