/**
 * Adapts a platform {@link SpeechEngine} to the call engine's {@link Speaker}: settings are read
 * per prompt (so changes apply to the next one) and an engine failure never breaks a call. It
 * becomes a resolved prompt plus an `onError` report; the app then shows a one-time notice and
 * carries on with captions.
 */
import type { Speaker } from '../engine/speaker.ts';
import type { SpeechEngine, SpeechSettings } from './speech-engine.ts';

/**
 * A {@link Speaker} speaking through `engine` with the current `getSettings()`. Each failure is
 * reported to `onError` once: a repeat of the previous failure's message is not reported again
 * until a prompt has been spoken successfully in between. A prompt that failed is handed to
 * `fallback` (the app passes a silent speaker that takes the prompt's time), so a call keeps its
 * pace and its captions stay readable when there is no audio device.
 */
export function createOsSpeaker(
  engine: SpeechEngine,
  getSettings: () => SpeechSettings,
  onError?: (error: Error) => void,
  fallback?: Speaker,
): Speaker {
  let lastReported: string | undefined;
  return {
    async speak(text, { signal, locale }) {
      try {
        const { voice, rate } = getSettings();
        await engine.speak(text, { voice, rate, signal, locale });
        lastReported = undefined;
      } catch (caught) {
        const error = caught instanceof Error ? caught : new Error(String(caught));
        if (error.message !== lastReported) {
          lastReported = error.message;
          try {
            onError?.(error);
          } catch {
            // A failing reporter must not break the call either.
          }
        }
        if (fallback && !signal.aborted) await fallback.speak(text, { signal, locale });
      }
    },
  };
}
