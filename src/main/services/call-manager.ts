/**
 * Calls placed from the console, in real time: each one's events go to the session log and to
 * the event hub as they happen, and the UI drives it by id (keys, hang-up, variable edits).
 * Ended calls are kept briefly so a reloaded page can catch up.
 */
import { randomUUID } from 'node:crypto';
import type { CallEvent } from '../../shared/call-events.ts';
import type { CallSnapshot } from '../../shared/contract.ts';
import type { RecordingFile } from '../../shared/recording-file.ts';
import type { Flow } from '../../shared/flow/flow-schema.ts';
import type { VarMap, VarValue } from '../../shared/variables.ts';
import type { WebhookLimits } from '../../shared/webhook-types.ts';
import type { CallEnvironment } from '../calls/call-environment.ts';
import type { RunningCall } from '../calls/run-call.ts';
import { runCall } from '../calls/run-call.ts';
import type { CallResult } from '../engine/call-engine.ts';
import type { Clock } from '../engine/clock.ts';
import type { Speaker } from '../engine/speaker.ts';
import type { SessionStore } from '../store/session-store.ts';
import type { EventHub } from './event-hub.ts';
import { serveRecording } from './serve-recording.ts';
import { ServiceError } from './service-errors.ts';
import type { RecordingLengths } from '../engine/call-engine.ts';

/** How many ended calls stay available for `snapshot`. */
const KEEP_ENDED = 20;

/** What the manager needs. */
export interface CallManagerDeps {
  store: SessionStore | null;
  hub: EventHub;
  clock: Clock;
  /** A speaker for one call (OS speech, or silence that takes a prompt's time). */
  createSpeaker(): Speaker;
  limits?: Partial<WebhookLimits>;
}

/** What a call starts from. */
export interface StartCall {
  flow: Flow;
  flowPath: string;
  recordings?: RecordingLengths;
  source: string;
  destination: string;
  variables: VarMap;
  /** What the call's environment brings besides variables: secrets, network and limits. */
  environment?: Omit<CallEnvironment, 'variables'>;
}

interface ManagedCall {
  running: RunningCall;
  flowPath: string;
  recordings: RecordingLengths;
  events: CallEvent[];
  ended: boolean;
}

/** Places and drives calls. */
export interface CallManager {
  start(input: StartCall): { callId: string; sessionId: string | null; done: Promise<CallResult> };
  pressKey(callId: string, key: string): boolean;
  hangUp(callId: string): void;
  setVariable(callId: string, name: string, value: VarValue): void;
  snapshot(callId: string): CallSnapshot;
  /**
   * The bytes of a recorded prompt of the call's flow, for the page to play: only a recording the
   * flow names, which was read when the call started.
   */
  recording(callId: string, audio: string): Promise<RecordingFile>;
  /** Hangs up every active call and waits for them to end (app quit). */
  closeAll(): Promise<void>;
}

/** Sends each call's events to the session log and hub; keeps some ended calls for snapshots. */
export function createCallManager(deps: CallManagerDeps): CallManager {
  const calls = new Map<string, ManagedCall>();
  const find = (callId: string): ManagedCall => {
    const call = calls.get(callId);
    if (!call) throw new ServiceError('not_found', `no call ${callId}`);
    return call;
  };
  const forget = (): void => {
    const ended = [...calls.entries()].filter(([, c]) => c.ended);
    for (const [id] of ended.slice(0, Math.max(0, ended.length - KEEP_ENDED))) calls.delete(id);
  };
  return {
    start(input) {
      const callId = randomUUID();
      const events: CallEvent[] = [];
      const running = runCall({
        uuid: callId,
        flow: input.flow,
        flowPath: input.flowPath,
        ...(input.recordings ? { recordings: input.recordings } : {}),
        clock: deps.clock,
        speaker: deps.createSpeaker(),
        store: deps.store,
        options: {
          source: input.source,
          destination: input.destination,
          variables: input.variables,
          ...(input.environment ? { secrets: input.environment.secrets } : {}),
        },
        // The environment's limits go over the console's own.
        limits: { ...deps.limits, ...input.environment?.limits },
        ...(input.environment ? { network: input.environment.network } : {}),
        onEvent: (event) => {
          events.push(event);
          deps.hub.emit({ kind: 'call', callId, event });
        },
      });
      const managed: ManagedCall = {
        running,
        flowPath: input.flowPath,
        recordings: input.recordings ?? new Map(),
        events,
        ended: false,
      };
      calls.set(callId, managed);
      const done = running.done.finally(() => {
        managed.ended = true;
        forget();
      });
      // A failure to finish is logged here; the caller awaits `done` only if it wants to.
      done.catch((error: unknown) => console.error('[calls] call failed:', error));
      return { callId, sessionId: running.sessionId, done };
    },
    pressKey(callId, key) {
      return find(callId).running.call.pressKey(key);
    },
    hangUp(callId) {
      find(callId).running.call.hangUp();
    },
    setVariable(callId, name, value) {
      const call = find(callId);
      try {
        call.running.call.setUserVariable(name, value);
      } catch (error) {
        throw new ServiceError('conflict', (error as Error).message);
      }
    },
    snapshot(callId) {
      const call = find(callId);
      return {
        callId,
        sessionId: call.running.sessionId,
        flowPath: call.flowPath,
        state: call.ended ? 'ended' : 'active',
        events: [...call.events],
      };
    },
    recording(callId, audio) {
      const call = find(callId);
      return serveRecording(call.flowPath, call.recordings, audio);
    },
    async closeAll() {
      const active = [...calls.values()].filter((c) => !c.ended);
      for (const call of active) call.running.call.hangUp();
      await Promise.allSettled(active.map((c) => c.running.done));
    },
  };
}
