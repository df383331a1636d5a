/**
 * Redaction of secret values from whatever a call records or shows. Rendering a request twice
 * (real / `[redacted]`) keeps `${secret.x}` out of the request record, but a secret value can
 * reach a record by other paths: a CRM that echoes the token in its reply, a variable set from
 * that reply, a later template that renders the variable. So every event, the call's result and
 * every sent request pass through here, and each occurrence of a secret value (and of the
 * encodings a CRM could echo it in) becomes `[redacted]`, whatever path it took.
 */
import { Buffer } from 'node:buffer';
import { formEncode, urlEncode } from '../webhook/form-encoding.ts';
import { REDACTED } from '../webhook/reference-lookup.ts';

/** Removes secret values from text and from event-shaped data. */
export interface SecretRedactor {
  /** False when there is no non-empty secret: then both methods return their input as is. */
  readonly active: boolean;
  /** `text` with every occurrence of a secret value (or an encoding of one) as `[redacted]`. */
  text(text: string): string;
  /**
   * A redacted copy of an event, a call result or an exchange (the input is never changed: the
   * engine keeps the real values, a later request may need to send them).
   */
  tree<T>(value: T): T;
}

/**
 * Keys whose string values are names the flow or the engine chose (node ids, event types, codes),
 * never data a secret could flow into. Left alone so that a short secret cannot turn an event
 * type or node id into something the session log, replay or a test no longer understands.
 * `ROOT_KEYS` hold at the top of an event or result only (`key` is a DTMF key there, but a
 * response key path inside a violation).
 */
const ROOT_KEYS = new Set([
  'type',
  'node',
  'nodeType',
  'purpose',
  'mode',
  'reason',
  'by',
  'outcome',
  'endedBy',
  'next',
  'key',
  'source',
  'destination',
  'flowId',
  'variable',
  'dataset',
  'uuid',
  'path',
]);
const NESTED_KEYS = new Set(['node', 'code', 'method', 'error']);

/** Keys holding variable values: there, numbers and object keys (names from a reply) count too. */
const VALUE_KEYS = new Set(['variables', 'parsed', 'variablesSet', 'from', 'to']);

type Mode = 'root' | 'nested' | 'values';
type Container = Record<string, unknown> | unknown[];

const NO_REDACTION: SecretRedactor = {
  active: false,
  text: (text) => text,
  tree: (value) => value,
};

/**
 * A redactor for `secrets` (values by name). Empty values are ignored (an empty string occurs
 * everywhere). Short values are redacted like any other: a secret must never leak, even if a
 * one-character token makes the log hard to read (docs say so).
 */
export function createSecretRedactor(secrets: Readonly<Record<string, string>>): SecretRedactor {
  const needles = secretNeedles(Object.values(secrets));
  if (needles.length === 0) return NO_REDACTION;
  // Raw bytes (a non-UTF-8 body kept as base64) are searched as latin1 text: one char per byte.
  const byteNeedles = [
    ...new Set(needles.map((n) => Buffer.from(n, 'utf8').toString('latin1'))),
  ].sort(longestFirst);
  const text = (value: string): string => replaceNeedles(value, needles);
  const base64 = (value: string): string => {
    const bytes = Buffer.from(value, 'base64').toString('latin1');
    const redacted = replaceNeedles(bytes, byteNeedles);
    return redacted === bytes ? value : Buffer.from(redacted, 'latin1').toString('base64');
  };
  return {
    active: true,
    text,
    tree: <T>(value: T): T => redactTree(value, text, base64) as T,
  };
}

/**
 * Every form a secret value is searched in, longest first: as it is, percent-encoded (upper and
 * lower case hex), form-encoded, JSON-escaped (also with `\/` and `\uXXXX` escapes, as PHP writes
 * JSON), and base64 (a token echoed back encoded, or in a Basic auth header).
 */
export function secretNeedles(values: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string' || value === '') continue;
    const url = urlEncode(value);
    const json = JSON.stringify(value.toWellFormed()).slice(1, -1);
    const base64 = Buffer.from(value, 'utf8').toString('base64');
    for (const form of [
      value,
      url,
      url.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
      formEncode(value),
      json,
      json.replaceAll('/', '\\/'),
      json.replace(/[^\x20-\x7e]/g, unicodeEscape),
      base64,
      base64.replace(/=+$/, ''),
      base64.replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_'),
    ]) {
      if (form !== '') found.add(form);
    }
  }
  return [...found].sort(longestFirst);
}

