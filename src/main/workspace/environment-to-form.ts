/**
 * An environment file's text as the Environments screen edits it ({@link EnvironmentForm}).
 * Whatever the form cannot show (a list as a variable value, a field of the wrong type) is left
 * out of it, and so is never touched when the form is saved back.
 */
import { isMap, parseDocument } from 'yaml';
import type { EnvironmentForm } from '../../shared/contract.ts';
import { LIMIT_NAMES, MAX_ALIAS_COUNT } from './environment-fields.ts';
import { isRecord } from './edit-plain-data.ts';

/** A form with nothing in it. */
export function emptyEnvironmentForm(): EnvironmentForm {
  return {
    name: '',
    variables: [],
    secrets: [],
    headers: [],
    tls: { ca: '', cert: '', key: '', insecure: false },
    proxy: '',
    limits: {},
  };
}

/** The file's data as plain values, or null when it is not a valid mapping. Never throws. */
export function readEnvironmentData(text: string): Record<string, unknown> | null {
  try {
    const doc = parseDocument(text.replace(/^\uFEFF/, ''), {
      uniqueKeys: false,
      prettyErrors: false,
    });
    if (doc.errors.length > 0) return null;
    if (doc.contents === null) return {}; // Only comments, or nothing: a file yet to be filled.
    if (!isMap(doc.contents)) return null;
    // maxAliasCount: the yaml library's guard against an alias bomb expanding exponentially.
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return isRecord(data) ? data : null;
  } catch {
    return null;
  }
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * The form for an environment file's text (YAML or JSON). A nested variable value becomes its
 * JSON text; several CA files become one path per line. Text that does not parse gives an empty
 * form (the screen then shows the text).
 */
export function environmentToForm(source: string): EnvironmentForm {
  const form = emptyEnvironmentForm();
  const data = readEnvironmentData(source);
  if (data === null) return form;
  form.name = text(data['name']) ?? '';
  const variables = data['variables'];
  if (isRecord(variables)) {
    for (const [name, value] of Object.entries(variables)) {
      if (typeof value === 'string' || typeof value === 'boolean')
        form.variables.push({ name, value });
      else if (typeof value === 'number' && Number.isFinite(value))
        form.variables.push({ name, value });
      else if (isRecord(value)) form.variables.push({ name, value: JSON.stringify(value) });
    }
  }
  const secrets = data['secrets'];
  if (typeof secrets === 'string') form.secrets = [secrets];
  else if (Array.isArray(secrets)) form.secrets = secrets.filter((s) => typeof s === 'string');
  const headers = data['headers'];
  if (isRecord(headers)) {
    for (const [name, value] of Object.entries(headers)) {
      const shown = text(value);
      if (shown !== null) form.headers.push({ name, value: shown });
    }
  }
  const tls = data['tls'];
  if (isRecord(tls)) {
    const ca = tls['ca'];
    if (typeof ca === 'string') form.tls.ca = ca;
    else if (Array.isArray(ca)) form.tls.ca = ca.filter((p) => typeof p === 'string').join('\n');
    form.tls.cert = typeof tls['cert'] === 'string' ? tls['cert'] : '';
    form.tls.key = typeof tls['key'] === 'string' ? tls['key'] : '';
    form.tls.insecure = tls['insecure'] === true;
  }
  form.proxy = typeof data['proxy'] === 'string' ? data['proxy'] : '';
  const limits = data['limits'];
  if (isRecord(limits)) {
    for (const name of LIMIT_NAMES) {
      const value = limits[name];
      if (typeof value === 'number') form.limits[name] = value;
    }
  }
  return form;
}
