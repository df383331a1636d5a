/**
 * The caller's side of a logged call, as a script a re-run can play: every key, every silence
 * that let an input wait time out, and the hang-up. Derived from the session's events alone (the
 * flow is only consulted to settle the rare case the events cannot), so the script is the same
 * whichever version of the flow it is later fed to.
 */
import type { CallEvent, CallEventOf, CallEventType } from '../../shared/call-events.ts';
import type { Flow } from '../../shared/flow/flow-schema.ts';
import { SILENCE, writeDtmfScript } from '../calls/dtmf-script.ts';

/**
 * An engine event a step is tied to: the `occurrence`-th event of this type at this node (counted
 * over the events {@link isAnchorEvent} accepts, 1-based).
 */
export interface Anchor {
  type: CallEventType;
  node: string | null;
  occurrence: number;
}

/** What the caller does in one step. */
export type CallerAction = { kind: 'key'; key: string } | { kind: 'silence' } | { kind: 'hangup' };

/**
 * One step of the caller script a re-run plays. Unlike a `--dtmf` script's steps (a `DtmfStep`
 * only answers waits), it can be tied to an event: `anchor: null` steps happen when the flow waits
 * for a key (like `run --dtmf`). Anchored steps are what the caller did while no input was
 * waiting (typing ahead during a prompt, barging in, hanging up mid-prompt): the re-run does them
 * right after the anchor event, or at the next wait if that comes first.
 */
export type RerunCallerStep = CallerAction & {
  anchor: Anchor | null;
  /** The original event this step stands for (`seq`; for a silence, the timed-out attempt's end). */
  seq: number;
};

/** Below this gap an attempt's end cannot be told from the engine's own processing time. */
const CERTAIN_TIMEOUT_MS = 50;

/** The caller's own events are not anchors: they are what is being placed. */
export function isAnchorEvent(event: CallEvent): boolean {
  return event.type !== 'key' && !(event.type === 'hangup' && event.by === 'caller');
}

/** The identity an anchor counts occurrences under. */
export function anchorKey(type: CallEventType, node: string | null): string {
  return `${type}\u0000${node ?? ''}`;
}

function eventNode(event: CallEvent): string | null {
  return 'node' in event ? event.node : null;
}

interface Attempt {
  node: string;
  mode: 'digits' | 'menu';
}

type KeyEvent = CallEventOf<'key'>;
type AttemptEnd = CallEventOf<'input_received'> | CallEventOf<'input_failed'>;

/**
 * Decides how a digits attempt that consumed `value` ended, from the keys still pending (pressed,
 * not yet consumed) and the time since the previous event. Returns whether the next pending key was
 * consumed as its terminator, and whether a wait timed out (a silence step).
 */
function endOfDigits(
  end: AttemptEnd,
  pending: readonly KeyEvent[],
  gapMs: number,
  flow: Flow | undefined,
  attempt: Attempt,
): { terminator: boolean; timedOut: boolean } {
  const value = end.value;
  const node = flow?.nodes[attempt.node];
  const digits = node?.type === 'getDigits' ? node : undefined;
  const next = pending[0];
  if (next !== undefined && next.seq < end.seq) {
    // A key pressed before the attempt ended and not part of its value. Pressed while the attempt
    // waited, it can only have been the terminator; typed ahead, it may instead be meant for the
    // next input (the attempt stopped at maxDigits). Either way no wait timed out.
    const terminator = !next.buffered
      ? true
      : digits
        ? digits.terminator === next.key && value.length < digits.maxDigits
        : next.key === '#';
    return { terminator, timedOut: false };
  }
  if (value === '') return { terminator: false, timedOut: true };
  // No key ended it: maxDigits (the attempt ends at once, on the last key) or the inter-digit
  // timeout (nothing happens during the wait, so the gap is the timeout itself).
  if (gapMs >= CERTAIN_TIMEOUT_MS) return { terminator: false, timedOut: true };
  return {
    terminator: false,
    timedOut: digits ? value.length < digits.maxDigits : gapMs > 0,
  };
}

/**
 * Derives the caller script of a logged call from its events (in `seq` order). `flow` (the flow
 * the session ran, or the one it is replayed against) only helps tell a typed-ahead key from a
 * terminator, and maxDigits from a zero inter-digit timeout; without it common defaults are assumed.
 */
export function deriveCallerScript(events: readonly CallEvent[], flow?: Flow): RerunCallerStep[] {
  const steps: RerunCallerStep[] = [];
  const pending: KeyEvent[] = [];
  const counts = new Map<string, number>();
  let lastAnchor: Anchor | null = null;
  let attempt: Attempt | null = null;
  let previousT: number | null = null;

  const silence = (seq: number): void => {
    steps.push({ kind: 'silence', anchor: null, seq });
  };

  for (const event of events) {
    switch (event.type) {
      case 'key':
        steps.push({
          kind: 'key',
          key: event.key,
          anchor: event.buffered ? lastAnchor : null,
          seq: event.seq,
        });
        pending.push(event);
        break;
      case 'hangup':
        // Within an attempt the engine does nothing but wait, so a hang-up there was at a wait.
        if (event.by === 'caller')
          steps.push({ kind: 'hangup', anchor: attempt ? null : lastAnchor, seq: event.seq });
        break;
      case 'awaiting_input':
        attempt = { node: event.node, mode: event.mode };
        break;
      case 'input_received':
      case 'input_failed': {
        const current: Attempt = attempt ?? {
          node: event.node,
          mode: event.type === 'input_received' && event.variable === undefined ? 'menu' : 'digits',
        };
        attempt = null;
        if (current.mode === 'menu') {
          // One key, or none when the wait timed out.
          if (event.type === 'input_failed' && event.reason === 'timeout') silence(event.seq);
          else pending.shift();
          break;
        }
        pending.splice(0, event.value.length);
        const gap = previousT === null ? 0 : event.t - previousT;
        const end = endOfDigits(event, pending, gap, flow, current);
        if (end.terminator) pending.shift();
        if (end.timedOut) silence(event.seq);
        break;
      }
      default:
        break;
    }
    if (isAnchorEvent(event)) {
      const node = eventNode(event);
      const key = anchorKey(event.type, node);
      const occurrence = (counts.get(key) ?? 0) + 1;
      counts.set(key, occurrence);
      lastAnchor = { type: event.type, node, occurrence };
    }
    previousT = event.t;
  }
  return steps;
}

/**
 * The script's keys in `--dtmf` notation: keys as pressed, `~` for a silence. A hang-up has no
 * mark: a scripted caller with no keys left hangs up at the next wait anyway.
 */
export function dtmfScript(steps: readonly RerunCallerStep[]): string {
  return writeDtmfScript(
    steps.flatMap((step) =>
      step.kind === 'key' ? [step.key] : step.kind === 'silence' ? [SILENCE] : [],
    ),
  );
}

/**
 * The script in `--dtmf` notation for people: keys as pressed, `~` for a silence, then
 * `, then hangs up` when the caller hung up. Keys typed ahead are not marked.
 */
export function describeCallerScript(steps: readonly RerunCallerStep[]): string {
  const keys = dtmfScript(steps);
  const input = keys === '' ? 'no keys' : keys;
  return steps.some((step) => step.kind === 'hangup') ? `${input}, then hangs up` : input;
}