function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function longestFirst(a: string, b: string): number {
  return b.length - a.length;
}

/**
 * One left-to-right pass: at each step the earliest occurrence of any needle (the longest on a
 * tie) becomes `[redacted]`, and the search goes on after it. Inserted text is never searched
 * again, so a secret that happens to occur in "[redacted]" cannot mangle the marker. Each
 * needle's next position is cached and only searched again once the scan has passed it, so the
 * work is linear in the text for a given set of secrets.
 */
function replaceNeedles(text: string, needles: readonly string[]): string {
  const next = needles.map((needle) => text.indexOf(needle));
  if (next.every((at) => at === -1)) return text;
  let out = '';
  let from = 0;
  for (;;) {
    let best = -1;
    let length = 0;
    for (let k = 0; k < needles.length; k++) {
      let at = next[k] as number;
      if (at !== -1 && at < from) {
        at = text.indexOf(needles[k] as string, from);
        next[k] = at;
      }
      if (at !== -1 && (best === -1 || at < best)) {
        best = at;
        length = (needles[k] as string).length;
      }
    }
    if (best === -1) break;
    out += `${text.slice(from, best)}${REDACTED}`;
    from = best + length;
  }
  return out + text.slice(from);
}

function isContainer(value: unknown): value is Container {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The redacted copy of `root`, walked with an explicit stack (a reply can nest deep; recursion
 * could overflow) and a map of objects already copied (so even a cycle cannot loop).
 */
function redactTree(
  root: unknown,
  text: (value: string) => string,
  base64: (value: string) => string,
): unknown {
  // Per mode: the same object reached as a variable value and elsewhere is redacted as each.
  const copies: Record<Mode, Map<object, Container>> = {
    root: new Map(),
    nested: new Map(),
    values: new Map(),
  };
  const stack: { source: Container; target: Container; mode: Mode }[] = [];

  const copy = (value: unknown, key: string | null, mode: Mode): unknown => {
    if (typeof value === 'string') {
      if (key !== null && mode !== 'values' && structural(key, mode)) return value;
      return key === 'bodyBase64' ? base64(value) : text(value);
    }
    if (typeof value === 'number') {
      // A secret of digits echoed as a JSON number is a variable value like any other.
      if (mode !== 'values' && (key === null || !VALUE_KEYS.has(key))) return value;
      const written = String(value);
      return text(written) === written ? value : REDACTED;
    }
    if (!isContainer(value)) return value;
    if (key !== null && mode !== 'values' && structural(key, mode)) {
      return Array.isArray(value) ? value.slice() : container(value, childMode(key, mode));
    }
    return container(value, key === null ? mode : childMode(key, mode));
  };

  const container = (value: Container, mode: Mode): Container => {
    const done = copies[mode].get(value);
    if (done !== undefined) return done;
    const target: Container = Array.isArray(value) ? [] : {};
    copies[mode].set(value, target);
    stack.push({ source: value, target, mode });
    return target;
  };

  const result = copy(root, null, 'root');
  while (stack.length > 0) {
    const { source, target, mode } = stack.pop() as (typeof stack)[number];
    if (Array.isArray(source)) {
      for (const item of source) (target as unknown[]).push(copy(item, null, mode));
      continue;
    }
    for (const [key, value] of Object.entries(source)) {
      // Names inside variable values come from replies too; elsewhere keys are the format's own.
      const name = mode === 'values' ? text(key) : key;
      Object.defineProperty(target, name, {
        value: copy(value, key, mode),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return result;
}

function structural(key: string, mode: Mode): boolean {
  return mode === 'root' ? ROOT_KEYS.has(key) || NESTED_KEYS.has(key) : NESTED_KEYS.has(key);
}

function childMode(key: string, mode: Mode): Mode {
  if (mode === 'values' || VALUE_KEYS.has(key)) return 'values';
  return 'nested';
}
