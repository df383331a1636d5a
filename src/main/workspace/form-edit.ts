/**
 * One edit of a single key, in a file of its own: the form's differ (form-edits.ts) makes them
 * and the writers (edit-plain-data.ts, splice-yaml-edit.ts) apply them, and the differ uses the
 * writers' helpers, so the type shared by both sides cannot live in either without a cycle.
 */

/** Set `path` to `value`, or delete it when `value` is undefined. */
export interface FormEdit {
  path: string[];
  value: unknown;
}
