/**
 * What saving a form changes in its file: the difference between the form as the file reads
 * now and the form as edited, as edits of single keys. Only these keys are written; everything
 * else in the file stays as it is.
 */
import type { EnvironmentForm } from '../../shared/contract.ts';
import { LIMIT_NAMES } from './environment-fields.ts';
import { isRecord } from './edit-plain-data.ts';
import type { FormEdit } from './form-edit.ts';

/** The edits, and the sections they touch (removed afterwards if left empty). */
export interface FormEdits {
  edits: FormEdit[];
  sections: string[];
}

/**
 * A variable's value as the form holds it, back to the value to write: text that is a JSON
 * object is a nested value (the form shows nested values that way); anything else is as is.
 */
export function variableValue(value: string | number | boolean): unknown {
  if (typeof value !== 'string' || !value.trimStart().startsWith('{')) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return isRecord(parsed) ? parsed : value;
  } catch {
    return value;
  }
}

/** Edits for a `name: value` list section (variables, headers). */
function listEdits<T>(
  section: string,
  before: readonly { name: string; value: T }[],
  after: readonly { name: string; value: T }[],
  write: (value: T) => unknown,
): FormEdit[] {
  const old = new Map(before.map((entry) => [entry.name, entry.value]));
  const next = new Map(after.map((entry) => [entry.name, entry.value]));
  const edits: FormEdit[] = [];
  for (const name of old.keys()) {
    if (!next.has(name)) edits.push({ path: [section, name], value: undefined });
  }
  for (const [name, value] of next) {
    if (!old.has(name) || old.get(name) !== value) {
      edits.push({ path: [section, name], value: write(value) });
    }
  }
  return edits;
}

/** A text field: '' deletes the key. */
function textEdit(
  path: string[],
  before: string,
  after: string,
  write = (v: string): unknown => v,
): FormEdit[] {
  if (before === after) return [];
  return [{ path, value: after === '' ? undefined : write(after) }];
}

/** CA paths, one per line in the form: one path is written as text, several as a list. */
function caValue(text: string): unknown {
  const paths = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return paths.length === 1 ? paths[0] : paths;
}

/** The edits that turn `before` into `after`. */
export function formEdits(before: EnvironmentForm, after: EnvironmentForm): FormEdits {
  const edits: FormEdit[] = [];
  if (before.name !== after.name) edits.push({ path: ['name'], value: after.name });
  edits.push(...listEdits('variables', before.variables, after.variables, variableValue));
  const secretsChanged =
    before.secrets.length !== after.secrets.length ||
    before.secrets.some((name, index) => after.secrets[index] !== name);
  if (secretsChanged) {
    edits.push({
      path: ['secrets'],
      value: after.secrets.length > 0 ? [...after.secrets] : undefined,
    });
  }
  edits.push(...listEdits('headers', before.headers, after.headers, (value) => value));
  edits.push(...textEdit(['tls', 'ca'], before.tls.ca, after.tls.ca, caValue));
  edits.push(...textEdit(['tls', 'cert'], before.tls.cert, after.tls.cert));
  edits.push(...textEdit(['tls', 'key'], before.tls.key, after.tls.key));
  if (before.tls.insecure !== after.tls.insecure) {
    // false is the default: the key goes, so a tls section with nothing else left goes too.
    edits.push({ path: ['tls', 'insecure'], value: after.tls.insecure ? true : undefined });
  }
  edits.push(...textEdit(['proxy'], before.proxy, after.proxy));
  for (const name of LIMIT_NAMES) {
    if (before.limits[name] !== after.limits[name]) {
      edits.push({ path: ['limits', name], value: after.limits[name] });
    }
  }
  const sections = [...new Set(edits.map((edit) => edit.path[0] as string))];
  return { edits, sections };
}
