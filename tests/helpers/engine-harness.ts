/**
 * Runs calls on the virtual clock for engine tests: a flow from a few nodes, a scripted or
 * hand-driven caller, every event collected.
 */
import type { CallEvent, CallEventOf, CallEventType } from '../../src/shared/call-events.ts';
import type { Flow, FlowInput } from '../../src/shared/flow/flow-schema.ts';
import { validateFlow } from '../../src/shared/flow/validate-flow.ts';
import type {
  CallOptions,
  CallResult,
  WebhookExecutor,
} from '../../src/main/engine/call-engine.ts';
import { Call } from '../../src/main/engine/call-engine.ts';
import { VirtualClock } from '../../src/main/engine/clock.ts';
import { createSilentSpeaker } from '../../src/main/engine/speaker.ts';
import { createWebhookClient } from '../../src/main/webhook/webhook-client.ts';
import { scriptedCaller } from '../../src/main/calls/scripted-caller.ts';
import { parseDtmfScript } from '../../src/main/cli/dtmf-option.ts';

/** The virtual start time of every test call (a fixed epoch, for determinism). */
export const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);

/** Builds and validates a flow; throws listing the problems when it is not valid. */
export function makeFlow(nodes: FlowInput['nodes'], extra: Partial<FlowInput> = {}): Flow {
  const input = { id: 'test', name: 'Test flow', start: Object.keys(nodes)[0], nodes, ...extra };
  const result = validateFlow(input);
  if (!result.flow) throw new Error(`invalid test flow: ${JSON.stringify(result.problems)}`);
  return result.flow;
}

/** A call under test with its clock and collected events. */
export interface Harness {
  call: Call;
  clock: VirtualClock;
  events: CallEvent[];
  done: Promise<CallResult>;
  of<T extends CallEventType>(type: T): CallEventOf<T>[];
}

/** Options for {@link startCall}. */
export interface HarnessOptions extends Partial<CallOptions> {
  /** A `--dtmf`-style script answering each wait; omit to drive the call by hand. */
  dtmf?: string;
  /** Advance the virtual clock by itself (default: true with a script, false without). */
  autoAdvance?: boolean;
  webhooks?: WebhookExecutor;
  /** Recorded prompts' lengths in ms, by `audio` path. */
  recordings?: ReadonlyMap<string, number>;
}

/** Starts a call on a virtual clock. */
export function startCall(flow: Flow, options: HarnessOptions = {}): Harness {
  const auto = options.autoAdvance ?? options.dtmf !== undefined;
  const clock = new VirtualClock({ start: T0, autoAdvance: auto });
  const events: CallEvent[] = [];
  const webhooks = options.webhooks ?? createWebhookClient();
  let call: Call | null = null;
  const { dtmf, autoAdvance: _a, webhooks: _w, recordings, ...callOptions } = options;
  call = new Call(
    flow,
    {
      clock,
      speaker: createSilentSpeaker(clock),
      webhooks,
      sink: { record: (e) => events.push(e) },
      ...(recordings ? { recordings } : {}),
    },
    {
      source: '+3612345678',
      destination: '+3612000000',
      ...callOptions,
      ...(dtmf !== undefined
        ? { onWaitingForKey: scriptedCaller(parseDtmfScript(dtmf), () => call as Call) }
        : {}),
    },
  );
  const done = call.start().finally(async () => {
    if (!options.webhooks) await (webhooks as ReturnType<typeof createWebhookClient>).close();
  });
  return {
    call,
    clock,
    events,
    done,
    of: <T extends CallEventType>(type: T) =>
      events.filter((e): e is CallEventOf<T> => e.type === type),
  };
}

/** Runs a whole scripted call and returns the result with its events. */
export async function runScripted(flow: Flow, dtmf: string, options: HarnessOptions = {}) {
  const harness = startCall(flow, { ...options, dtmf });
  const result = await harness.done;
  return { ...harness, result };
}

/** Lets pending promise callbacks run (the engine's awaits between clock steps). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
