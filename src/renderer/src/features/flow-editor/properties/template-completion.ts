/**
 * The template fields' `${` completion and their unknown-reference marks, pure: what is being
 * completed at the caret, the variables that fit, the text once one is accepted, and the
 * references no known variable defines. The input (template-input.tsx) only wires these to keys.
 */
import {
  findReferences,
  isSecretReference,
  referenceRoot,
} from '../../../../../shared/flow/template.ts';

/** A reference being typed: `${` at `start - 2`, the caret at `end`, `query` between them. */
export interface Completion {
  /** Offset just after `${`. */
  start: number;
  /** The caret. */
  end: number;
  /** What is typed after `${`, up to the caret. */
  query: string;
}

/** Characters a reference path may hold while it is typed (../shared/spec/FLOW.md: dotted lowercase names). */
const PATH_CHARS = /^[A-Za-z0-9_.]*$/;

/**
 * The reference being typed at `caret`: the nearest `${` before it with only path characters
 * between; null when the caret is not inside one (after its `}`, or in plain text).
 */
export function completionAt(text: string, caret: number): Completion | null {
  const open = text.lastIndexOf('${', caret - 2);
  if (open === -1) return null;
  const start = open + 2;
  if (start > caret) return null;
  const query = text.slice(start, caret);
  return PATH_CHARS.test(query) ? { start, end: caret, query } : null;
}

/**
 * The variables fitting `query`, case-insensitively: those starting with it first, then those
 * containing it, each group in the given order; all of them for an empty query.
 */
export function filterVariables(variables: readonly string[], query: string): string[] {
  const wanted = query.toLowerCase();
  const starts = variables.filter((name) => name.toLowerCase().startsWith(wanted));
  const contains = variables.filter(
    (name) => !name.toLowerCase().startsWith(wanted) && name.toLowerCase().includes(wanted),
  );
  return [...starts, ...contains];
}

/**
 * The text once `name` is accepted for `completion`: the typed part, and the rest of the path
 * and its `}` when the caret was inside a closed reference, become `name}`; the caret goes after
 * the `}`.
 */
export function acceptCompletion(
  text: string,
  completion: Completion,
  name: string,
): { text: string; caret: number } {
  let end = completion.end;
  while (end < text.length && /[A-Za-z0-9_.]/.test(text.charAt(end))) end += 1;
  if (text.charAt(end) === '}') end += 1;
  const inserted = `${name}}`;
  return {
    text: text.slice(0, completion.start) + inserted + text.slice(end),
    caret: completion.start + inserted.length,
  };
}

/**
 * The reference paths in `template` that no known variable defines, once each, in order: a path
 * counts as known when its root (`account` of `account.balance`) is the root of a known
 * variable path; `secret.*` references read secrets, never variables, and are never flagged.
 */
export function unknownReferences(template: string, variables: readonly string[]): string[] {
  const roots = new Set(variables.map(referenceRoot));
  const unknown: string[] = [];
  for (const reference of findReferences(template)) {
    if (!reference.valid || isSecretReference(reference.path)) continue;
    if (roots.has(referenceRoot(reference.path))) continue;
    if (!unknown.includes(reference.path)) unknown.push(reference.path);
  }
  return unknown;
}

/** References that are not paths at all (`${}`, `${1x}`, `${a b}`), once each, in order. */
export function invalidReferences(template: string): string[] {
  const invalid: string[] = [];
  for (const reference of findReferences(template)) {
    if (!reference.valid && !invalid.includes(reference.path)) invalid.push(reference.path);
  }
  return invalid;
}

/** What the field says under itself about its references, one line each. */
export function referenceMessages(template: string, variables: readonly string[]): string[] {
  return [
    ...unknownReferences(template, variables).map((path) => `unknown variable \${${path}}`),
    ...invalidReferences(template).map((path) => `not a variable reference: \${${path}}`),
  ];
}
