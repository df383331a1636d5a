/**
 * Speech Dispatcher adapter (Linux desktops): speaks through `spd-say`, which plays through the
 * user's audio session; renders through espeak-ng, since Speech Dispatcher cannot write files.
 */
import { createEngineCommand } from './engine-command.ts';
import { SPD_SAY_CANCEL_ARGS, parseSpdSayVoices, spdSayArgs, spdSayInput } from './spd-say-args.ts';
import type {
  EngineProcessOptions,
  RenderSettings,
  SpeakSettings,
  SpeechEngine,
} from './speech-engine.ts';
import { checkVoiceId, cleanSpeechText, normalizeRate } from './speech-settings.ts';

/** Options of {@link createSpdSayEngine}. */
export interface SpdSayEngineOptions extends EngineProcessOptions {
  /** Path of the spd-say executable. */
  executable: string;
  /** Engine used by `renderToWav` (espeak-ng); null when none is installed. */
  renderer: SpeechEngine | null;
}

const CANCEL_TIMEOUT_MS = 2000;
/**
 * `spd-say -w` waits for Speech Dispatcher's end-of-speech notice, which a broken output module
 * may never send: give up after four times the prompt's expected length (plus 30 s).
 */
function speakTimeoutMs(text: string, wpm: number): number {
  const expectedMs = (text.length / 6 / wpm) * 60_000;
  return 30_000 + 4 * expectedMs;
}
const VOICES_TIMEOUT_MS = 10_000;

/** A {@link SpeechEngine} speaking through Speech Dispatcher. */
export function createSpdSayEngine(options: SpdSayEngineOptions): SpeechEngine {
  const { renderer } = options;
  const run = createEngineCommand(options);

  /** Silences Speech Dispatcher. Best effort: a failed cancel must not fail a barge-in. */
  const cancelAll = async (): Promise<void> => {
    await run(
      { args: SPD_SAY_CANCEL_ARGS, timeoutMs: CANCEL_TIMEOUT_MS },
      { failure: 'spd-say could not cancel' },
    ).catch(() => undefined);
  };

  return {
    id: 'spd-say',

    async speak(text: string, settings: SpeakSettings): Promise<void> {
      const prompt = spdSayInput(cleanSpeechText(text));
      if (prompt === '' || settings.signal.aborted) return;
      const rate = normalizeRate(settings.rate);
      const args = spdSayArgs({
        voice: checkVoiceId(settings.voice, 'named'),
        rate,
        locale: settings.locale,
      });
      // Only a client that ran can have handed the daemon something to cancel.
      let started = false;
      const result = await run(
        {
          args,
          input: prompt,
          signal: settings.signal,
          timeoutMs: speakTimeoutMs(prompt, rate),
          onSpawn: () => (started = true),
        },
        { failure: 'spd-say could not speak (is Speech Dispatcher working?)' },
      ).catch(async (error: unknown) => {
        // A client that timed out may have left the daemon speaking.
        if (started) await cancelAll();
        throw error;
      });
      // Killing the client only stops the waiting: the daemon would finish the prompt.
      if (result.outcome === 'aborted' && started) await cancelAll();
    },

    async renderToWav(text: string, file: string, settings: RenderSettings): Promise<void> {
      if (renderer === null) {
        throw new Error('Rendering speech to a file needs espeak-ng, which is not installed');
      }
      // Speech Dispatcher voice names mean nothing to espeak-ng: render with a voice for the
      // locale instead, unless the setting happens to be an espeak-ng voice too.
      const espeakVoices = await renderer.voices().catch(() => []);
      const voice = espeakVoices.some((v) => v.id === settings.voice) ? settings.voice : undefined;
      await renderer.renderToWav(text, file, { ...settings, voice });
    },

    async voices() {
      const result = await run(
        { args: ['-L'], timeoutMs: VOICES_TIMEOUT_MS },
        { failure: 'spd-say could not list its voices' },
      );
      return parseSpdSayVoices(result.stdout);
    },
  };
}
