/**
 * Values written into an existing YAML text as the yaml library would write them, but one at a
 * time, so that they can be spliced in without re-rendering (and reformatting) the whole file.
 */
import type { Scalar } from 'yaml';
import { stringify } from 'yaml';
import { setOwn } from './set-own.ts';
import { isRecord } from './edit-plain-data.ts';

/**
 * A scalar on one line. Quoted values keep their quotes; plain text stays plain when YAML reads
 * it back as the same text; otherwise it is double quoted. In a flow collection (`{ … }`,
 * `[ … ]`) the flow indicators force quotes too.
 */
export function renderScalar(value: unknown, flow: boolean, style?: Scalar.Type): string {
  if (typeof value !== 'string') return String(value);
  if (style === 'QUOTE_SINGLE' && !/[\r\n]/.test(value)) return `'${value.replaceAll("'", "''")}'`;
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value);
  const plain = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  if (plain.includes('\n')) return JSON.stringify(value);
  if (flow && !/^["']/.test(plain) && /[,[\]{}]/.test(plain)) return JSON.stringify(value);
  return plain;
}

/** A value in flow style on one line: `[a, b]`, `{ a: 1, b: { c: 2 } }`. */
export function renderFlow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(renderFlow).join(', ')}]`;
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${renderScalar(k, true)}: ${renderFlow(v)}`).join(', ')} }`;
  }
  return renderScalar(value, true);
}

/** Block lines, each prefixed by `indent` spaces, no final newline. */
function indentLines(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

/** `key: value` as block lines at `indent` (nested values on the lines below). */
export function renderBlockPair(key: string, value: unknown, indent: number): string {
  const pair: Record<string, unknown> = {};
  setOwn(pair, key, value);
  return indentLines(stringify(pair, { lineWidth: 0 }), indent);
}

/** A collection as block lines at `indent` (the lines under its key). */
export function renderBlockValue(value: unknown, indent: number): string {
  return indentLines(stringify(value, { lineWidth: 0 }), indent);
}
