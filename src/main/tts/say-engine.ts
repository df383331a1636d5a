/** macOS adapter: `say`, which plays to the default output and renders WAV files with `-o`. */
import { createEngineCommand } from './engine-command.ts';
import { chosenOrLocaleVoice, pickVoiceForLocale } from './locale-voice.ts';
import { memoizeUntilFailure } from './memoize-until-failure.ts';
import { renderViaTempFile, writeEmptyWav } from './render-via-temp-file.ts';
import {
  SAY_SAMPLE_RATE,
  SAY_VOICES_ARGS,
  isNoveltySayVoice,
  parseSayVoices,
  sayArgs,
} from './say-args.ts';
import type {
  EngineProcessOptions,
  RenderSettings,
  SpeakSettings,
  SpeechEngine,
  SpeechSettings,
} from './speech-engine.ts';
import { checkVoiceId, cleanSpeechText, normalizeRate } from './speech-settings.ts';

/** Options of {@link createSayEngine}. */
export interface SayEngineOptions extends EngineProcessOptions {
  /** Path of the say executable (normally /usr/bin/say). */
  executable: string;
}

const VOICES_TIMEOUT_MS = 10_000;

/** A {@link SpeechEngine} driving macOS `say`. */
export function createSayEngine(options: SayEngineOptions): SpeechEngine {
  const run = createEngineCommand(options);
  const listVoices = memoizeUntilFailure(async () => {
    const result = await run(
      { args: SAY_VOICES_ARGS, timeoutMs: VOICES_TIMEOUT_MS },
      { failure: 'say could not list its voices' },
    );
    return parseSayVoices(result.stdout);
  });

  const voiceFor = (settings: SpeechSettings & { locale: string }) =>
    chosenOrLocaleVoice(
      checkVoiceId(settings.voice, 'named'),
      listVoices,
      (voices) => pickVoiceForLocale(voices, settings.locale, isNoveltySayVoice)?.id,
    );

  return {
    id: 'say',

    async speak(text: string, settings: SpeakSettings): Promise<void> {
      const prompt = cleanSpeechText(text);
      if (prompt === '' || settings.signal.aborted) return;
      const voice = await voiceFor(settings);
      await run(
        {
          args: sayArgs({ voice, rate: normalizeRate(settings.rate) }),
          input: prompt,
          signal: settings.signal,
        },
        { failure: 'say could not speak' },
      );
    },

    async renderToWav(text: string, file: string, settings: RenderSettings): Promise<void> {
      // Before the voice lookup, which may start `say -v ?`.
      if (settings.signal?.aborted) return;
      const prompt = cleanSpeechText(text);
      const voice = await voiceFor(settings);
      await renderViaTempFile(file, settings.signal, (temp) =>
        prompt === ''
          ? writeEmptyWav(temp, SAY_SAMPLE_RATE)
          : run(
              {
                args: sayArgs({ voice, rate: normalizeRate(settings.rate), output: temp }),
                input: prompt,
                signal: settings.signal,
              },
              { failure: 'say could not render the prompt' },
            ),
      );
    },

    async voices() {
      return [...(await listVoices())];
    },
  };
}
