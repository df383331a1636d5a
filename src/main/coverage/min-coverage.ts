/**
 * `--min-coverage N`: the share of exits, in percent, every flow of the run must reach. A number
 * from 0 to 100 (decimals allowed); anything else is refused by name.
 */

/** The percent `text` says, or an error message naming what is wrong with it. */
export function parseMinCoverage(text: string): { percent: number } | { error: string } {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) {
    return { error: `--min-coverage ${text}: not a number; give a percent from 0 to 100` };
  }
  const percent = Number(trimmed);
  if (percent > 100) {
    return { error: `--min-coverage ${text}: above 100; give a percent from 0 to 100` };
  }
  return { percent };
}
