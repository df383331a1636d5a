/**
 * Replay of a logged session on the softphone, for React: play, pause, step forward and back,
 * speed, jump to any event. Stepping forward does what the call did: a key lights and sounds its
 * DTMF tone, a prompt is spoken (by main's OS speech) or its recording played, and captioned. No webhook is sent: the
 * exchanges come from the log.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CallEvent } from '../../../shared/call-events.ts';
import type { SessionDetail } from '../../../shared/session-types.ts';
import { call } from '../api/ivr-api.ts';
import { playRecording, stopRecording } from '../audio/recording-player.ts';
import { playKeyTone } from '../features/softphone/key-tones.ts';
import { useLitKey } from '../features/softphone/use-lit-key.ts';
import type { CallView } from './call-view.ts';
import { replayClock, replayDelay, replayView, stepPosition } from './replay-state.ts';

/** The replay and its controls. */
export interface Replay {
  session: SessionDetail | null;
  view: CallView | null;
  /** Events applied so far (0 to events.length). */
  position: number;
  playing: boolean;
  speed: number;
  /** The recorded call time at the position, in ms. */
  clockMs: number;
  litKey: string | null;
  /** Loads a session, at its start, paused (or playing with `autoplay`). */
  load(session: SessionDetail, options?: { autoplay?: boolean; speed?: number }): void;
  close(): void;
  play(): void;
  pause(): void;
  stepForward(): void;
  stepBack(): void;
  /** Shows the call as it was just after `position` events (no sound: a jump, not a replay). */
  jumpTo(position: number): void;
  setSpeed(speed: number): void;
}

const cancelSpeech = (): void => {
  stopRecording();
  void call('speech.cancel', {}).catch(() => undefined);
};

/** Replay state for one session at a time. */
export function useReplay(): Replay {
  const [session, setSession] = useState<SessionDetail | null>(null);
  const [position, setPosition] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeedState] = useState(1);
  const [litKey, light] = useLitKey();
  // Read by `perform` when a prompt starts, so a speed change applies to the next prompt.
  const speedRef = useRef(speed);
  useLayoutEffect(() => {
    speedRef.current = speed;
  }, [speed]);
  const sessionIdRef = useRef<string | null>(null);
  useLayoutEffect(() => {
    sessionIdRef.current = session?.id ?? null;
  }, [session]);

  const events = session?.events;
  const view = useMemo(
    () => (session ? replayView(session.id, session.events, position) : null),
    [session, position],
  );

  /** What the event does for the senses when replay moves onto it. */
  const perform = useCallback(
    (event: CallEvent) => {
      if (event.type === 'key') {
        playKeyTone(event.key);
        light(event.key);
      } else if (event.type === 'prompt_started' && event.audio !== undefined) {
        // A recording is played from the flow file as it is now, as a re-run would read it.
        const id = sessionIdRef.current;
        const audio = event.audio;
        if (id !== null) {
          playRecording(() => call('sessions.recording', { id, audio }), speedRef.current).catch(
            (error: unknown) => console.warn(`recording ${audio} could not be played:`, error),
          );
        }
      } else if (event.type === 'prompt_started') {
        void call('speech.speak', { text: event.text, speed: speedRef.current }).catch(
          () => undefined,
        );
      } else if (
        (event.type === 'prompt_ended' && event.interrupted) ||
        event.type === 'call_ended'
      ) {
        cancelSpeech();
      }
    },
    [light],
  );

  // Playing: apply the next event after its recorded gap (scaled), then the next.
  useEffect(() => {
    if (!playing || !events) return undefined;
    const delay = replayDelay(events, position, speed);
    if (delay === null) return undefined;
    const timer = window.setTimeout(() => {
      const event = events[position];
      if (event) perform(event);
      setPosition(position + 1);
      // The last event played: the replay stops there, ready to play again from the start.
      if (position + 1 >= events.length) setPlaying(false);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [playing, events, position, speed, perform]);

  const load = useCallback(
    (next: SessionDetail, options: { autoplay?: boolean; speed?: number } = {}) => {
      cancelSpeech();
      setSession(next);
      setPosition(0);
      if (options.speed) setSpeedState(options.speed);
      setPlaying(options.autoplay === true);
    },
    [],
  );

  const stop = useCallback(() => {
    setPlaying(false);
    cancelSpeech();
  }, []);

  return {
    session,
    view,
    position,
    playing,
    speed,
    clockMs: events ? replayClock(events, position) : 0,
    litKey,
    load,
    close: () => {
      stop();
      setSession(null);
      setPosition(0);
    },
    play: () => {
      if (!events) return;
      // At the end, play starts over, as a media player does.
      if (position >= events.length) setPosition(0);
      setPlaying(true);
    },
    pause: stop,
    stepForward: () => {
      if (!events || position >= events.length) return;
      stop();
      const event = events[position];
      if (event) perform(event);
      setPosition(position + 1);
    },
    stepBack: () => {
      if (!events) return;
      stop();
      setPosition(stepPosition(position, -1, events.length));
    },
    jumpTo: (to) => {
      if (!events) return;
      stop();
      setPosition(Math.max(0, Math.min(events.length, to)));
    },
    setSpeed: (to) => setSpeedState(to),
  };
}
