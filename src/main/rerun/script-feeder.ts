/**
 * Plays a caller script into a running call the way `run --dtmf` does: one step each time the
 * flow waits for a key, so a changed flow still gets the caller's keys in order. Steps the caller
 * took while nothing waited (typed ahead, barged in, hung up mid-prompt) are anchored to an engine
 * event and happen right after the re-run emits it, so prompts are cut short and skipped exactly
 * as they were; if a wait comes first they happen there instead.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { Call, KeyWait } from '../engine/call-engine.ts';
import type { Anchor, RerunCallerStep } from './caller-script.ts';
import { anchorKey, isAnchorEvent } from './caller-script.ts';

/** The two hooks a call needs, and what is left of the script. */
export interface ScriptFeeder {
  /** Pass as the call's `onWaitingForKey`. */
  onWaitingForKey(wait: KeyWait): void;
  /** Subscribe to the call's events with this (before `start()`). */
  onEvent(event: CallEvent): void;
  /** Steps the re-run never used. */
  readonly unused: number;
}

/**
 * Creates the feeder for `steps`. `getCall` is read lazily because the call is created with the
 * feeder's hook already in its options. When the flow waits and no step is left, the caller hangs
 * up (as with `--dtmf`).
 */
export function createScriptFeeder(
  steps: readonly RerunCallerStep[],
  getCall: () => Call,
): ScriptFeeder {
  let next = 0;
  const counts = new Map<string, number>();

  const perform = (step: RerunCallerStep): void => {
    const call = getCall();
    if (step.kind === 'key') call.pressKey(step.key);
    else if (step.kind === 'hangup') call.hangUp();
    // A silence does nothing: the pending wait times out.
  };

  const reached = (anchor: Anchor, event: CallEvent, occurrence: number): boolean =>
    anchor.type === event.type &&
    anchor.node === ('node' in event ? event.node : null) &&
    anchor.occurrence === occurrence;

  return {
    onWaitingForKey() {
      const step = steps[next++];
      if (step === undefined) getCall().hangUp();
      else perform(step);
    },
    onEvent(event) {
      if (!isAnchorEvent(event)) return;
      const key = anchorKey(event.type, 'node' in event ? event.node : null);
      const occurrence = (counts.get(key) ?? 0) + 1;
      counts.set(key, occurrence);
      // Several keys typed ahead at the same moment share one anchor: all of them go now, in order.
      for (;;) {
        const step = steps[next];
        if (!step?.anchor || !reached(step.anchor, event, occurrence)) return;
        next++;
        perform(step);
      }
    },
    get unused() {
      return Math.max(0, steps.length - next);
    },
  };
}
