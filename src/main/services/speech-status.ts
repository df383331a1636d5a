/**
 * What the Settings dialog shows of speech: the engine found, if any, and its voices.
 */
import type { SpeechStatus } from '../../shared/contract.ts';
import type { SpeechBackend } from './speech-backend.ts';

/** The status of `backend` (null: no engine; prompts are captions only). */
export async function readSpeechStatus(backend: SpeechBackend | null): Promise<SpeechStatus> {
  return {
    engine: backend?.id ?? null,
    voices: backend ? await backend.voices() : [],
  };
}
