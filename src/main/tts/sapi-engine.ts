/**
 * Windows adapter: System.Speech (SAPI) through `powershell.exe`, which plays to the default
 * audio device or writes a 16-bit PCM WAV file. Killing PowerShell stops the sound at once.
 */
import type {
  EngineProcessOptions,
  RenderSettings,
  SpeakSettings,
  SpeechEngine,
} from './speech-engine.ts';
import { renderViaTempFile, writeEmptyWav } from './render-via-temp-file.ts';
import { POWERSHELL_ARGS, parseSapiVoices, sapiEnv, sapiScript } from './sapi-script.ts';
import { runSpeechCommand } from './speech-command.ts';
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
  const { executable, onSpawn, killGraceMs } = options;

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
      await runSpeechCommand(
        {
          command: executable,
          args: POWERSHELL_ARGS,
          input: sapiScript('speak'),
          env,
          signal: settings.signal,
          onSpawn,
          killGraceMs,
        },
        { failure: 'Windows speech (SAPI) could not speak' },
      );
    },

    async renderToWav(text: string, file: string, settings: RenderSettings): Promise<void> {
      if (settings.signal?.aborted) return;
      const prompt = cleanSpeechText(text);
      const voice = checkVoiceId(settings.voice, 'named');
      await renderViaTempFile(file, settings.signal, async (temp) => {
        if (prompt === '') {
          await writeEmptyWav(temp);
          return 'done';
        }
        const env = sapiEnv({
          text: prompt,
          voice,
          rate: normalizeRate(settings.rate),
          locale: settings.locale,
          output: temp,
        });
        const result = await runSpeechCommand(
          {
            command: executable,
            args: POWERSHELL_ARGS,
            input: sapiScript('render'),
            env,
            signal: settings.signal,
            onSpawn,
            killGraceMs,
          },
          { failure: 'Windows speech (SAPI) could not render the prompt' },
        );
        return result.outcome === 'aborted' ? 'aborted' : 'done';
      });
    },

    async voices() {
      const result = await runSpeechCommand(
        {
          command: executable,
          args: POWERSHELL_ARGS,
          input: sapiScript('voices'),
          env: sapiEnv({}),
          timeoutMs: VOICES_TIMEOUT_MS,
          onSpawn,
          killGraceMs,
        },
        { failure: 'Windows speech (SAPI) could not list its voices' },
      );
      return parseSapiVoices(result.stdout);
    },
  };
}
