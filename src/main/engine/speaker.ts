/**
 * Speech, injected: the engine asks a speaker to say a prompt and waits for it to finish or to
 * be cut short. The desktop app passes the OS text-to-speech; the CLI and tests pass a silent
 * speaker that takes as long as the prompt would on the (virtual) clock.
 */
import type { Clock } from './clock.ts';
import { sleep } from './clock.ts';

/** Options for one prompt. */
export interface SpeakOptions {
  /** Aborted on barge-in (a key press) and on hang-up: stop speaking at once. */
  signal: AbortSignal;
  /** BCP 47 locale of the flow. */
  locale: string;
}

/** Something that speaks prompts. */
export interface Speaker {
  /**
   * Speaks `text`; resolves when done or when `signal` aborts. May reject when the engine is
   * broken; the call then goes on with captions only.
   */
  speak(text: string, options: SpeakOptions): Promise<void>;
}

/** Typical text-to-speech pace: about 15 characters a second (175 words a minute). */
export const DEFAULT_CHARS_PER_SECOND = 15;
/** The speaking rate {@link DEFAULT_CHARS_PER_SECOND} stands for, in words a minute. */
export const DEFAULT_WORDS_PER_MINUTE = 175;

/**
 * The pace of a voice set to `wordsPerMinute`, in characters a second: muted or failed speech
 * then takes as long as the voice the user chose would have, not the default voice.
 */
export function charsPerSecondAt(wordsPerMinute: number): number {
  return (DEFAULT_CHARS_PER_SECOND * wordsPerMinute) / DEFAULT_WORDS_PER_MINUTE;
}

/** How long a prompt takes to speak at `charsPerSecond`, in ms (at least 300 ms). */
export function estimateSpeechMs(text: string, charsPerSecond = DEFAULT_CHARS_PER_SECOND): number {
  return Math.max(300, Math.round((text.length / charsPerSecond) * 1000));
}

/** A speaker that says nothing but takes a prompt's length of time on `clock`. */
export function createSilentSpeaker(
  clock: Clock,
  charsPerSecond: number | (() => number) = DEFAULT_CHARS_PER_SECOND,
): Speaker {
  return {
    async speak(text, { signal }) {
      const pace = typeof charsPerSecond === 'function' ? charsPerSecond() : charsPerSecond;
      await sleep(clock, estimateSpeechMs(text, pace), signal);
    },
  };
}
