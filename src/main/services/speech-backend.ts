/**
 * The OS speech engine as the services see it, in a file of its own: the composition root, the
 * replay speech and the OS adapter (src/main/tts via os-speech-backend.ts) all name it, and none
 * of them needs to import another for it.
 */
import type { Settings, SpeechStatus } from '../../shared/contract.ts';
import type { Speaker } from '../engine/speaker.ts';

/** The OS speech engine as the services use it (src/main/tts adapts to this). */
export interface SpeechBackend {
  readonly id: string;
  voices(): Promise<SpeechStatus['voices']>;
  /**
   * A speaker reading the current settings; `onError` when speaking fails, and a failed prompt
   * handed to `fallback` so the call keeps its pace.
   */
  createSpeaker(
    getSettings: () => Settings['speech'],
    onError: (error: Error) => void,
    fallback: Speaker,
  ): Speaker;
}
