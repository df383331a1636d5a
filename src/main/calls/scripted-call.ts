/**
 * A headless call with a scripted caller, placed the same way by `run` and by each `test` case:
 * the real engine and real webhooks, a silent speaker, a virtual clock that jumps over prompts and
 * timeouts (unless real time is asked for), and the caller's keys pressed one per wait. Whatever
 * the caller setup leaves out is the demo caller and project.
 */
import type { CallEvent } from '../../shared/call-events.ts';
import type { Flow } from '../../shared/flow/flow-schema.ts';
import type { VarMap } from '../../shared/variables.ts';
import type { Call } from '../engine/call-engine.ts';
import { createRealClock, VirtualClock } from '../engine/clock.ts';
import { createSilentSpeaker } from '../engine/speaker.ts';
import { DEMO_DESTINATION, DEMO_SOURCE } from '../../shared/demo-numbers.ts';
import type { SessionStore } from '../store/session-store.ts';
import type { WebhookLimits } from '../../shared/webhook-types.ts';
import type { WebhookNetwork } from '../webhook/network-options.ts';
import type { DtmfStep } from './dtmf-script.ts';
import { runCall } from './run-call.ts';
import type { RunningCall } from './run-call.ts';
import { scriptedCaller } from './scripted-caller.ts';
import type { RecordingLengths, WebhookExecutor } from '../engine/call-engine.ts';

/** The demo caller and number used when no source / destination is given. */
export const DEFAULT_SOURCE = DEMO_SOURCE;
export const DEFAULT_DESTINATION = DEMO_DESTINATION;
/** The customer and project used when none is given. */
const DEFAULT_ACCOUNT = 'demo';

/** What a scripted call needs. */
export interface ScriptedCallInput {
  flow: Flow;
  /** Absolute path of the flow file, logged with the session. */
  flowPath: string | null;
  recordings?: RecordingLengths;
  /** The caller's script, one step per wait (see {@link scriptedCaller}). */
  steps: readonly DtmfStep[];
  source?: string;
  destination?: string;
  customer?: string;
  projectid?: string;
  variables: VarMap;
  secrets: Readonly<Record<string, string>>;
  /** Headers, TLS and proxy of the call's environment. */
  network?: WebhookNetwork;
  /** Limits the environment overrides. */
  limits?: Partial<WebhookLimits>;
  /** Log the session here; null to not log. */
  store: SessionStore | null;
  /** Run on the wall clock, prompts and timeouts taking their real time. */
  realtime?: boolean;
  /** Sees every event as it happens. */
  onEvent?: (event: CallEvent) => void;
  /**
   * A webhook client the caller owns and keeps open across calls (a load run's caller reuses its
   * connection as the platform's pool would); default: one of the call's own, closed at its end.
   */
  webhooks?: WebhookExecutor;
}

/** Starts the call; see {@link RunningCall}. */
export function placeScriptedCall(input: ScriptedCallInput): RunningCall {
  const clock = input.realtime
    ? createRealClock()
    : new VirtualClock({ start: Date.now(), autoAdvance: true });
  let call: Call | null = null;
  return runCall({
    flow: input.flow,
    flowPath: input.flowPath,
    ...(input.recordings ? { recordings: input.recordings } : {}),
    clock,
    speaker: createSilentSpeaker(clock),
    store: input.store,
    // The caller needs the call, which exists only once runCall has made it.
    onCreated: (created) => (call = created),
    options: {
      source: input.source ?? DEFAULT_SOURCE,
      destination: input.destination ?? DEFAULT_DESTINATION,
      customer: input.customer ?? DEFAULT_ACCOUNT,
      projectid: input.projectid ?? DEFAULT_ACCOUNT,
      variables: input.variables,
      secrets: input.secrets,
      onWaitingForKey: scriptedCaller(input.steps, () => call as Call),
    },
    onEvent: input.onEvent,
    ...(input.webhooks ? { webhooks: input.webhooks } : {}),
    ...(input.network ? { network: input.network } : {}),
    ...(input.limits ? { limits: input.limits } : {}),
  });
}
