/**
 * Places the re-run: one call through the flow with the caller script fed in and the given webhook
 * executor (live client or recorded replies), collecting every event for the comparison and,
 * when a store is given, logging it as a session of its own.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { Flow } from '../../shared/flow/flow-schema.ts';
import type { VarMap } from '../../shared/variables.ts';
import type { Call, CallResult, WebhookExecutor } from '../engine/call-engine.ts';
import { runCall } from '../calls/run-call.ts';
import type { Clock } from '../engine/clock.ts';
import { VirtualClock } from '../engine/clock.ts';
import { createSilentSpeaker } from '../engine/speaker.ts';
import type { Speaker } from '../engine/speaker.ts';
import type { SessionStore } from '../store/session-store.ts';
import type { RerunCallerStep } from './caller-script.ts';
import { createScriptFeeder } from './script-feeder.ts';
import type { RecordingLengths } from '../engine/call-engine.ts';

/** Who calls and what the call starts with. */
export interface StartConditions {
  source: string;
  destination: string;
  customer: string;
  projectid: string;
  /** User variables preset over the flow's own. */
  variables: VarMap;
}

/** What the re-run needs. */
export interface RerunInput {
  flow: Flow;
  flowPath: string | null;
  recordings?: RecordingLengths;
  steps: readonly RerunCallerStep[];
  start: StartConditions;
  webhooks: WebhookExecutor;
  secrets?: Readonly<Record<string, string>>;
  /** Log the re-run here; null or absent to not log it. */
  store?: SessionStore | null;
  /** Default: a virtual clock that advances by itself (the whole call in milliseconds). */
  clock?: Clock;
  /** Default: a silent speaker on the clock. */
  speaker?: Speaker;
  /** Sees every event as it happens. */
  onEvent?: (event: CallEvent) => void;
}

/** The finished re-run. */
export interface Rerun {
  result: CallResult;
  events: CallEvent[];
  /** The logged session's id, or null when not logged. */
  sessionId: string | null;
  /** Script steps the re-run never reached (the changed flow asked for less input). */
  unusedSteps: number;
}

/** Runs the re-run to its end. */
export async function rerunCall(input: RerunInput): Promise<Rerun> {
  const clock = input.clock ?? new VirtualClock({ start: Date.now(), autoAdvance: true });
  let call: Call | null = null;
  const feeder = createScriptFeeder(input.steps, () => call as Call);
  const events: CallEvent[] = [];
  const running = runCall({
    flow: input.flow,
    flowPath: input.flowPath,
    ...(input.recordings ? { recordings: input.recordings } : {}),
    clock,
    speaker: input.speaker ?? createSilentSpeaker(clock),
    store: input.store ?? null,
    webhooks: input.webhooks,
    // The feeder may answer the very first events (type-ahead), emitted before runCall returns.
    onCreated: (created) => (call = created),
    options: {
      source: input.start.source,
      destination: input.start.destination,
      customer: input.start.customer,
      projectid: input.start.projectid,
      variables: input.start.variables,
      ...(input.secrets ? { secrets: input.secrets } : {}),
      onWaitingForKey: (wait) => feeder.onWaitingForKey(wait),
    },
    onEvent: (event) => {
      events.push(event);
      try {
        input.onEvent?.(event);
      } catch {
        // An observer's failure must not change what the caller does.
      }
      // The feeder may press a key right here (type-ahead), so it goes last: the key's own event
      // then follows this one everywhere, as it does in the log.
      feeder.onEvent(event);
    },
  });
  const result = await running.done;
  return { result, events, sessionId: running.sessionId, unusedSteps: feeder.unused };
}
