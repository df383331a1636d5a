/**
 * The rows of a map field (`headers`, `assign`, `match`, menu `options`) and the object they make,
 * pure: rows keep their order (the file's key order), rows not filled in yet stay out of the file,
 * and a key given twice is refused rather than silently dropped.
 */

/** One row: `id` is React's key, stable while the row is edited. */
export interface MapRow {
  id: number;
  name: string;
  value: string;
}

let lastId = 0;

/** A new row id (unique in the page). */
export function newRowId(): number {
  lastId += 1;
  return lastId;
}

/** The rows of a raw map value: its entries in order (non-string values as JSON); none for a non-object. */
export function rowsOf(value: unknown): MapRow[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).map(([name, entry]) => ({
    id: newRowId(),
    name,
    value: typeof entry === 'string' ? entry : JSON.stringify(entry),
  }));
}

/**
 * The object the rows make: rows without a name, or without a value when `needsValue` (a menu
 * option with no node yet), are left out until filled in. An error names a key given twice.
 */
export function objectOf(
  rows: readonly MapRow[],
  needsValue: boolean,
): { object: Record<string, string> } | { error: string } {
  const object: Record<string, string> = {};
  for (const row of rows) {
    if (row.name === '' || (needsValue && row.value === '')) continue;
    if (Object.hasOwn(object, row.name))
      return { error: `"${row.name}" is given twice: rename one.` };
    object[row.name] = row.value;
  }
  return { object };
}

/** The DTMF keys a menu option may use, in keypad order. */
export const MENU_KEYS: readonly string[] = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '0',
  '*',
  '#',
];

/** The first key no row uses yet, or '' when all twelve are taken. */
export function freeMenuKey(rows: readonly MapRow[]): string {
  return MENU_KEYS.find((key) => !rows.some((row) => row.name === key)) ?? '';
}
