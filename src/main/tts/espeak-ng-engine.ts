/**
 * espeak-ng adapter (Linux): speaks to the default audio device and renders WAV files with `-w`.
 * The prompt goes to `--stdin`, so text starting with `-` or full of shell syntax is just spoken.
 */
import { createEngineCommand } from './engine-command.ts';
import { espeakArgs, espeakInput, parseEspeakVoices, pickEspeakVoice } from './espeak-ng-args.ts';
import { chosenOrLocaleVoice } from './locale-voice.ts';
import { memoizeUntilFailure } from './memoize-until-failure.ts';
import { renderViaTempFile, writeEmptyWav } from './render-via-temp-file.ts';
import type {
  EngineProcessOptions,
  RenderSettings,
  SpeakSettings,
  SpeechEngine,
  SpeechSettings,
} from './speech-engine.ts';
import { checkVoiceId, cleanSpeechText, normalizeRate } from './speech-settings.ts';

/** Options of {@link createEspeakNgEngine}. */
export interface EspeakNgEngineOptions extends EngineProcessOptions {
  /** Path of the espeak-ng executable. */
  executable: string;
}

/**
 * Without a usable audio device espeak-ng prints ALSA/PulseAudio errors and its own
 * `error: ...` line, yet exits 0; it also exits 0 after `Can't write to: file`. Only espeak-ng's
 * own lines count: ALSA also prints warnings on machines where sound works.
 */
const ESPEAK_STDERR_FAILURE = /^(?:error:|can't write)/im;
const VOICES_TIMEOUT_MS = 10_000;
/** espeak-ng's output rate, for the empty file written when there is nothing to say. */
const ESPEAK_SAMPLE_RATE = 22050;

/** A {@link SpeechEngine} driving espeak-ng. */
export function createEspeakNgEngine(options: EspeakNgEngineOptions): SpeechEngine {
  const run = createEngineCommand(options);
  const listVoices = memoizeUntilFailure(async () => {
    const result = await run(
      { args: ['--voices'], timeoutMs: VOICES_TIMEOUT_MS },
      { failure: 'espeak-ng could not list its voices' },
    );
    return parseEspeakVoices(result.stdout);
  });

  const voiceFor = (settings: SpeechSettings & { locale: string }) =>
    chosenOrLocaleVoice(checkVoiceId(settings.voice, 'espeak'), listVoices, (voices) =>
      pickEspeakVoice(settings.locale, voices),
    );

  return {
    id: 'espeak-ng',

    async speak(text: string, settings: SpeakSettings): Promise<void> {
      const prompt = cleanSpeechText(text);
      if (prompt === '' || settings.signal.aborted) return;
      const voice = await voiceFor(settings);
      await run(
        {
          args: espeakArgs({ voice, rate: normalizeRate(settings.rate) }),
          input: espeakInput(prompt),
          signal: settings.signal,
        },
        {
          failure: 'espeak-ng could not play audio (is there an audio output device?)',
          stderrFailure: ESPEAK_STDERR_FAILURE,
        },
      );
    },

    async renderToWav(text: string, file: string, settings: RenderSettings): Promise<void> {
      // Before the voice lookup, which may start `espeak-ng --voices`.
      if (settings.signal?.aborted) return;
      const prompt = cleanSpeechText(text);
      const voice = await voiceFor(settings);
      await renderViaTempFile(file, settings.signal, (temp) =>
        prompt === ''
          ? writeEmptyWav(temp, ESPEAK_SAMPLE_RATE)
          : run(
              {
                args: espeakArgs({ voice, rate: normalizeRate(settings.rate), output: temp }),
                input: espeakInput(prompt),
                signal: settings.signal,
              },
              {
                failure: 'espeak-ng could not render the prompt',
                stderrFailure: ESPEAK_STDERR_FAILURE,
              },
            ),
      );
    },

    async voices() {
      return (await listVoices()).map(({ id, name, locale }) => ({ id, name, locale }));
    },
  };
}
