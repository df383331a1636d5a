/**
 * One worker's part of a load run: places its share of the calls through the real engine and
 * webhook client, closed model (a fixed number of caller lines, each placing its next call as the
 * last one ends) or open model (calls started on a fixed schedule, however many are still going),
 * and counts each call into a {@link TallyRecorder}. Runs in a worker thread for the CLI and the
 * console, and in-process for the Artillery engine and tests.
 */
import type { RecordingLengths } from '../engine/call-engine.ts';
import type { CallResult } from '../engine/call-types.ts';
import type { CallEvent } from '../../shared/call-events.ts';
import { DEFAULT_DESTINATION, DEFAULT_SOURCE, placeScriptedCall } from '../calls/scripted-call.ts';
import type { LoggedCall } from './load-session-log.ts';
import { ClientPool } from './client-pool.ts';
import type { TallyRecorder } from './load-tally.ts';
import { callerVariables } from './load-plan.ts';
import type { LoadCaller, LoadPlan } from './load-plan.ts';

/** Which calls are this part's, and how it hands out call numbers. */
export interface LoadPartInput {
  plan: LoadPlan;
  /** This part's number and how many parts share the run. */
  part: number;
  parts: number;
  /**
   * The next call number, shared by every part of a closed run (`Atomics.add`), so a line that
   * frees up early takes the next call whichever part it is in.
   */
  nextCall: Int32Array;
  /** The run's start (epoch ms): the open model's schedule counts from it. */
  runStart: number;
  tally: TallyRecorder;
  /** Stop placing calls; calls in progress are hung up. */
  signal: AbortSignal;
  /** `--log`: each finished call, to be written as a session elsewhere (load-session-log.ts). */
  logCall?: (call: LoggedCall) => void;
}

/** The share of `total` that part `part` of `parts` takes (the first ones take the remainder). */
export function shareOf(total: number, part: number, parts: number): number {
  return Math.floor(total / parts) + (part < total % parts ? 1 : 0);
}

/** Places this part's calls; resolves when they have all ended (or the run was stopped). */
export async function runLoadPart(input: LoadPartInput): Promise<void> {
  const { plan, tally, signal } = input;
  const recordings: RecordingLengths = new Map(plan.recordings);
  const clients = new ClientPool({
    ...(plan.network ? { network: plan.network } : {}),
    ...(plan.limits ? { limits: plan.limits } : {}),
  });
  const hangUps = new Set<() => void>();
  const onAbort = (): void => {
    for (const hangUp of hangUps) hangUp();
  };
  signal.addEventListener('abort', onAbort);

  /** Places call number `index` and counts it; never rejects. */
  const place = async (index: number): Promise<void> => {
    const caller = plan.callers[index % plan.callers.length] as LoadCaller;
    const client = clients.take();
    tally.callStarted();
    let hangUp: (() => void) | null = null;
    const events: CallEvent[] = [];
    const startedAt = Date.now();
    try {
      const running = placeScriptedCall({
        flow: plan.flow,
        flowPath: plan.flowPath,
        recordings,
        steps: caller.steps,
        ...(caller.source !== undefined ? { source: caller.source } : {}),
        ...(caller.destination !== undefined ? { destination: caller.destination } : {}),
        ...(caller.customer !== undefined ? { customer: caller.customer } : {}),
        ...(caller.projectid !== undefined ? { projectid: caller.projectid } : {}),
        variables: callerVariables(caller, plan.variables),
        secrets: plan.secrets,
        store: null,
        realtime: plan.realtime,
        webhooks: client,
        ...(input.logCall ? { onEvent: (event: CallEvent) => events.push(event) } : {}),
      });
      hangUp = () => running.call.hangUp();
      hangUps.add(hangUp);
      const result: CallResult = await running.done;
      tally.callEnded(result);
      input.logCall?.({
        start: {
          id: result.uuid,
          flowId: plan.flow.id,
          flowName: plan.flow.name,
          flowPath: plan.flowPath,
          source: caller.source ?? DEFAULT_SOURCE,
          destination: caller.destination ?? DEFAULT_DESTINATION,
          startedAt,
        },
        events,
      });
    } catch (error) {
      tally.callCrashed(error);
    } finally {
      if (hangUp) hangUps.delete(hangUp);
      clients.give(client);
    }
  };

  try {
    if (plan.model.kind === 'closed') {
      const lines = shareOf(plan.model.concurrency, input.part, input.parts);
      const line = async (): Promise<void> => {
        while (!signal.aborted) {
          const index = Atomics.add(input.nextCall, 0, 1);
          if (index >= plan.calls) return;
          await place(index);
        }
      };
      await Promise.all(Array.from({ length: lines }, line));
    } else {
      await openModel(input, place);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    await clients.close();
  }
}

/**
 * The open model: call i of the run starts at `runStart + i / rate`; this part starts the calls
 * whose number is its own modulo the parts, each on time whatever the calls before it are doing.
 */
async function openModel(
  input: LoadPartInput,
  place: (index: number) => Promise<void>,
): Promise<void> {
  const { plan, signal } = input;
  if (plan.model.kind !== 'open') return;
  const interval = 1000 / plan.model.rate;
  const going = new Set<Promise<void>>();
  for (let index = input.part; index < plan.calls && !signal.aborted; index += input.parts) {
    const wait = input.runStart + index * interval - Date.now();
    if (wait > 0 && !(await pause(wait, signal))) break;
    const call = place(index).finally(() => going.delete(call));
    going.add(call);
  }
  await Promise.all(going);
}

/** Waits `ms`; false when stopped first. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve(true);
    }, ms);
    const stop = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}
