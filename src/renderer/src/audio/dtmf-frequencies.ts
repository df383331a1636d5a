/**
 * The DTMF keypad of ITU-T Q.23: four row (low group) and four column (high group) frequencies;
 * each key sounds its row and its column together.
 */

/** Low-group (row) frequencies in Hz, top row first. */
export const DTMF_LOW_HZ = [697, 770, 852, 941] as const;

/** High-group (column) frequencies in Hz, left column first. */
export const DTMF_HIGH_HZ = [1209, 1336, 1477, 1633] as const;

/** The 4x4 keypad, row by row; the fourth column (A-D) is rarely on phones but is standard. */
const KEYPAD = [
  ['1', '2', '3', 'A'],
  ['4', '5', '6', 'B'],
  ['7', '8', '9', 'C'],
  ['*', '0', '#', 'D'],
] as const;

/** A key of the DTMF keypad. */
export type DtmfKey = (typeof KEYPAD)[number][number];

/** All 16 keys, in keypad order (row by row). */
export const DTMF_KEYS: readonly DtmfKey[] = KEYPAD.flat();

/** The row and column frequency of one key. */
export interface DtmfPair {
  lowHz: number;
  highHz: number;
}

const PAIRS: ReadonlyMap<DtmfKey, DtmfPair> = new Map(
  KEYPAD.flatMap((row, r) =>
    row.map((key, c): [DtmfKey, DtmfPair] => [
      key,
      { lowHz: DTMF_LOW_HZ[r] ?? 0, highHz: DTMF_HIGH_HZ[c] ?? 0 },
    ]),
  ),
);

/**
 * Tells whether a string is a DTMF key. Case-sensitive: `A`-`D` only in capitals, so keyboard
 * handlers decide themselves whether a lowercase `a` means a key.
 */
export function isDtmfKey(value: string): value is DtmfKey {
  return PAIRS.has(value as DtmfKey);
}

/**
 * The row and column frequency of a key.
 *
 * @throws RangeError for anything that is not one of the 16 keys
 */
export function dtmfPair(key: DtmfKey): DtmfPair {
  const pair = PAIRS.get(key);
  if (!pair) throw new RangeError(`not a DTMF key: ${JSON.stringify(key)}`);
  return pair;
}
