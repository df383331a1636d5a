/**
 * `${name}` templates: finding references (for the validator) and rendering them (for the engine
 * and the webhook client). Rendering never evaluates code: a reference is a dotted path, nothing
 * more.
 */
import type { VarValue } from '../variables.ts';
import { formatValue } from '../variables.ts';

/** A reference's path: dot-separated variable names (`account.balance`, `secret.crm_token`). */
export const REFERENCE_PATH_PATTERN = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/;

/** The namespace of secrets: `${secret.name}` reads a secret, never a variable. */
export const SECRET_PREFIX = 'secret.';

/** A `${...}` occurrence in a template. */
export interface TemplateReference {
  /** The text between `${` and `}`, trimmed. */
  path: string;
  /** Offset of `$` in the template. */
  index: number;
  /** True when the path is a valid reference path. */
  valid: boolean;
}

const REFERENCE = /\$\{([^{}]*)\}/g;

/** Lists every `${...}` reference in a template, valid or not, in order. */
export function findReferences(template: string): TemplateReference[] {
  const found: TemplateReference[] = [];
  for (const match of template.matchAll(REFERENCE)) {
    const path = (match[1] ?? '').trim();
    found.push({ path, index: match.index, valid: REFERENCE_PATH_PATTERN.test(path) });
  }
  return found;
}

/** The root variable a reference reads (`account` for `account.balance`). */
export function referenceRoot(path: string): string {
  const dot = path.indexOf('.');
  return dot === -1 ? path : path.slice(0, dot);
}

/** True when a reference reads a secret. */
export function isSecretReference(path: string): boolean {
  return path.startsWith(SECRET_PREFIX);
}

/** Looks a reference path up; undefined when it is not defined. */
export type ReferenceLookup = (path: string) => VarValue | undefined;

/** The result of rendering: the text and the references that were undefined (rendered empty). */
export interface Rendered {
  text: string;
  missing: string[];
}

/**
 * Renders a template: each `${path}` is replaced by `encode(value)`; an undefined reference
 * renders as the empty string and is listed in `missing` (../shared/spec/WEBHOOK.md: a warning on
 * that step).
 */
export function renderTemplate(
  template: string,
  lookup: ReferenceLookup,
  encode: (value: string) => string = (value) => value,
): Rendered {
  const missing: string[] = [];
  const text = template.replace(REFERENCE, (_whole, inner: string) => {
    const path = inner.trim();
    const value = REFERENCE_PATH_PATTERN.test(path) ? lookup(path) : undefined;
    if (value === undefined) {
      missing.push(path);
      return '';
    }
    return encode(formatValue(value));
  });
  return { text, missing };
}
