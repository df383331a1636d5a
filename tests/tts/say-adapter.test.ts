/** macOS `say`: pure argument construction, voice parsing, and the adapter run against a fake. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pickVoiceForLocale } from '../../src/main/tts/locale-voice.ts';
import { isNoveltySayVoice, parseSayVoices, sayArgs } from '../../src/main/tts/say-args.ts';
import { createSayEngine } from '../../src/main/tts/say-engine.ts';
import { installFakeTool } from './fake-tool.ts';
import type { FakeTool } from './fake-tool.ts';
import { readPcmWav } from './wav-reader.ts';

const VOICE_LIST = [
  'Albert              en_US    # Hello! My name is Albert.',
  'Alice               it_IT    # Ciao! Mi chiamo Alice.',
  'Amélie              fr_CA    # Bonjour! Je m’appelle Amélie.',
  'Bad News            en_US    # Hello! My name is Bad News.',
  'Daniel              en_GB    # Hello! My name is Daniel.',
  'Eddy (English (US)) en_US    # Hello! My name is Eddy.',
  'Samantha            en_US    # Hello! My name is Samantha.',
  'Thomas              fr_FR    # Bonjour, je m’appelle Thomas.',
  '',
].join('\n');

test('sayArgs reads the prompt from stdin and renders 16-bit PCM WAV', () => {
  assert.deepEqual(sayArgs({ rate: 175 }), ['-f', '-', '-r', '175']);
  assert.deepEqual(sayArgs({ rate: 250, voice: 'Eddy (English (US))' }), [
    '-f',
    '-',
    '-r',
    '250',
    '-v',
    'Eddy (English (US))',
  ]);
  assert.deepEqual(sayArgs({ rate: 175, output: '/tmp/out.wav' }), [
    '-f',
    '-',
    '-r',
    '175',
    '-o',
    '/tmp/out.wav',
    '--file-format=WAVE',
    '--data-format=LEI16@22050',
  ]);
  // A relative output is made absolute, so a file called "-x.wav" is never an option.
  const args = sayArgs({ rate: 175, output: '-x.wav' });
  assert.ok(args[args.indexOf('-o') + 1]!.startsWith('/'));
});

test('parseSayVoices reads names with spaces and parentheses, locales as BCP 47', () => {
  const voices = parseSayVoices(VOICE_LIST);
  assert.equal(voices.length, 8);
  assert.deepEqual(voices[5], {
    id: 'Eddy (English (US))',
    name: 'Eddy (English (US))',
    locale: 'en-US',
  });
  assert.deepEqual(voices[2], { id: 'Amélie', name: 'Amélie', locale: 'fr-CA' });
});

test('a voice for the locale: exact locale, else its language; never a novelty voice', () => {
  const voices = parseSayVoices(VOICE_LIST);
  const pick = (locale: string) => pickVoiceForLocale(voices, locale, isNoveltySayVoice)?.id;
  assert.equal(pick('en-US'), 'Eddy (English (US))');
  assert.equal(pick('en-GB'), 'Daniel');
  assert.equal(pick('fr-FR'), 'Thomas');
  assert.equal(pick('fr-BE'), 'Amélie');
  assert.equal(pick('de-DE'), undefined);
  assert.equal(pick('not a locale'), undefined);
});

describe('the say adapter, run against a fake say', () => {
  let fake: FakeTool;
  before(async () => (fake = await installFakeTool('say')));
  after(() => fake.remove());

  test('speaks the prompt via stdin with a voice for the locale', async () => {
    await fake.behave({ stdout: VOICE_LIST });
    const engine = createSayEngine({ executable: fake.path });
    const text = '-v Zarvox "; rm -rf ~ $(reboot)';
    await engine.speak(text, { locale: 'en-GB', rate: 200, signal: new AbortController().signal });
    const calls = await fake.calls();
    assert.deepEqual(calls[0]!.args, ['-v', '?']);
    assert.deepEqual(calls[1]!.args, ['-f', '-', '-r', '200', '-v', 'Daniel']);
    assert.equal(calls[1]!.stdin, text);
    assert.ok(calls[1]!.args.every((arg) => !arg.includes('rm -rf')));
  });

  test('renders through a temporary file renamed into place', async () => {
    await fake.behave({});
    const engine = createSayEngine({ executable: fake.path });
    const file = join(fake.dir, 'out.wav');
    await engine.renderToWav('Hello', file, { locale: 'xx', voice: 'Samantha' });
    const call = (await fake.calls()).at(-1)!;
    assert.deepEqual(call.args.slice(0, 6), ['-f', '-', '-r', '175', '-v', 'Samantha']);
    assert.match(call.args[7]!, /out\.wav\.\d+-[0-9a-f]+\.partial\.wav$/);
    assert.equal((await readPcmWav(file)).bitsPerSample, 16);
    assert.ok(!(await readdir(fake.dir)).some((name) => name.includes('partial')));
  });

  test('a failing say rejects with its stderr; an aborted one resolves and is killed', async () => {
    await fake.behave({ fail: 'Voice `Nobody` not found.' });
    const engine = createSayEngine({ executable: fake.path });
    await assert.rejects(
      engine.speak('Hi', {
        locale: 'en-US',
        voice: 'Nobody',
        signal: new AbortController().signal,
      }),
      /^Error: say could not speak \(exit code 1\): Voice `Nobody` not found\.$/,
    );

    await fake.behave({ sleepMs: 30_000 });
    const controller = new AbortController();
    const file = join(fake.dir, 'aborted.wav');
    const render = engine.renderToWav('Long', file, {
      locale: 'en-US',
      voice: 'Samantha',
      signal: controller.signal,
    });
    const { pid } = await fake.waitForCall((call) => call.stdin === 'Long');
    controller.abort();
    await render;
    assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' });
    assert.equal(existsSync(file), false);
    assert.ok(!(await readdir(fake.dir)).some((name) => name.includes('partial')));
  });
});
