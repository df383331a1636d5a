/**
 * Replay as pure functions: a logged session's events folded up to a position give the view the
 * console shows at that moment (the same reducer a live call uses, so a replay looks exactly like
 * the call did), and the recorded gaps between events, scaled by the speed, give the pace.
 * No DOM, no React: unit-tested under plain Node (tests/renderer/state/replay-state.test.ts).
 */
import type { CallEvent } from '../../../shared/call-events.ts';
import type { CallView } from './call-view.ts';
import { callReducer, INITIAL_CALL_VIEW } from './call-state.ts';

/** The speeds offered, slowest first. */
export const REPLAY_SPEEDS: readonly number[] = [0.5, 1, 1.5, 2, 3, 4];

/**
 * The longest pause replay keeps between two events, in recorded ms: a caller who sat silent for
 * a minute need not make the audience wait a minute (the timeline keeps the recorded times).
 */
export const MAX_REPLAY_GAP_MS = 5000;

/**
 * The view after the first `position` events of a session (0: nothing happened yet). The call's
 * clock is the recorded one: `startedAtMs` is 0 and event `t` is the time since the start.
 */
export function replayView(sessionId: string, events: readonly CallEvent[], position: number) {
  let view: CallView = callReducer(INITIAL_CALL_VIEW, { type: 'start_requested' });
  view = callReducer(view, { type: 'start_succeeded', callId: sessionId, sessionId, now: 0 });
  const end = Math.max(0, Math.min(position, events.length));
  for (let i = 0; i < end; i++) {
    view = callReducer(view, {
      type: 'event',
      callId: sessionId,
      event: events[i] as CallEvent,
      now: (events[i] as CallEvent).t,
    });
  }
  return view;
}

/** The recorded time (ms since the call started) at `position`: that of the last event applied. */
export function replayClock(events: readonly CallEvent[], position: number): number {
  if (position <= 0) return 0;
  return events[Math.min(position, events.length) - 1]?.t ?? 0;
}

/**
 * How long to wait, in page ms, before applying the event at `position` when playing at `speed`:
 * the recorded gap since the previous event, capped at {@link MAX_REPLAY_GAP_MS}, divided by the
 * speed. Null at the end.
 */
export function replayDelay(
  events: readonly CallEvent[],
  position: number,
  speed: number,
): number | null {
  const next = events[position];
  if (!next) return null;
  const gap = next.t - replayClock(events, position);
  return Math.max(0, Math.min(gap, MAX_REPLAY_GAP_MS)) / speed;
}

/** Steps a position by one, within [0, length]. */
export function stepPosition(position: number, delta: 1 | -1, length: number): number {
  return Math.max(0, Math.min(length, position + delta));
}
