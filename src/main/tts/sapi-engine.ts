/**
 * Windows adapter: System.Speech (SAPI) through `powershell.exe`, which plays to the default
 * audio device or writes a 16-bit PCM WAV file. Killing PowerShell stops the sound at once.
 */
import { createEngineCommand } from './engine-command.ts';
import { renderViaTempFile, writeEmptyWav } from './render-via-temp-file.ts';
import {
  POWERSHELL_ARGS,
  SAPI_SAMPLE_RATE,
  parseSapiVoices,
  sapiEnv,
  sapiScript,
} from './sapi-script.ts';
import type {
  EngineProcessOptions,
  RenderSettings,
  SpeakSettings,
  SpeechEngine,
} from './speech-engine.ts';
import { checkVoiceId, cleanSpeechText, normalizeRate } from './speech-settings.ts';

/** Options of {@link createSapiEngine}. */
export interface SapiEngineOptions extends EngineProcessOptions {
  /** Path of powershell.exe. */
  executable: string;
}

/** PowerShell plus System.Speech take a second or two to load on a cold start. */
const VOICES_TIMEOUT_MS = 20_000;

/** A {@link SpeechEngine} driving Windows SAPI. */
export function createSapiEngine(options: SapiEngineOptions): SpeechEngine {
  const run = createEngineCommand(options);

  return {
    id: 'sapi',

    async speak(text: string, settings: SpeakSettings): Promise<void> {
      const prompt = cleanSpeechText(text);
      if (prompt === '' || settings.signal.aborted) return;
      const env = sapiEnv({
        text: prompt,
        voice: checkVoiceId(settings.voice, 'named'),
        rate: normalizeRate(settings.rate),
        locale: settings.locale,
      });
      await run(
        { args: POWERSHELL_ARGS, input: sapiScript('speak'), env, signal: settings.signal },
        { failure: 'Windows speech (SAPI) could not speak' },
      );
    },

    async renderToWav(text: string, file: string, settings: RenderSettings): Promise<void> {
      // Before the voice check, as on the other engines: an aborted render just resolves.
      if (settings.signal?.aborted) return;
      const prompt = cleanSpeechText(text);
      const voice = checkVoiceId(settings.voice, 'named');
      await renderViaTempFile(file, settings.signal, (temp) =>
        prompt === ''
          ? writeEmptyWav(temp, SAPI_SAMPLE_RATE)
          : run(
              {
                args: POWERSHELL_ARGS,
                input: sapiScript('render'),
                env: sapiEnv({
                  text: prompt,
                  voice,
                  rate: normalizeRate(settings.rate),
                  locale: settings.locale,
                  output: temp,
                }),
                signal: settings.signal,
              },
              { failure: 'Windows speech (SAPI) could not render the prompt' },
            ),
      );
    },

    async voices() {
      const result = await run(
        {
          args: POWERSHELL_ARGS,
          input: sapiScript('voices'),
          env: sapiEnv({}),
          timeoutMs: VOICES_TIMEOUT_MS,
        },
        { failure: 'Windows speech (SAPI) could not list its voices' },
      );
      return parseSapiVoices(result.stdout);
    },
  };
}
