/**
 * `speak()` through the real espeak-ng on a machine without an audio device (this sandbox, CI).
 * There espeak-ng prints ALSA errors and `error: No such file or directory` but exits 0 at once;
 * the adapter must turn that into a clear rejection, and the OS speaker into one notice.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { createOsSpeaker } from '../../src/main/tts/os-speaker.ts';
import { realEspeakEngine, skipWithoutEspeak } from './real-espeak.ts';

/** No ALSA card and no PulseAudio/PipeWire server to reach: nothing can play. */
function hasNoAudioDevice(): boolean {
  const runtime = process.env.XDG_RUNTIME_DIR;
  const pulse =
    process.env.PULSE_SERVER !== undefined ||
    (runtime !== undefined && existsSync(`${runtime}/pulse/native`));
  return process.platform === 'linux' && !existsSync('/dev/snd') && !pulse;
}

describe(
  'speaking without an audio device',
  {
    skip: skipWithoutEspeak || (!hasNoAudioDevice() && 'this machine has an audio device'),
  },
  () => {
    const engine = () => realEspeakEngine();

    test('espeak-ng speak() rejects with a clear message, promptly', async () => {
      const started = performance.now();
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
      assert.ok(performance.now() - started < 2000);
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
