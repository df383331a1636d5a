/**
 * A form edit applied to plain data (what `JSON.parse` or the yaml library's `toJS` gives): how
 * JSON environment files are saved, and what a YAML text edit is checked against.
 */
import type { FormEdit } from './form-edit.ts';
import { setOwn } from './set-own.ts';

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Applies `edit` to `data` in place: a set creates the mappings on its way (replacing anything
 * else there), appends a new key at the end of its mapping and keeps an existing key's place; a
 * delete of something absent does nothing.
 */
export function editPlainData(data: Record<string, unknown>, edit: FormEdit): void {
  let target = data;
  const path = edit.path;
  for (let depth = 0; depth < path.length - 1; depth++) {
    const key = path[depth] as string;
    const next = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isRecord(next)) {
      target = next;
      continue;
    }
    if (edit.value === undefined) return;
    const created: Record<string, unknown> = {};
    setOwn(target, key, created);
    target = created;
  }
  const key = path[path.length - 1] as string;
  if (edit.value === undefined) Reflect.deleteProperty(target, key);
  else setOwn(target, key, edit.value);
}

/** True for a section that holds nothing: null, `{}` or `[]`. */
export function isEmptySection(value: unknown): boolean {
  return (
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (isRecord(value) && Object.keys(value).length === 0)
  );
}
