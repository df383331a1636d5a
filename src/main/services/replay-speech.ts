/**
 * Speech for replay: the renderer plays a logged session back and asks main to speak each prompt
 * as it comes. One prompt at a time: a new one, a pause or a jump cuts the current one short.
 * Faster replay speaks faster, within what the engine accepts.
 */
import type { Settings } from '../../shared/contract.ts';
import type { Clock } from '../engine/clock.ts';
import { charsPerSecondAt, createSilentSpeaker } from '../engine/speaker.ts';
import { normalizeRate } from '../tts/speech-settings.ts';
import type { SpeechBackend } from './speech-backend.ts';

/** Speaks replayed prompts. */
export interface ReplaySpeech {
  /**
   * Speaks `text`, stopping any prompt still going; resolves when done or cut short. An absent
   * or empty locale is `en-US`; an absent speed is 1.
   */
  speak(
    text: string,
    options: { locale?: string | undefined; speed?: number | undefined },
  ): Promise<void>;
  /** Stops the current prompt, if any. */
  cancel(): void;
}

/**
 * Replay speech over `backend` (null: no engine, nothing is said), reading the current settings.
 * Failures go to `onError` once each; the replay carries on with captions.
 */
export function createReplaySpeech(
  backend: SpeechBackend | null,
  getSettings: () => Settings['speech'],
  onError: (error: Error) => void,
  clock: Clock,
): ReplaySpeech {
  let current: AbortController | null = null;
  return {
    async speak(text, options) {
      // `||`, not a default: the page's locale field sends '' for none.
      const locale = options.locale || 'en-US';
      const speed = options.speed || 1;
      current?.abort();
      const controller = new AbortController();
      current = controller;
      const settings = getSettings();
      if (!backend || !settings.enabled) return;
      // Within the range every engine accepts: 4x of a fast voice is as fast as speech goes.
      const rate = normalizeRate(settings.rate * speed);
      const speaker = backend.createSpeaker(
        () => ({ ...settings, rate }),
        onError,
        createSilentSpeaker(clock, charsPerSecondAt(rate)),
      );
      try {
        await speaker.speak(text, { signal: controller.signal, locale });
      } finally {
        if (current === controller) current = null;
      }
    },
    cancel() {
      current?.abort();
      current = null;
    },
  };
}
