/**
 * Plays recorded prompts through Web Audio, one at a time as a call does, in the key tones'
 * context: that one was started by a user gesture (the click on Call), so it may sound without
 * another, and whatever listens to the page's output (the tests' audio tap) hears prompts and
 * tones alike.
 */
import type { RecordingFile } from '../../../shared/recording-file.ts';
import { getDtmfContext } from './tone-context.ts';

/** The recording playing or about to (being fetched or decoded); aborting it silences it. */
let current: AbortController | null = null;

/** The bytes of a base64 string, as an ArrayBuffer `decodeAudioData` can take over. */
function bytesOf(base64: string): ArrayBuffer {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes.buffer;
}

/**
 * Plays the recording `load` fetches, from its start until it ends or {@link stopRecording}
 * (barge-in, the prompt's end on the call's clock, hang-up). Replaces any recording playing.
 * Stopped before it could start, it never sounds. `rate` above 1 plays it faster (a replay at
 * double speed), as the recorded call's time passes faster.
 */
export async function playRecording(load: () => Promise<RecordingFile>, rate = 1): Promise<void> {
  stopRecording();
  const playing = new AbortController();
  current = playing;
  const { signal } = playing;
  const file = await load();
  const context = getDtmfContext().rawContext as unknown as AudioContext;
  const buffer = await context.decodeAudioData(bytesOf(file.data));
  if (signal.aborted) return;
  if (context.state === 'suspended') await context.resume();
  if (signal.aborted) return;
  const source = context.createBufferSource();
  source.buffer = buffer;
  source.playbackRate.value = rate;
  source.connect(context.destination);
  const stop = (): void => {
    try {
      source.stop();
    } catch {
      // Already ended.
    }
    source.disconnect();
  };
  signal.addEventListener('abort', stop, { once: true });
  source.onended = () => signal.removeEventListener('abort', stop);
  source.start();
}

/**
 * Silences the recording playing, if any. The keypad calls it on the press itself, as it plays
 * the key's tone: the engine cuts the prompt too, but only after a round trip to main.
 */
export function stopRecording(): void {
  current?.abort();
  current = null;
}
