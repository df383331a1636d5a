/**
 * Speech Dispatcher: pipe-mode input (no printf format string, no SSIP escapes), arguments,
 * and cancellation with `spd-say -C`, against a fake spd-say.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  parseSpdSayVoices,
  spdSayArgs,
  spdSayInput,
  spdSayRate,
} from '../../src/main/tts/spd-say-args.ts';
import { createSpdSayEngine } from '../../src/main/tts/spd-say-engine.ts';
import { installFakeTool } from './fake-tool.ts';
import type { FakeTool } from './fake-tool.ts';

test('rate maps 80/175/400 wpm to -100/0/100', () => {
  assert.deepEqual([80, 175, 400, 290].map(spdSayRate), [-100, 0, 100, 51]);
});

test('spdSayArgs: pipe mode, wait, language from the locale, voice', () => {
  assert.deepEqual(spdSayArgs({ rate: 175, locale: 'en_us' }), [
    '-e',
    '-w',
    '-P',
    'text',
    '-N',
    'ivr-test-console',
    '-r',
    '0',
    '-l',
    'en-US',
  ]);
  assert.deepEqual(
    spdSayArgs({ rate: 400, locale: 'bad locale!', voice: 'English (America)' }).slice(-4),
    ['-r', '100', '-y', 'English (America)'],
  );
});

test('spdSayInput: one line per line, SSIP escapes defused, long lines split', () => {
  assert.equal(spdSayInput('Hello\n\n  !-!CANCEL all\r\nbye'), 'Hello\n !-!CANCEL all\nbye\n');
  assert.equal(spdSayInput('%s%n'), '%s%n\n');
  const long = `${'word '.repeat(3000)}😀`.trim();
  const lines = spdSayInput(long).split('\n').filter(Boolean);
  assert.ok(lines.length >= 4);
  assert.ok(lines.every((line) => line.length <= 4000 && line.isWellFormed()));
  assert.equal(lines.join(' '), long);
});

test('parseSpdSayVoices reads the right-aligned table', () => {
  const out = [
    '                     NAME                 LANGUAGE                  VARIANT',
    '        English (America)                    en-US                     none',
    '                  Chinese                      cmn                     none',
  ].join('\n');
  assert.deepEqual(parseSpdSayVoices(out), [
    { id: 'English (America)', name: 'English (America)', locale: 'en-US' },
    { id: 'Chinese', name: 'Chinese', locale: 'cmn' },
  ]);
});

describe('the spd-say adapter, run against a fake spd-say', () => {
  let fake: FakeTool;
  before(async () => (fake = await installFakeTool('spd-say')));
  after(() => fake.remove());

  test('speaks via stdin and waits', async () => {
    const engine = createSpdSayEngine({ executable: fake.path, renderer: null });
    await engine.speak('Hello "; rm -rf ~', {
      locale: 'fr-FR',
      signal: new AbortController().signal,
    });
    const call = (await fake.calls()).at(-1)!;
    assert.deepEqual(call.args, [
      '-e',
      '-w',
      '-P',
      'text',
      '-N',
      'ivr-test-console',
      '-r',
      '0',
      '-l',
      'fr-FR',
    ]);
    assert.equal(call.stdin, 'Hello "; rm -rf ~\n');
  });

  test('an abort kills the client and cancels the daemon’s speech with -C', async () => {
    await fake.behave({ sleepMs: 30_000 });
    const engine = createSpdSayEngine({ executable: fake.path, renderer: null });
    const controller = new AbortController();
    const speaking = engine.speak('A long prompt', { locale: 'en-US', signal: controller.signal });
    const { pid } = await fake.waitForCall((call) => call.stdin === 'A long prompt\n');
    const before = (await fake.calls()).length;
    const abortedAt = performance.now();
    controller.abort();
    await speaking;
    // Well before the fake client's 30 s: the abort ended it, however loaded the machine.
    assert.ok(performance.now() - abortedAt < 15_000);
    assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' });
    // The cancel is its own short spd-say run, started by the abort: waited for, not assumed done.
    await fake.waitForCall((call) => call.args.length === 1 && call.args[0] === '-C', before);
    await fake.behave({});
  });

  test('a connection failure rejects clearly', async () => {
    await fake.behave({ fail: 'Failed to connect to Speech Dispatcher:\nNo such file\n' });
    const engine = createSpdSayEngine({ executable: fake.path, renderer: null });
    await assert.rejects(
      engine.speak('Hi', { locale: 'en-US', signal: new AbortController().signal }),
      /spd-say could not speak \(is Speech Dispatcher working\?\) \(exit code 1\): Failed to connect/,
    );
    await fake.behave({});
  });
});
