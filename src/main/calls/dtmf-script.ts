/**
 * The DTMF script notation (`run --dtmf`, a test file's `dtmf:`): one character per step, keys
 * `0-9 * #` pressed one per wait, `~` silent so that wait times out. Reading and writing it live
 * together so the notation has one definition.
 */

/** One step of a DTMF script: a key (`0-9 * #`), or {@link SILENCE}. */
export type DtmfStep = string;

/** The step that presses nothing, so the wait it answers times out. */
export const SILENCE: DtmfStep = '~';

/**
 * Reads a DTMF script. Characters `0-9 * #` are keys, `~` is silence; spaces are ignored so
 * long scripts can be grouped (`12345# 1111`). Anything else is a problem naming it, worded for
 * any place a script is written (`--dtmf`, a test file's `dtmf:`).
 */
export function readDtmfScript(script: string): { steps: DtmfStep[] } | { problem: string } {
  const steps: DtmfStep[] = [];
  let index = 0;
  for (const char of script) {
    index++;
    if (/\s/.test(char)) continue;
    if (!/^[0-9*#~]$/.test(char)) {
      return {
        problem: `"${char}" at position ${index} is not a key (use 0-9, *, # and ~ for silence)`,
      };
    }
    steps.push(char);
  }
  return { steps };
}

/** Writes steps in the notation {@link readDtmfScript} reads (ungrouped). */
export function writeDtmfScript(steps: readonly DtmfStep[]): string {
  return steps.join('');
}
