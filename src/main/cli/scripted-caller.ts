/**
 * The caller of `run --dtmf`: presses the scripted keys one at a time, each when the flow waits
 * for input; `~` stays silent so that wait times out; with no keys left, hangs up.
 */
import type { Call, KeyWait } from '../engine/call-engine.ts';
import { UsageError } from './cli-io.ts';

/** One step of a caller script: a key, or `~` (silence). */
export type CallerStep = string;

/**
 * Reads a caller script. Characters `0-9 * #` are keys, `~` is silence; spaces are ignored so
 * long scripts can be grouped (`12345# 1111`). Anything else is a problem naming it, worded for
 * any place a script is written (`--dtmf`, a test file's `dtmf:`).
 */
export function readDtmfScript(script: string): { steps: CallerStep[] } | { problem: string } {
  const steps: CallerStep[] = [];
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

/** Parses a `--dtmf` script (see {@link readDtmfScript}); a bad one is a usage error. */
export function parseDtmfScript(script: string): CallerStep[] {
  const read = readDtmfScript(script);
  if ('problem' in read) throw new UsageError(`--dtmf: ${read.problem}`);
  return read.steps;
}

/** Answers the call's waits from the script. Returns the hook to pass as `onWaitingForKey`. */
export function scriptedCaller(
  steps: readonly CallerStep[],
  getCall: () => Call,
): (wait: KeyWait) => void {
  let next = 0;
  return () => {
    const step = steps[next++];
    const call = getCall();
    if (step === undefined) call.hangUp();
    else if (step !== '~') call.pressKey(step);
  };
}
