/**
 * Migration 2 (shipped): search also matches the final variables' values. Sessions logged before
 * it get theirs added here, so an older call is found the same way as a new one.
 * Frozen: never edit it; change the schema or the search text with a new migration.
 */
import type { Migration } from './migration.ts';

// A frozen copy of session-sql.ts's variablesSearchText (and its two constants) as it was when
// this migration shipped. A migration must keep doing what it did then, even when the live
// function changes: a database migrated next year must end up as one migrated the day it shipped.
const SEARCH_FIELD_SEPARATOR = '\u001f';
const MAX_VARIABLES_SEARCH_TEXT = 8192;

function variablesSearchText(variables: unknown): string {
  const values: string[] = [];
  let length = 0;
  const visit = (value: unknown): void => {
    if (length >= MAX_VARIABLES_SEARCH_TEXT) return;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      const text = String(value);
      if (text === '') return;
      values.push(text);
      length += text.length + 1;
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) visit(item);
    }
  };
  visit(variables);
  if (values.length === 0) return '';
  const text = SEARCH_FIELD_SEPARATOR + values.join(SEARCH_FIELD_SEPARATOR);
  return text.slice(0, MAX_VARIABLES_SEARCH_TEXT).toLowerCase();
}

export const searchFinalVariables: Migration = {
  version: 2,
  up: (db) => {
    const update = db.prepare(
      'UPDATE sessions SET search_text = search_text || @text WHERE rowid = @rowid',
    );
    // In batches by rowid: better-sqlite3 cannot write while a statement iterates, and a
    // 100,000-session log should not be read into memory at once.
    const batch = db.prepare(
      `SELECT rowid, variables_json FROM sessions
         WHERE rowid > ? AND variables_json IS NOT NULL ORDER BY rowid LIMIT 500`,
    );
    let last = 0;
    for (;;) {
      const rows = batch.all(last) as { rowid: number; variables_json: string }[];
      if (rows.length === 0) break;
      for (const row of rows) {
        last = row.rowid;
        let variables: unknown;
        try {
          variables = JSON.parse(row.variables_json);
        } catch {
          continue; // An unreadable value is reported when the session is opened, not here.
        }
        const text = variablesSearchText(variables);
        if (text !== '') update.run({ text, rowid: row.rowid });
      }
    }
  },
};
