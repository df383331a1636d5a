/**
 * Sounds the recorded prompts of the live call (../shared/spec/FLOW.md, "Recorded prompts"): the
 * engine in main keeps the time, and the call's caption says which recording is playing and when
 * it ends (at its length, or cut short by a key or hang-up); the page fetches the file's bytes
 * through the contract and plays them for that span. Driven by the caption rather than by raw
 * events, so a recording that starts before `call.start` answers (the first node of a flow)
 * still sounds: the call's view holds such early events back until it knows the call.
 */
import { useEffect } from 'react';
import { call } from '../../api/ivr-api.ts';
import { playRecording, stopRecording } from '../../audio/recording-player.ts';
import type { Caption } from '../../state/call-view.ts';

/**
 * Plays the caption's recording while it is being played in the call. Keyed on the prompt (its
 * event number), not on the caption object: a view rebuilt from a snapshot, or any new copy of the
 * same caption, must not start the recording again, least of all after a key has cut it.
 */
export function useRecordedPrompts(callId: string | null, caption: Caption | null): void {
  const audio = caption?.status === 'speaking' ? caption.audio : undefined;
  const prompt = caption?.seq;
  useEffect(() => {
    if (callId === null || audio === undefined) return undefined;
    playRecording(() => call('call.recording', { callId, audio })).catch((error: unknown) => {
      // The caption is on screen and the call keeps its time: say why there is no sound.
      console.warn(`recording ${audio} could not be played:`, error);
    });
    return stopRecording;
  }, [callId, audio, prompt]);
}
