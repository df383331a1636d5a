/**
 * How a call ends, as the node handlers and the interpreter loop report it: a handler returns the
 * next node's id or an {@link Ending}; the loop stops at the first ending.
 */
import type { CallOutcome, EndedBy } from '../../shared/call-events.ts';
import type { CallResult } from './call-types.ts';

/** Where the flow ends. */
export interface Ending {
  outcome: CallOutcome;
  endedBy: EndedBy;
  transferTarget: string | null;
  error: CallResult['error'];
}

/** What running one node gives: the next node's id, or how the call ends. */
export type StepResult = string | Ending;

/** Thrown inside the run loop when the caller has hung up: unwinds to the end-of-call handling. */
export class CallerHungUp extends Error {
  constructor() {
    super('caller hung up');
  }
}

/** The flow ends the call with an error at `node` (a failed webhook, a loop, a missing node). */
export function errorEnding(node: string, code: string, message: string): Ending {
  return {
    outcome: 'error',
    endedBy: 'flow',
    transferTarget: null,
    error: { node, code, message },
  };
}

/** The flow hangs up (a `hangup` node, or an input node out of attempts with no `onFail`). */
export function flowHangupEnding(): Ending {
  return { outcome: 'hangup', endedBy: 'flow', transferTarget: null, error: null };
}
