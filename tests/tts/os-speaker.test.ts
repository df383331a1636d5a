/** createOsSpeaker with stand-in engines: failures never break a call and are reported once. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOsSpeaker } from '../../src/main/tts/os-speaker.ts';
import type {
  SpeakSettings,
  SpeechEngine,
  SpeechSettings,
} from '../../src/main/tts/speech-engine.ts';

function fakeEngine(speak: (text: string, settings: SpeakSettings) => Promise<void>): SpeechEngine {
  return {
    id: 'espeak-ng',
    speak,
    renderToWav: () => Promise.reject(new Error('unused')),
    voices: () => Promise.resolve([]),
  };
}

const options = () => ({ signal: new AbortController().signal, locale: 'en-GB' });

test('passes the current settings, the locale and the signal with every prompt', async () => {
  const seen: SpeakSettings[] = [];
  let settings: SpeechSettings = { voice: 'en-gb', rate: 150 };
  const speaker = createOsSpeaker(
    fakeEngine(async (_text, s) => void seen.push(s)),
    () => settings,
  );
  const first = options();
  await speaker.speak('One', first);
  settings = { rate: 300 };
  await speaker.speak('Two', options());
  assert.equal(seen[0]!.signal, first.signal);
  assert.deepEqual(
    seen.map(({ voice, rate, locale }) => ({ voice, rate, locale })),
    [
      { voice: 'en-gb', rate: 150, locale: 'en-GB' },
      { voice: undefined, rate: 300, locale: 'en-GB' },
    ],
  );
});

test('a rejecting engine resolves the prompt and reports once per distinct failure', async () => {
  let failure = 'no audio device';
  let fail = true;
  const errors: string[] = [];
  const speaker = createOsSpeaker(
    fakeEngine(async () => {
      if (fail) throw new Error(failure);
    }),
    () => ({}),
    (error) => errors.push(error.message),
  );
  await speaker.speak('a', options());
  await speaker.speak('b', options());
  assert.deepEqual(errors, ['no audio device']);
  failure = 'Invalid voice id "x;y"';
  await speaker.speak('c', options());
  assert.deepEqual(errors, ['no audio device', 'Invalid voice id "x;y"']);
  // Working again, then broken again: worth a new notice.
  fail = false;
  await speaker.speak('d', options());
  fail = true;
  await speaker.speak('e', options());
  assert.equal(errors.length, 3);
});

test('non-Error rejections, throwing settings and a throwing reporter are all contained', async () => {
  const errors: Error[] = [];
  const odd = createOsSpeaker(
    fakeEngine(() => Promise.reject('plain string')),
    () => ({}),
    (error) => errors.push(error),
  );
  await odd.speak('x', options());
  assert.ok(errors[0] instanceof Error);
  assert.equal(errors[0].message, 'plain string');

  const badSettings = createOsSpeaker(
    fakeEngine(() => Promise.resolve()),
    () => {
      throw new Error('settings unreadable');
    },
    (error) => errors.push(error),
  );
  await badSettings.speak('x', options());
  assert.equal(errors[1]!.message, 'settings unreadable');

  const badReporter = createOsSpeaker(
    fakeEngine(() => Promise.reject(new Error('boom'))),
    () => ({}),
    () => {
      throw new Error('reporter broke');
    },
  );
  await badReporter.speak('x', options()); // resolves
  await createOsSpeaker(
    fakeEngine(() => Promise.reject(new Error('boom'))),
    () => ({}),
  ).speak('no reporter at all', options());
});

test('waits for the engine: an aborted prompt resolves when the engine does', async () => {
  const controller = new AbortController();
  let finished = false;
  const speaker = createOsSpeaker(
    fakeEngine(
      (_text, { signal }) =>
        new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
    ),
    () => ({}),
  );
  const prompt = speaker.speak('long', { signal: controller.signal, locale: 'en-US' }).then(() => {
    finished = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(finished, false);
  controller.abort();
  await prompt;
  assert.equal(finished, true);
});

test('a failed prompt goes to the fallback (every time, not only when reported); a working one does not', async () => {
  const fallbackGot: string[] = [];
  const fallback = { speak: async (text: string) => void fallbackGot.push(text) };
  let fail = true;
  const speaker = createOsSpeaker(
    fakeEngine(async () => {
      if (fail) throw new Error('no audio device');
    }),
    () => ({}),
    () => {},
    fallback,
  );
  await speaker.speak('One', options());
  await speaker.speak('Two', options());
  fail = false;
  await speaker.speak('Three', options());
  assert.deepEqual(fallbackGot, ['One', 'Two']);
  const aborted = new AbortController();
  aborted.abort();
  fail = true;
  await speaker.speak('Four', { signal: aborted.signal, locale: 'en' });
  assert.deepEqual(fallbackGot, ['One', 'Two'], 'a prompt cut short is not replayed');
});
