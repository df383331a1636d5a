/**
 * The Environments screen's editing copy of an environment form: every field as the text in its
 * input (rows keep a stable key while they are edited), turned back into the contract's form on
 * Save, with the mistakes that would make main refuse it named first, in the words of the screen.
 */
import type { EnvironmentForm, LimitName } from '../../../../shared/contract.ts';
import { DEFAULT_WEBHOOK_LIMITS } from '../../../../shared/webhook-types.ts';
import { VARIABLE_NAME_PATTERN } from '../../../../shared/variables.ts';

/** One row of a name/value table. */
export interface DraftRow {
  key: number;
  name: string;
  value: string;
}

/** The form as typed. */
export interface EnvironmentDraft {
  name: string;
  variables: DraftRow[];
  secrets: string[];
  headers: DraftRow[];
  tls: EnvironmentForm['tls'];
  proxy: string;
  limits: Record<LimitName, string>;
}

/** The limits, in the order shown, with their labels. */
export const LIMITS: readonly { name: LimitName; label: string }[] = [
  { name: 'connectTimeoutMs', label: 'Connect timeout (ms)' },
  { name: 'responseTimeoutMs', label: 'Response timeout (ms)' },
  { name: 'maxBodyBytes', label: 'Body size (bytes)' },
  { name: 'maxKeys', label: 'Keys' },
  { name: 'maxValueLength', label: 'Value length' },
  { name: 'maxDepth', label: 'Depth' },
];

/**
 * The platform's own value of each limit (../shared/spec/WEBHOOK.md), shown where a field is empty.
 */
export const LIMIT_DEFAULTS: Readonly<Record<LimitName, number>> = DEFAULT_WEBHOOK_LIMITS;

/** Secret names, as the contract accepts them. */
export const SECRET_NAME_PATTERN = /^[a-z_][a-z0-9_]*$/;
const HEADER_NAME_PATTERN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MAX_LIMIT = 10_000_000;

let nextKey = 1;

/** A new empty row. */
export function emptyRow(): DraftRow {
  return { key: nextKey++, name: '', value: '' };
}

/** The draft of a form main sent. */
export function draftOf(form: EnvironmentForm): EnvironmentDraft {
  const limits = {} as Record<LimitName, string>;
  for (const { name } of LIMITS) {
    const value = form.limits[name];
    limits[name] = value === undefined ? '' : String(value);
  }
  return {
    name: form.name,
    variables: form.variables.map((v) => ({
      key: nextKey++,
      name: v.name,
      value: String(v.value),
    })),
    secrets: [...form.secrets],
    headers: form.headers.map((h) => ({ key: nextKey++, name: h.name, value: h.value })),
    tls: { ...form.tls },
    proxy: form.proxy,
    limits,
  };
}

/** The draft without its row keys, to tell whether anything changed. */
export function draftSignature(draft: EnvironmentDraft): string {
  const rows = (list: DraftRow[]) => list.map((r) => [r.name, r.value]);
  return JSON.stringify({
    ...draft,
    variables: rows(draft.variables),
    headers: rows(draft.headers),
  });
}

/**
 * A variable's value as the file will hold it: the value it had when the text is unchanged (so a
 * quoted "5000" stays a string), else a number or a boolean where the text is exactly one, else
 * the text.
 */
function variableValue(text: string, original: string | number | boolean | undefined) {
  if (original !== undefined && String(original) === text) return original;
  if (text === 'true' || text === 'false') return text === 'true';
  const number = Number(text);
  if (text.trim() !== '' && Number.isFinite(number) && String(number) === text) return number;
  return text;
}

/** The form to save, or every mistake that keeps it from being saved. */
export function formOf(
  draft: EnvironmentDraft,
  saved: EnvironmentForm,
): { form: EnvironmentForm } | { errors: string[] } {
  const errors: string[] = [];
  if (!draft.name.trim()) errors.push('Name: enter a name');
  const originals = new Map(saved.variables.map((v) => [v.name, v.value]));
  const variables: EnvironmentForm['variables'] = [];
  const seenVariables = new Set<string>();
  for (const row of draft.variables) {
    const name = row.name.trim();
    if (!name && !row.value) continue;
    if (!VARIABLE_NAME_PATTERN.test(name)) {
      errors.push(`Variables: "${name}" is not a variable name (a-z, 0-9, _; not a digit first)`);
    } else if (seenVariables.has(name)) {
      errors.push(`Variables: ${name} is there twice`);
    }
    seenVariables.add(name);
    variables.push({ name, value: variableValue(row.value, originals.get(name)) });
  }
  const headers: EnvironmentForm['headers'] = [];
  for (const row of draft.headers) {
    const name = row.name.trim();
    if (!name && !row.value) continue;
    if (!HEADER_NAME_PATTERN.test(name)) errors.push(`Headers: "${name}" is not a header name`);
    headers.push({ name, value: row.value });
  }
  const limits: EnvironmentForm['limits'] = {};
  for (const { name, label } of LIMITS) {
    const text = draft.limits[name].trim();
    if (text === '') continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
      errors.push(
        `Limits: ${label} must be a whole number from 1 to ${MAX_LIMIT.toLocaleString()}`,
      );
    } else {
      limits[name] = value;
    }
  }
  if (errors.length > 0) return { errors };
  return {
    form: {
      name: draft.name.trim(),
      variables,
      secrets: draft.secrets,
      headers,
      tls: { ...draft.tls },
      proxy: draft.proxy.trim(),
      limits,
    },
  };
}
