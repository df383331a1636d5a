/**
 * Choosing the voice of a prompt from an engine's voice list when the user set none, for engines
 * whose program cannot be handed the flow's locale as is (macOS `say`, espeak-ng).
 */
import type { SpeechVoice } from './speech-engine.ts';
import { parseLocale } from './speech-settings.ts';

/**
 * The voice to speak with: `chosen` (the user's checked setting) when set, else what `pick`
 * makes of the engine's voice list. A list that cannot be had yields `pick([])`: without it the
 * locale cannot be checked, and the engine's default voice beats a failing prompt.
 */
export async function chosenOrLocaleVoice<V>(
  chosen: string | undefined,
  listVoices: () => Promise<readonly V[]>,
  pick: (voices: readonly V[]) => string | undefined,
): Promise<string | undefined> {
  if (chosen !== undefined) return chosen;
  return pick(await listVoices().catch(() => []));
}

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
