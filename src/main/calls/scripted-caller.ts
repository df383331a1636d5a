/**
 * The caller of a scripted call (`run --dtmf`, each `test` case): presses the script's keys one
 * at a time, each when the flow waits for input; a silence lets that wait time out; with no steps
 * left, hangs up.
 */
import type { Call, KeyWait } from '../engine/call-engine.ts';
import type { DtmfStep } from './dtmf-script.ts';
import { SILENCE } from './dtmf-script.ts';

/** Answers the call's waits from the script. Returns the hook to pass as `onWaitingForKey`. */
export function scriptedCaller(
  steps: readonly DtmfStep[],
  getCall: () => Call,
): (wait: KeyWait) => void {
  let next = 0;
  return () => {
    const step = steps[next++];
    const call = getCall();
    if (step === undefined) call.hangUp();
    else if (step !== SILENCE) call.pressKey(step);
  };
}
