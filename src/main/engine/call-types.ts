/**
 * The engine's public contract: what a call is given (dependencies, options) and what it gives
 * back (events to a sink, the result). `call-engine.ts` re-exports all of it, so consumers keep
 * importing from there; the node handlers and the runtime import it from here without a cycle.
 */
import type { CallEvent, CallOutcome, EndedBy } from '../../shared/call-events.ts';
import type { HttpNode } from '../../shared/flow/flow-schema.ts';
import type { VarMap } from '../../shared/variables.ts';
import type { WebhookExchange } from '../../shared/webhook-types.ts';
import type { Clock } from './clock.ts';
import type { Speaker } from './speaker.ts';

/**
 * The length in ms of each recorded prompt of a flow, by its `audio` path as the flow writes it:
 * read from the files when the flow is loaded (`flows/flow-recordings.ts`), then carried with the
 * flow to every call placed from it.
 */
export type RecordingLengths = ReadonlyMap<string, number>;

/** The webhook capability the engine needs (the webhook client provides it). */
export interface WebhookExecutor {
  execute(input: {
    nodeId: string;
    node: HttpNode;
    variables: VarMap;
    secrets?: Readonly<Record<string, string>>;
    onHangup?: boolean;
  }): Promise<{ exchange: WebhookExchange; missing: string[] }>;
}

/** Receives every event as it happens (the session log). Must not throw; if it does, the call goes on. */
export interface EventSink {
  record(event: CallEvent): void;
}

/** What the engine is given. */
export interface CallDependencies {
  clock: Clock;
  speaker: Speaker;
  webhooks: WebhookExecutor;
  sink?: EventSink;
  /**
   * A recording plays for its length on the clock; one not listed is not played, and its caption
   * is spoken instead.
   */
  recordings?: RecordingLengths;
}

/** Where the engine is waiting for a key, told to a scripted caller (the CLI's `--dtmf`). */
export interface KeyWait {
  node: string;
  mode: 'digits' | 'menu';
  /** Digits collected so far in this attempt. */
  collected: string;
  attempt: number;
}

/** How to place the call. */
export interface CallOptions {
  source: string;
  destination: string;
  customer?: string;
  projectid?: string;
  /** The call's id (system variable `uuid`); a fresh v4 UUID when absent. */
  uuid?: string;
  /** User variables preset before the flow's own (`--var`): they win over the flow's `variables`. */
  variables?: VarMap;
  /**
   * Values for `${secret.name}`, rendered only into an `http` node's request; every occurrence of
   * one in an event or the result (an echo from the CRM included) is `[redacted]`.
   */
  secrets?: Readonly<Record<string, string>>;
  /** Safety net against loops that never wait for the caller. */
  maxSteps?: number;
  /** Called each time the engine starts waiting for a key with none buffered. */
  onWaitingForKey?: (wait: KeyWait) => void;
}

/** What a finished call returns. */
export interface CallResult {
  uuid: string;
  flowId: string;
  outcome: CallOutcome;
  endedBy: EndedBy;
  transferTarget: string | null;
  error: { node: string | null; code: string; message: string } | null;
  path: string[];
  variables: VarMap;
  spoken: string[];
  webhooks: WebhookExchange[];
  /** Step warnings, e.g. undefined variable references (`/nodes/auth/url: …`). */
  warnings: string[];
  durationMs: number;
}

/** DTMF keys a caller can press (the 16 of ITU-T Q.23). */
export const DTMF_KEYS = /^[0-9*#A-D]$/;
