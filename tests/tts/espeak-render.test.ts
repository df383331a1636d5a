/** Rendering prompts to WAV through the real espeak-ng: format, loudness, duration, rate, voice. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { findExecutableOnPath } from '../../src/main/tts/find-executable.ts';
import type { SpawnedSpeechProcess, SpeechEngine } from '../../src/main/tts/speech-engine.ts';
import { realEspeakEngine, skipWithoutEspeak } from './real-espeak.ts';
import { readPcmWav, voicedLevel } from './wav-reader.ts';

const SENTENCE = 'Thank you for calling. Please enter your account number now.';

const soxiPath = await findExecutableOnPath('sox');

describe('espeak-ng render to WAV', { skip: skipWithoutEspeak }, () => {
  let dir: string;
  let engine: SpeechEngine;
  const spawned: SpawnedSpeechProcess[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tts-render-'));
    engine = realEspeakEngine(spawned);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('a sentence renders as audible 16-bit PCM of plausible length', async () => {
    const file = join(dir, 'sentence.wav');
    await engine.renderToWav(SENTENCE, file, { locale: 'en-US' });
    const wav = await readPcmWav(file);
    assert.equal(wav.format, 1);
    assert.equal(wav.bitsPerSample, 16);
    assert.equal(wav.channels, 1);
    assert.equal(wav.sampleRate, 22050);
    // ~60 characters, 10 words at 175 wpm: about 3.5 s of speech.
    assert.ok(SENTENCE.length >= 55 && SENTENCE.length <= 65);
    assert.ok(
      wav.durationSeconds > 2 && wav.durationSeconds < 7,
      `duration ${wav.durationSeconds} s`,
    );
    const level = voicedLevel(wav);
    assert.ok(level.rmsDbfs > -40, `voiced RMS ${level.rmsDbfs.toFixed(1)} dBFS`);
    assert.ok(level.voicedShare > 0.4, `voiced share ${level.voicedShare.toFixed(2)}`);
    if (soxiPath !== null) {
      // An independent reader agrees with ours.
      const { stdout } = await promisify(execFile)(soxiPath, ['--i', '-D', file]);
      assert.ok(Math.abs(Number(stdout) - wav.durationSeconds) < 0.01, `sox says ${stdout}`);
    }
    // Nothing left next to it: the temporary file was renamed into place.
    assert.deepEqual(await readdir(dir), ['sentence.wav']);
  });

  test('doubling the rate shortens the prompt markedly', async () => {
    const slow = join(dir, 'slow.wav');
    const fast = join(dir, 'fast.wav');
    await engine.renderToWav(SENTENCE, slow, { locale: 'en-US', rate: 175 });
    await engine.renderToWav(SENTENCE, fast, { locale: 'en-US', rate: 350 });
    const ratio =
      (await readPcmWav(fast)).durationSeconds / (await readPcmWav(slow)).durationSeconds;
    assert.ok(ratio < 0.7, `350 wpm lasts ${ratio.toFixed(2)} of 175 wpm`);
  });

  test('rates outside 80-400 wpm are clamped, not passed through', async () => {
    spawned.length = 0;
    await engine.renderToWav('Fast.', join(dir, 'clamped.wav'), { locale: 'en-US', rate: 9000 });
    const render = spawned.find((c) => c.args.includes('-w'))!;
    assert.equal(render.args[render.args.indexOf('-s') + 1], '400');
  });

  test('the flow locale picks the voice when none is set; a set voice wins', async () => {
    spawned.length = 0;
    await engine.renderToWav('Bonjour.', join(dir, 'fr.wav'), { locale: 'fr-FR' });
    await engine.renderToWav('Hello.', join(dir, 'us.wav'), { locale: 'en-US' });
    await engine.renderToWav('Hello.', join(dir, 'gb.wav'), { locale: 'en-US', voice: 'en-gb' });
    await engine.renderToWav('Hello.', join(dir, 'xx.wav'), { locale: 'xx-YY' });
    const voices = spawned
      .filter((c) => c.args.includes('-w'))
      .map((c) => (c.args.includes('-v') ? c.args[c.args.indexOf('-v') + 1] : 'default'));
    assert.deepEqual(voices, ['fr-fr', 'en-us', 'en-gb', 'default']);
  });

  test('an unsafe voice id is refused before anything runs', async () => {
    spawned.length = 0;
    for (const voice of ['-w/etc/passwd', 'en; rm -rf ~', '../../etc/x', 'a b']) {
      await assert.rejects(
        engine.renderToWav('Hi.', join(dir, 'bad.wav'), { locale: 'en-US', voice }),
        /Invalid voice id/,
      );
    }
    assert.equal(spawned.length, 0);
    await assert.rejects(readPcmWav(join(dir, 'bad.wav')), { code: 'ENOENT' });
  });

  test('an unknown voice rejects with espeak-ng’s own message and leaves no file', async () => {
    await assert.rejects(
      engine.renderToWav('Hi.', join(dir, 'unknown.wav'), { locale: 'en-US', voice: 'zz-nope' }),
      /espeak-ng could not render the prompt \(exit code 1\): .*voice does not exist/,
    );
    assert.ok(!(await readdir(dir)).some((name) => name.startsWith('unknown')));
  });

  test('a missing folder rejects clearly although espeak-ng exits 0', async () => {
    await assert.rejects(
      engine.renderToWav('Hi.', join(dir, 'no', 'such', 'dir.wav'), { locale: 'en-US' }),
      /espeak-ng could not render the prompt: Can't write to/,
    );
  });

  test('an empty prompt renders a valid, empty WAV file', async () => {
    const file = join(dir, 'empty.wav');
    await engine.renderToWav('  \n ', file, { locale: 'en-US' });
    const wav = await readPcmWav(file);
    assert.equal(wav.samples.length, 0);
    assert.equal(wav.bitsPerSample, 16);
  });

  test('voices() lists espeak-ng voices with ids that -v accepts', async () => {
    const voices = await engine.voices();
    assert.ok(voices.length > 50, `${voices.length} voices`);
    const us = voices.find((v) => v.locale === 'en-us');
    assert.ok(us, 'an en-us voice');
    const file = join(dir, 'by-id.wav');
    await engine.renderToWav('Hello.', file, { locale: 'de-DE', voice: us.id });
    assert.ok((await readPcmWav(file)).durationSeconds > 0.2);
  });
});
