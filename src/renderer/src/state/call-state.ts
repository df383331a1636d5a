/**
 * The call as the console shows it: a pure reducer that folds the engine's CallEvents (plus the
 * UI's own start/failure actions) into one view state (call-view.ts). No DOM, no React, no API:
 * unit-tested under plain Node (tests/renderer/state/call-state.test.ts).
 */
import type { CallEvent } from '../../../shared/call-events.ts';
import type { VarMap } from '../../../shared/variables.ts';
import type { CallView, ChangedValue } from './call-view.ts';

/** What can happen to the view. `now` is the page clock in ms, passed in to keep this pure. */
export type CallAction =
  | { type: 'start_requested' }
  | { type: 'start_succeeded'; callId: string; sessionId: string | null; now: number }
  | { type: 'start_failed'; message: string }
  | { type: 'event'; callId: string; event: CallEvent; now: number }
  | { type: 'speech'; callId: string; state: 'speaking' | 'done' }
  /** Every event of the call so far (`call.snapshot`), to catch up after missed events. */
  | { type: 'snapshot'; callId: string; events: CallEvent[]; now: number };

/** The view before any call. */
export const INITIAL_CALL_VIEW: Readonly<CallView> = {
  phase: 'idle',
  callId: null,
  sessionId: null,
  flowName: null,
  source: null,
  destination: null,
  startedAtMs: null,
  digits: '',
  caption: null,
  speaking: false,
  awaiting: null,
  currentNode: null,
  path: [],
  step: 0,
  variables: {},
  lastChanges: null,
  exchanges: [],
  events: [],
  nextSeq: 0,
  missedEvents: false,
  early: [],
  end: null,
  startError: null,
};

/** Bounds that keep a runaway flow (a loop) from growing the page's memory without end. */
const MAX_EVENTS = 5000;
const MAX_EARLY = 500;

/** Folds one action into the view. */
export function callReducer(view: CallView, action: CallAction): CallView {
  switch (action.type) {
    case 'start_requested':
      // A new call starts from a clean slate; the previous call's view is gone.
      return { ...INITIAL_CALL_VIEW, phase: 'connecting' };
    case 'start_failed':
      return { ...INITIAL_CALL_VIEW, startError: action.message };
    case 'start_succeeded': {
      if (view.phase !== 'connecting') return view;
      let next: CallView = {
        ...view,
        phase: 'active',
        callId: action.callId,
        sessionId: action.sessionId,
        early: [],
      };
      // Events can overtake the answer to `call.start` (they travel on another connection).
      const early = view.early
        .filter((e) => e.callId === action.callId)
        .sort((a, b) => a.event.seq - b.event.seq);
      for (const { event } of early) next = applyEvent(next, event, action.now);
      return next;
    }
    case 'event':
      if (view.phase === 'connecting' && view.callId === null) {
        if (view.early.length >= MAX_EARLY) return view;
        return { ...view, early: [...view.early, { callId: action.callId, event: action.event }] };
      }
      if (action.callId !== view.callId) return view;
      return applyEvent(view, action.event, action.now);
    case 'speech':
      if (action.callId !== view.callId) return view;
      return { ...view, speaking: action.state === 'speaking' };
    case 'snapshot': {
      if (action.callId !== view.callId) return view;
      // Rebuilt from the call's own record; the timer keeps the start it already knew.
      let next: CallView = {
        ...INITIAL_CALL_VIEW,
        phase: 'active',
        callId: view.callId,
        sessionId: view.sessionId,
      };
      for (const event of action.events) next = applyEvent(next, event, action.now);
      return {
        ...next,
        startedAtMs: view.startedAtMs ?? next.startedAtMs,
        speaking: view.speaking,
      };
    }
  }
}

/** Applies one event of the current call (dropping duplicates). */
function applyEvent(view: CallView, event: CallEvent, now: number): CallView {
  if (event.seq < view.nextSeq) return view;
  const events = view.events.length < MAX_EVENTS ? [...view.events, event] : view.events;
  const missedEvents = view.missedEvents || event.seq > view.nextSeq;
  const base: CallView = { ...view, events, nextSeq: event.seq + 1, missedEvents };
  switch (event.type) {
    case 'call_started':
      return {
        ...base,
        flowName: event.flowName,
        source: event.source,
        destination: event.destination,
        variables: event.variables,
        startedAtMs: now - event.t,
      };
    case 'node_entered':
      return {
        ...base,
        currentNode: event.node,
        path: [...base.path, event.node],
        step: base.step + 1,
        awaiting: null,
      };
    case 'prompt_started':
      return {
        ...base,
        caption: {
          node: event.node,
          text: event.text,
          purpose: event.purpose,
          status: 'speaking',
          seq: event.seq,
          ...(event.audio === undefined ? {} : { audio: event.audio }),
        },
      };
    case 'prompt_ended':
      if (base.caption?.status !== 'speaking') return base;
      return {
        ...base,
        caption: { ...base.caption, status: event.interrupted ? 'interrupted' : 'done' },
      };
    case 'awaiting_input':
      return {
        ...base,
        awaiting: {
          node: event.node,
          mode: event.mode,
          attempt: event.attempt,
          timeoutMs: event.timeoutMs,
        },
      };
    case 'key':
      return { ...base, digits: base.digits + event.key };
    case 'input_received':
    case 'input_failed':
      return { ...base, awaiting: null };
    case 'variables_changed':
      return applyChanges(base, event);
    case 'webhook':
      return {
        ...base,
        exchanges: [...base.exchanges, { seq: event.seq, t: event.t, exchange: event.exchange }],
      };
    case 'call_ended':
      return {
        ...base,
        phase: 'ended',
        awaiting: null,
        speaking: false,
        variables: event.variables,
        caption:
          base.caption?.status === 'speaking' ? { ...base.caption, status: 'done' } : base.caption,
        end: {
          outcome: event.outcome,
          endedBy: event.endedBy,
          transferTarget: event.transferTarget,
          error: event.error,
          durationMs: event.durationMs,
        },
      };
    default:
      // branch, data_query, warning, transfer, hangup, webhook_registered: timeline only.
      return base;
  }
}

function applyChanges(view: CallView, event: Extract<CallEvent, { type: 'variables_changed' }>) {
  const variables: VarMap = { ...view.variables };
  // Changes made in the same step add up (a webhook reply and a setVariable after it); a new
  // step's first change replaces the highlight, so it always shows what the last step did.
  const sameStep = view.lastChanges?.step === view.step;
  const changes: Record<string, ChangedValue> = sameStep ? { ...view.lastChanges?.changes } : {};
  for (const change of event.changes) {
    variables[change.name] = change.to;
    const earlier = changes[change.name];
    const from = earlier ? earlier.from : change.from;
    changes[change.name] =
      from === undefined
        ? { to: change.to, source: event.source }
        : { from, to: change.to, source: event.source };
  }
  return {
    ...view,
    variables,
    lastChanges: { step: view.step, node: event.node, changes },
  };
}
