/**
 * Choosing a voice for a flow's locale from an engine's voice list, for engines that do not do it
 * themselves (macOS `say`).
 */
import type { SpeechVoice } from './speech-engine.ts';
import { parseLocale } from './speech-settings.ts';

/**
 * The first voice (not rejected by `skip`) whose locale is the flow's locale (`en-US` matches
 * `en_US`), else the first speaking its language, else undefined (use the engine's default).
 */
export function pickVoiceForLocale(
  voices: readonly SpeechVoice[],
  locale: string,
  skip: (voice: SpeechVoice) => boolean = () => false,
): SpeechVoice | undefined {
  const want = parseLocale(locale);
  if (want === undefined) return undefined;
  const candidates = voices
    .filter((voice) => !skip(voice))
    .map((voice) => ({ voice, parts: parseLocale(voice.locale) }));
  return (
    candidates.find(
      ({ parts }) => parts?.language === want.language && parts.region === want.region,
    )?.voice ?? candidates.find(({ parts }) => parts?.language === want.language)?.voice
  );
}
