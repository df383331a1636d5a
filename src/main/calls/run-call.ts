/**
 * Places one call with everything wired: the engine, a webhook client of its own, and (when a
 * store is given) the session log, written event by event as the call happens. The CLI and the
 * desktop app both place calls through here.
 */
import { randomUUID } from 'node:crypto';
import type { CallEvent } from '../../shared/call-events.ts';
import type { Flow } from '../../shared/flow/flow-schema.ts';
import type { WebhookLimits } from '../../shared/webhook-types.ts';
import type {
  CallOptions,
  CallResult,
  EventSink,
  RecordingLengths,
  WebhookExecutor,
} from '../engine/call-engine.ts';
import { Call } from '../engine/call-engine.ts';
import type { Clock } from '../engine/clock.ts';
import type { Speaker } from '../engine/speaker.ts';
import type { SessionRecorder, SessionStore } from '../store/session-store.ts';
import type { WebhookNetwork } from '../webhook/network-options.ts';
import { createWebhookClient } from '../webhook/webhook-client.ts';

/** What a call needs besides its flow. */
export interface RunCallInput {
  flow: Flow;
  /** Absolute path of the flow file, logged with the session. */
  flowPath: string | null;
  recordings?: RecordingLengths;
  clock: Clock;
  speaker: Speaker;
  /** Log the session here; null to not log. */
  store: SessionStore | null;
  options: Omit<CallOptions, 'uuid'>;
  /** The call's id (and session id); a fresh v4 UUID when absent. */
  uuid?: string;
  limits?: Partial<WebhookLimits>;
  /**
   * The environment's network side for this call's own webhook client: headers sent with every
   * webhook, TLS settings, proxy. Not used with {@link webhooks}.
   */
  network?: WebhookNetwork;
  /** Sees every event as it happens (after it is logged). */
  onEvent?: (event: CallEvent) => void;
  /**
   * Answers the webhooks instead of a real client of this call's own (replay's recorded
   * replies); the caller owns and closes it.
   */
  webhooks?: WebhookExecutor;
  /** Receives the call before it starts: its first events are emitted inside `runCall`. */
  onCreated?: (call: Call) => void;
}

/** A call in progress. */
export interface RunningCall {
  call: Call;
  /** The session id in the log (the call's uuid), or null when not logged. */
  sessionId: string | null;
  /** Resolves when the call has ended and everything is written and closed. */
  done: Promise<CallResult>;
}

/** Logs each event; the `call_ended` event also closes the session row with its outcome. */
export function sessionSink(recorder: SessionRecorder): EventSink {
  return {
    record(event) {
      recorder.record(event);
      if (event.type === 'call_ended') {
        recorder.finish({
          outcome: event.outcome,
          endedBy: event.endedBy,
          transferTarget: event.transferTarget,
          durationMs: event.durationMs,
          variables: event.variables,
        });
      }
    },
  };
}

/** Starts a call; see {@link RunningCall}. */
export function runCall(input: RunCallInput): RunningCall {
  const uuid = input.uuid ?? randomUUID();
  const ownClient = input.webhooks
    ? null
    : createWebhookClient({
        ...(input.limits ? { limits: input.limits } : {}),
        ...(input.network ? { network: input.network } : {}),
      });
  const webhooks: WebhookExecutor = input.webhooks ?? (ownClient as WebhookExecutor);
  const recorder =
    input.store?.begin({
      id: uuid,
      flowId: input.flow.id,
      flowName: input.flow.name,
      flowPath: input.flowPath,
      source: input.options.source,
      destination: input.options.destination,
      startedAt: input.clock.now(),
    }) ?? null;
  const call = new Call(
    input.flow,
    {
      clock: input.clock,
      speaker: input.speaker,
      webhooks,
      ...(recorder ? { sink: sessionSink(recorder) } : {}),
      ...(input.recordings ? { recordings: input.recordings } : {}),
    },
    { ...input.options, uuid },
  );
  input.onCreated?.(call);
  if (input.onEvent) call.subscribe(input.onEvent);
  const done = call.start().finally(() => ownClient?.close());
  return { call, sessionId: recorder ? uuid : null, done };
}
