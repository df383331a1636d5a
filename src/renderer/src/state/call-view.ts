/**
 * The call as the console shows it: the view state the call reducer (call-state.ts) folds the
 * engine's events into, and every part of it the panels read.
 */
import type {
  CallEvent,
  CallOutcome,
  ChangeSource,
  EndedBy,
  PromptPurpose,
} from '../../../shared/call-events.ts';
import type { VarMap, VarValue } from '../../../shared/variables.ts';
import type { WebhookExchange } from '../../../shared/webhook-types.ts';

/** Where the call is. */
export type CallPhase = 'idle' | 'connecting' | 'active' | 'ended';

/** The prompt being (or last) spoken: the caption. */
export interface Caption {
  node: string;
  text: string;
  purpose: PromptPurpose;
  /** `interrupted`: a key press (barge-in) or hang-up cut it short. */
  status: 'speaking' | 'done' | 'interrupted';
  /** The `prompt_started` event's number: the same prompt keeps it when the view is rebuilt. */
  seq: number;
  /** The recording played instead of speech (its path as the flow writes it). */
  audio?: string;
}

/** What the flow is waiting for. */
export interface AwaitingInput {
  node: string;
  mode: 'digits' | 'menu';
  attempt: number;
  timeoutMs: number;
}

/** One webhook exchange with where it sits in the call. */
export interface ExchangeEntry {
  seq: number;
  t: number;
  exchange: WebhookExchange;
}

/** One variable's change within a step; `from` absent when the variable is new. */
export interface ChangedValue {
  from?: VarValue;
  to: VarValue;
  source: ChangeSource;
}

/** What the last step (node) changed, by variable name. */
export interface StepChanges {
  /** Which step (count of nodes entered) made the changes. */
  step: number;
  node: string | null;
  changes: Record<string, ChangedValue>;
}

/** How the call ended. */
export interface CallEnd {
  outcome: CallOutcome;
  endedBy: EndedBy;
  transferTarget: string | null;
  error: { node: string | null; code: string; message: string } | null;
  durationMs: number;
}

/** Everything the console shows about the current (or last) call. */
export interface CallView {
  phase: CallPhase;
  callId: string | null;
  sessionId: string | null;
  flowName: string | null;
  source: string | null;
  destination: string | null;
  /** Page clock (ms) at which the call's t=0 happened; drives the call timer. */
  startedAtMs: number | null;
  /** Keys pressed during this call, as the engine received them. */
  digits: string;
  caption: Caption | null;
  /** True while the OS speech engine is actually speaking (speech events). */
  speaking: boolean;
  awaiting: AwaitingInput | null;
  currentNode: string | null;
  /** Nodes entered, in order: the path through the flow. */
  path: string[];
  /** Count of nodes entered so far. */
  step: number;
  variables: VarMap;
  lastChanges: StepChanges | null;
  exchanges: ExchangeEntry[];
  /** Every event, in order (the timeline). */
  events: CallEvent[];
  /** The seq the next event should have; older ones are duplicates and are dropped. */
  nextSeq: number;
  /**
   * True when an event arrived after a gap in `seq` (the event stream reconnected and lost some):
   * the view is incomplete until a snapshot of the call replaces it.
   */
  missedEvents: boolean;
  /** Events that arrived while connecting, before `call.start` told us the call's id. */
  early: { callId: string; event: CallEvent }[];
  end: CallEnd | null;
  /** Why the call could not start. */
  startError: string | null;
}
