/**
 * Autopilot for a test case: places the case's call on the live phone and answers each of the
 * flow's waits from its `dtmf` script, key by key at the chosen pace, as a caller would: after the
 * prompt has been heard, each key sounding its tone and lighting on the keypad. `~` stays silent
 * so that wait times out; with no keys left the caller hangs up at the next wait, as the CLI's
 * test runner does.
 */
import { stopRecording } from '../../audio/recording-player.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TestCaseEntry } from '../../../../shared/contract.ts';
import { DEMO_DESTINATION, DEMO_SOURCE } from '../../../../shared/demo-numbers.ts';
import type { Scalar } from '../../../../shared/variables.ts';
import type { CallSession } from '../../state/use-call-session.ts';
import { playKeyTone } from '../softphone/key-tones.ts';
import { useLitKey } from '../softphone/use-lit-key.ts';

/** What autopilot is doing. */
export interface Autopilot {
  /** The case being played, or null. */
  running: TestCaseEntry | null;
  litKey: string | null;
  start(testCase: TestCaseEntry, flowPath: string, paceMs: number): void;
  stop(): void;
}

function scalars(variables: TestCaseEntry['variables']): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value !== 'object') out[name] = value;
  }
  return out;
}

/** Autopilot over the live call `session`. */
export function useAutopilot(session: CallSession): Autopilot {
  const [running, setRunning] = useState<TestCaseEntry | null>(null);
  const [paceMs, setPaceMs] = useState(600);
  const [litKey, light] = useLitKey();
  /** Next step, and the wait a silence is being kept for. */
  const cursor = useRef<{ index: number; silentAt: number | null }>({ index: 0, silentAt: null });
  const { view, start, sendKey, hangUp } = session;

  const stop = useCallback(() => setRunning(null), []);

  const begin = useCallback(
    (testCase: TestCaseEntry, flowPath: string, pace: number) => {
      cursor.current = { index: 0, silentAt: null };
      setPaceMs(pace);
      setRunning(testCase);
      void start({
        flowPath,
        environmentId: 'demo',
        source: testCase.source ?? DEMO_SOURCE,
        destination: testCase.destination ?? DEMO_DESTINATION,
        variables: scalars(testCase.variables),
      });
    },
    [start],
  );

  // The wait being answered: the seq of the latest `awaiting_input` while the flow waits.
  let waitSeq: number | null = null;
  if (view.awaiting) {
    for (let i = view.events.length - 1; i >= 0; i--) {
      const event = view.events[i];
      if (event?.type === 'awaiting_input') {
        waitSeq = event.seq;
        break;
      }
    }
  }
  const speaking = view.caption?.status === 'speaking';

  useEffect(() => {
    if (!running) return undefined;
    if (view.phase === 'ended' || view.startError) {
      // The call is over: autopilot is done (set from a timer, not during this render's effect).
      const done = window.setTimeout(() => setRunning(null), 0);
      return () => window.clearTimeout(done);
    }
    if (view.phase !== 'active' || waitSeq === null || speaking) return undefined;
    const state = cursor.current;
    if (state.silentAt !== null) {
      if (state.silentAt === waitSeq) return undefined; // letting this wait time out
      state.silentAt = null;
      state.index += 1;
    }
    const timer = window.setTimeout(() => {
      const step = running.steps[state.index];
      if (step === undefined) {
        hangUp();
      } else if (step === '~') {
        state.silentAt = waitSeq;
      } else {
        playKeyTone(step);
        stopRecording();
        light(step);
        sendKey(step);
        state.index += 1;
      }
    }, paceMs);
    return () => window.clearTimeout(timer);
  }, [
    running,
    view.phase,
    view.startError,
    view.digits,
    waitSeq,
    speaking,
    paceMs,
    hangUp,
    sendKey,
    light,
  ]);

  return { running, litKey, start: begin, stop };
}
