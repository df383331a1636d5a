/**
 * Saves an edited form back into its environment file's text, changing only the keys that
 * changed. YAML is edited as text at the place of each key, so comments, key order, alignment
 * and quoting elsewhere stay byte for byte; each such edit is checked by parsing the result, and
 * where it cannot be done (aliases, unusual layouts) the yaml library's Document API makes the
 * change instead. JSON has no comments: it is rewritten with two-space indentation, key order
 * kept.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Document } from 'yaml';
import { isCollection, isMap, isScalar, parseDocument } from 'yaml';
import type { EnvironmentForm } from '../../shared/contract.ts';
import { editPlainData, isEmptySection, isRecord } from './edit-plain-data.ts';
import { MAX_ALIAS_COUNT } from './environment-fields.ts';
import { environmentToForm, readEnvironmentData } from './environment-to-form.ts';
import type { FormEdit } from './form-edit.ts';
import { formEdits } from './form-edits.ts';
import { setOwn } from './set-own.ts';
import { nest, spliceYamlEdit } from './splice-yaml-edit.ts';
import { WorkspaceError } from './workspace-error.ts';

function parse(text: string): Document {
  return parseDocument(text, { uniqueKeys: false, prettyErrors: false });
}

/** The document's data with `edit` applied, or undefined when the data cannot be computed. */
function expectedData(doc: Document, edit: FormEdit): Record<string, unknown> | undefined {
  try {
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
    if (!isRecord(data)) return undefined;
    editPlainData(data, edit);
    return data;
  } catch {
    return undefined;
  }
}

/**
 * The data with every empty mapping as null: removing the last key of a block mapping leaves
 * `key:` with nothing under it, which YAML reads as null where the plain data has `{}`.
 */
function emptyAsNull(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(emptyAsNull);
  if (!isRecord(value)) return value;
  const entries = Object.entries(value);
  if (entries.length === 0) return null;
  const out: Record<string, unknown> = {};
  for (const [key, child] of entries) setOwn(out, key, emptyAsNull(child));
  return out;
}

/** True when `text` parses cleanly to `expected` (up to empty mappings, after a removal). */
function hasData(text: string, expected: Record<string, unknown>, removal: boolean): boolean {
  try {
    const doc = parse(text);
    if (doc.errors.length > 0) return false;
    const actual: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
    if (isDeepStrictEqual(actual, expected)) return true;
    return removal && isDeepStrictEqual(emptyAsNull(actual), emptyAsNull(expected));
  } catch {
    return false;
  }
}

/** `{ b: { c: value } }` for the path `[b, c]`, as YAML nodes of `doc`. */
function nestedNode(doc: Document, path: readonly string[], value: unknown): unknown {
  const nested = nest(path, value);
  return typeof nested === 'object' && nested !== null ? doc.createNode(nested) : nested;
}

/** The edit through the Document API: always possible, but the file is re-rendered. */
function documentEdit(doc: Document, edit: FormEdit): string {
  const path = edit.path;
  try {
    if (edit.value === undefined) {
      if (doc.hasIn(path)) doc.deleteIn(path);
      return doc.toString({ lineWidth: 0 });
    }
    for (let depth = 1; depth < path.length; depth++) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (!isMap(node)) {
        doc.setIn(path.slice(0, depth), nestedNode(doc, path.slice(depth), edit.value));
        return doc.toString({ lineWidth: 0 });
      }
    }
    doc.setIn(path, nestedNode(doc, [], edit.value));
    return doc.toString({ lineWidth: 0 });
  } catch (error) {
    throw new WorkspaceError(
      `cannot write ${path.join('.')} into this file (${(error as Error).message}); edit its text instead`,
    );
  }
}

function applyYamlEdit(text: string, edit: FormEdit): string {
  const doc = parse(text);
  const expected = expectedData(doc, edit);
  const spliced = expected === undefined ? null : spliceYamlEdit(text, doc, edit);
  if (
    spliced !== null &&
    expected !== undefined &&
    hasData(spliced, expected, edit.value === undefined)
  )
    return spliced;
  return documentEdit(doc, edit);
}

/** True when a section of the YAML text is there but holds nothing. */
function yamlSectionEmpty(text: string, section: string): boolean {
  const doc = parse(text);
  if (!isMap(doc.contents) || !doc.has(section)) return false;
  const node = doc.get(section, true);
  return (isCollection(node) && node.items.length === 0) || (isScalar(node) && node.value === null);
}

/** Refuses a YAML text the form cannot be placed into. */
function checkYaml(text: string): void {
  const doc = parse(text);
  if (doc.errors.length > 0) {
    const first = doc.errors[0]?.message.split('\n')[0] ?? '';
    throw new WorkspaceError(`the file is not valid YAML (${first}); fix its text first`);
  }
  const contents: unknown = doc.contents;
  if (contents !== null && !isMap(contents)) {
    throw new WorkspaceError('the file is not a mapping of fields; fix its text first');
  }
  // What the form was read from must be what the edits are computed against.
  if (readEnvironmentData(text) === null) {
    throw new WorkspaceError('the file uses more YAML aliases than can be followed; edit its text');
  }
}

function applyYaml(text: string, edits: readonly FormEdit[], sections: readonly string[]): string {
  let current = text;
  for (const edit of edits) current = applyYamlEdit(current, edit);
  for (const section of sections) {
    if (yamlSectionEmpty(current, section)) {
      current = applyYamlEdit(current, { path: [section], value: undefined });
    }
  }
  return current;
}

/** The JSON text's object; refuses anything else. */
function readJson(text: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new WorkspaceError(
      `the file is not valid JSON (${(error as Error).message}); fix its text first`,
    );
  }
  if (!isRecord(data))
    throw new WorkspaceError('the file is not a JSON object; fix its text first');
  return data;
}

function applyJson(
  data: Record<string, unknown>,
  edits: readonly FormEdit[],
  sections: readonly string[],
): string {
  for (const edit of edits) editPlainData(data, edit);
  for (const section of sections) {
    if (Object.hasOwn(data, section) && isEmptySection(data[section])) {
      Reflect.deleteProperty(data, section);
    }
  }
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * The file's text with `form` saved into it: only keys whose value differs from what the text
 * holds are written, new keys at the end of their mapping, sections left empty removed. An
 * unchanged form gives back `text` itself.
 * @throws WorkspaceError when the text is not a valid environment mapping (the form cannot be
 *   placed into it) or a change cannot be written.
 */
export function applyFormToText(
  text: string,
  form: EnvironmentForm,
  format: 'yaml' | 'json',
): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  // Checked before the form is compared: an unreadable text would read as an empty form.
  const json = format === 'json' ? readJson(body) : null;
  if (json === null) checkYaml(body);
  const { edits, sections } = formEdits(environmentToForm(body), form);
  if (edits.length === 0) return text;
  return (
    bom + (json === null ? applyYaml(body, edits, sections) : applyJson(json, edits, sections))
  );
}
