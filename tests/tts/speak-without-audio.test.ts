/**
 * `speak()` through the real espeak-ng without an audio device. The engine's processes get an
 * environment with no sound server, no ALSA device and no OSS device (NO_AUDIO_ENV), so this runs
 * the same with or without PulseAudio/PipeWire on the machine. There espeak-ng prints ALSA errors
 * and `error: No such file or directory` but exits 0; the adapter must turn that into a clear
 * rejection, and the OS speaker into one notice.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createOsSpeaker } from '../../src/main/tts/os-speaker.ts';
import { NO_AUDIO_ENV } from './no-audio-env.ts';
import { realEspeakEngine, skipWithoutEspeak } from './real-espeak.ts';

describe(
  'speaking without an audio device',
  {
    skip:
      skipWithoutEspeak ||
      (process.platform !== 'linux' && 'the no-audio environment is made for Linux sound stacks'),
  },
  () => {
    const engine = () => realEspeakEngine(undefined, { ...NO_AUDIO_ENV });

    test('espeak-ng speak() rejects with a clear message', async () => {
      await assert.rejects(
        engine().speak('Welcome to the test line.', {
          locale: 'en-US',
          signal: new AbortController().signal,
        }),
        (error: Error) => {
          assert.match(
            error.message,
            /^espeak-ng could not play audio \(is there an audio output device\?\)/,
          );
          // The ALSA dump is condensed to its conclusion.
          assert.match(error.message, /ALSA: Unknown PCM default/);
          assert.ok(error.message.length <= 400, error.message);
          return true;
        },
      );
    });

    test('the OS speaker resolves every prompt and reports the failure once', async () => {
      const errors: Error[] = [];
      const speaker = createOsSpeaker(
        engine(),
        () => ({ rate: 200 }),
        (e) => errors.push(e),
      );
      const signal = new AbortController().signal;
      await speaker.speak('First prompt.', { signal, locale: 'en-US' });
      await speaker.speak('Second prompt.', { signal, locale: 'en-US' });
      await speaker.speak('Third prompt.', { signal, locale: 'fr-FR' });
      assert.equal(errors.length, 1);
      assert.match(errors[0]!.message, /could not play audio/);
    });
  },
);
