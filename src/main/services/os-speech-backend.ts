/**
 * Adapts the OS text-to-speech engine (src/main/tts) to the services' SpeechBackend.
 */
import { detectSpeechEngine } from '../tts/detect-speech-engine.ts';
import type { DetectSpeechEngineOptions } from '../tts/detect-speech-engine.ts';
import { createOsSpeaker } from '../tts/os-speaker.ts';
import type { SpeechBackend } from './speech-backend.ts';

/**
 * Finds the platform's speech engine; null where there is none (captions only). `options` go to
 * {@link detectSpeechEngine} (the app passes none; tests choose the engine and its environment).
 */
export async function detectSpeechBackend(
  options?: DetectSpeechEngineOptions,
): Promise<SpeechBackend | null> {
  const engine = await detectSpeechEngine(options);
  if (!engine) return null;
  return {
    id: engine.id,
    voices: () => engine.voices(),
    createSpeaker: (getSettings, onError, fallback) =>
      createOsSpeaker(
        engine,
        () => {
          const { voice, rate } = getSettings();
          return voice === null ? { rate } : { voice, rate };
        },
        onError,
        fallback,
      ),
  };
}
