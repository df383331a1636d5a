/** macOS adapter: `say`, which plays to the default output and renders WAV files with `-o`. */
import { memoizeUntilFailure } from './memoize-until-failure.ts';
import type {
  EngineProcessOptions,
  RenderSettings,
  SpeakSettings,
  SpeechEngine,
  SpeechSettings,
} from './speech-engine.ts';
import { pickVoiceForLocale } from './locale-voice.ts';
import { renderViaTempFile, writeEmptyWav } from './render-via-temp-file.ts';
import { SAY_VOICES_ARGS, isNoveltySayVoice, parseSayVoices, sayArgs } from './say-args.ts';
import { runSpeechCommand } from './speech-command.ts';
import { checkVoiceId, cleanSpeechText, normalizeRate } from './speech-settings.ts';

/** Options of {@link createSayEngine}. */
export interface SayEngineOptions extends EngineProcessOptions {
  /** Path of the say executable (normally /usr/bin/say). */
  executable: string;
}

const VOICES_TIMEOUT_MS = 10_000;

/** A {@link SpeechEngine} driving macOS `say`. */
export function createSayEngine(options: SayEngineOptions): SpeechEngine {
  const { executable, onSpawn, killGraceMs } = options;
  const listVoices = memoizeUntilFailure(() =>
    runSpeechCommand(
      {
        command: executable,
        args: SAY_VOICES_ARGS,
        timeoutMs: VOICES_TIMEOUT_MS,
        onSpawn,
        killGraceMs,
      },
      { failure: 'say could not list its voices' },
    ).then((result) => parseSayVoices(result.stdout)),
  );

  const voiceFor = async (settings: SpeechSettings & { locale: string }) => {
    const chosen = checkVoiceId(settings.voice, 'named');
    if (chosen !== undefined) return chosen;
    const voices = await listVoices().catch(() => []);
    return pickVoiceForLocale(voices, settings.locale, isNoveltySayVoice)?.id;
  };

  return {
    id: 'say',

    async speak(text: string, settings: SpeakSettings): Promise<void> {
      const prompt = cleanSpeechText(text);
      if (prompt === '' || settings.signal.aborted) return;
      const voice = await voiceFor(settings);
      await runSpeechCommand(
        {
          command: executable,
          args: sayArgs({ voice, rate: normalizeRate(settings.rate) }),
          input: prompt,
          signal: settings.signal,
          onSpawn,
          killGraceMs,
        },
        { failure: 'say could not speak' },
      );
    },

    async renderToWav(text: string, file: string, settings: RenderSettings): Promise<void> {
      if (settings.signal?.aborted) return;
      const prompt = cleanSpeechText(text);
      const voice = await voiceFor(settings);
      await renderViaTempFile(file, settings.signal, async (temp) => {
        if (prompt === '') {
          await writeEmptyWav(temp);
          return 'done';
        }
        const result = await runSpeechCommand(
          {
            command: executable,
            args: sayArgs({ voice, rate: normalizeRate(settings.rate), output: temp }),
            input: prompt,
            signal: settings.signal,
            onSpawn,
            killGraceMs,
          },
          { failure: 'say could not render the prompt' },
        );
        return result.outcome === 'aborted' ? 'aborted' : 'done';
      });
    },

    async voices() {
      return [...(await listVoices())];
    },
  };
}
