/**
 * Aligning two sequences (paths, prompts, webhook exchanges) by their longest common subsequence,
 * so one inserted node shows as one difference rather than every later step shifted by one.
 */

/** A run of differing items: `[originalStart, originalEnd)` became `[rerunStart, rerunEnd)`. */
export interface Hunk {
  originalStart: number;
  originalEnd: number;
  rerunStart: number;
  rerunEnd: number;
}

/** Items aligned with each other (equal by the key used, possibly different in detail). */
export interface Match {
  original: number;
  rerun: number;
}

/** Matched items and the hunks between them, both in order. */
export interface SequenceDiff {
  matches: Match[];
  hunks: Hunk[];
}

/** Above this many cells the middle is reported as one hunk rather than aligned (memory bound). */
const MAX_CELLS = 4_000_000;

/** Diffs `a` against `b`, items compared with `equal`. */
export function diffSequences<T>(
  a: readonly T[],
  b: readonly T[],
  equal: (x: T, y: T) => boolean,
): SequenceDiff {
  const matches: Match[] = [];
  let start = 0;
  while (start < a.length && start < b.length && equal(a[start] as T, b[start] as T)) {
    matches.push({ original: start, rerun: start });
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  const tail: Match[] = [];
  while (endA > start && endB > start && equal(a[endA - 1] as T, b[endB - 1] as T)) {
    endA--;
    endB--;
    tail.unshift({ original: endA, rerun: endB });
  }
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= MAX_CELLS) {
    // lcs[i][j] = LCS length of a[start+i..endA) and b[start+j..endB), flattened.
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] = equal(a[start + i] as T, b[start + j] as T)
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (equal(a[start + i] as T, b[start + j] as T)) {
        matches.push({ original: start + i, rerun: start + j });
        i++;
        j++;
      } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) i++;
      else j++;
    }
  }
  matches.push(...tail);
  return { matches, hunks: hunksBetween(matches, a.length, b.length) };
}

/** The gaps between consecutive matches (and before the first / after the last). */
function hunksBetween(matches: readonly Match[], lengthA: number, lengthB: number): Hunk[] {
  const hunks: Hunk[] = [];
  let previousA = 0;
  let previousB = 0;
  for (const match of [...matches, { original: lengthA, rerun: lengthB }]) {
    if (match.original > previousA || match.rerun > previousB) {
      hunks.push({
        originalStart: previousA,
        originalEnd: match.original,
        rerunStart: previousB,
        rerunEnd: match.rerun,
      });
    }
    previousA = match.original + 1;
    previousB = match.rerun + 1;
  }
  return hunks;
}
