/**
 * The caller of `run --dtmf`: presses the scripted keys one at a time, each when the flow waits
 * for input; `~` stays silent so that wait times out; with no keys left, hangs up.
 */
import type { Call, KeyWait } from '../engine/call-engine.ts';
import { UsageError } from './cli-io.ts';

/** One step of a caller script: a key, or `~` (silence). */
export type CallerStep = string;

/**
 * Parses a `--dtmf` script. Characters `0-9 * #` are keys, `~` is silence; spaces are ignored
 * so long scripts can be grouped (`12345# 1111`). Anything else is a usage error naming it.
 */
export function parseDtmfScript(script: string): CallerStep[] {
  const steps: CallerStep[] = [];
  [...script].forEach((char, index) => {
    if (/\s/.test(char)) return;
    if (!/^[0-9*#~]$/.test(char)) {
      throw new UsageError(
        `--dtmf: "${char}" at position ${index + 1} is not a key (use 0-9, *, # and ~ for silence)`,
      );
    }
    steps.push(char);
  });
  return steps;
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
