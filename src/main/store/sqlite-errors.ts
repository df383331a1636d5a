/**
 * Recognising SQLite failures by their extended result code (better-sqlite3 puts it in `code`).
 */

/** The SQLite result code of `error` (e.g. `SQLITE_CONSTRAINT_PRIMARYKEY`), if it has one. */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
