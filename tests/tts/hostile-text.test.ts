/**
 * Prompts written to break a command line are just spoken: they render through the real
 * espeak-ng without error, travel on stdin only, and never reach a shell.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SpawnedSpeechProcess, SpeechEngine } from '../../src/main/tts/speech-engine.ts';
import { espeakPath, realEspeakEngine, skipWithoutEspeak } from './real-espeak.ts';
import { readPcmWav } from './wav-reader.ts';

describe('hostile prompt text', { skip: skipWithoutEspeak }, () => {
  let dir: string;
  let marker: string;
  let engine: SpeechEngine;
  const spawned: SpawnedSpeechProcess[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tts-hostile-'));
    marker = join(dir, 'PWNED');
    engine = realEspeakEngine(spawned);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const prompts = (): Record<string, string> => ({
    'option-like': '-v x',
    'long option': '--help',
    'write option': `-w ${marker}`,
    'quote and rm': '"; rm -rf /',
    'command substitution': `$(touch ${marker}) \`touch ${marker}\``,
    'separators and pipes': `'; touch ${marker} | touch ${marker} && touch ${marker} #`,
    newlines: `first line\n-v de\n\n; touch ${marker}\r\nlast line`,
    'printf format': '%s%s%s%n%x',
    'SSML-like': '<speak><audio src="file:///etc/passwd"/></speak>',
    'control characters': 'bell\u0007 escape\u001b[31m nul\u0000 del\u007f end',
    'five thousand characters': 'Press one for sales. '.repeat(250).slice(0, 5000),
    emoji: 'Thanks 😀👍🏽 — see you 🇬🇧 soon 👨‍👩‍👧',
    'right-to-left and combining': 'שלום e\u0301\u0301 مرحبا',
  });

  for (const [label, text] of Object.entries(prompts())) {
    test(`${label}: renders to a WAV file, text only on stdin`, async () => {
      spawned.length = 0;
      const file = join(dir, `${label.replace(/\W+/g, '-')}.wav`);
      await engine.renderToWav(text, file, { locale: 'en-US' });
      const wav = await readPcmWav(file);
      assert.equal(wav.bitsPerSample, 16);
      assert.ok(wav.durationSeconds > 0.1, `${wav.durationSeconds} s`);

      const render = spawned.filter((c) => c.args.includes('-w'));
      assert.equal(render.length, 1);
      assert.equal(render[0]!.command, espeakPath, 'espeak-ng itself, not a shell');
      assert.ok(render[0]!.args.includes('--stdin'));
      // Only our own options: the prompt (or any line of it) is never an argument.
      for (const arg of render[0]!.args) {
        assert.match(arg, /^(?:--stdin|-b|-s|-v|-w|1|\d+|en-us|\/.+\.partial\.wav)$/, arg);
      }
      assert.equal(existsSync(marker), false, 'no shell ran the text');
    });
  }

  test('the text length is what was rendered (the 5,000 characters were all spoken)', async () => {
    const short = join(dir, 'short.wav');
    const long = join(dir, 'long.wav');
    await engine.renderToWav('Press one for sales. '.repeat(10), short, { locale: 'en-US' });
    await engine.renderToWav('Press one for sales. '.repeat(250), long, { locale: 'en-US' });
    const ratio =
      (await readPcmWav(long)).durationSeconds / (await readPcmWav(short)).durationSeconds;
    assert.ok(ratio > 20 && ratio < 30, `25x the text lasts ${ratio.toFixed(1)}x as long`);
  });

  test('no marker file and no stray files appeared', async () => {
    assert.equal(existsSync(marker), false);
    assert.ok(
      (await readdir(dir)).every((name) => name.endsWith('.wav') && !name.includes('partial')),
    );
  });
});
