/**
 * Adapts the OS text-to-speech engine (src/main/tts) to the services' SpeechBackend.
 */
import type { SpeechBackend } from './console-services.ts';

/** Finds the platform's speech engine; null where there is none (captions only). */
export async function detectSpeechBackend(): Promise<SpeechBackend | null> {
  return null;
}
