/** Settings validation, locale parsing, text cleaning, and espeak-ng's pure helpers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  espeakArgs,
  espeakInput,
  parseEspeakVoices,
  pickEspeakVoice,
} from '../../src/main/tts/espeak-ng-args.ts';
import {
  checkVoiceId,
  cleanSpeechText,
  normalizeRate,
  parseLocale,
} from '../../src/main/tts/speech-settings.ts';
import { summarizeStderr } from '../../src/main/tts/speech-command.ts';

test('rate: default 175, clamped to 80-400, whole numbers', () => {
  assert.deepEqual(
    [undefined, Number.NaN, Infinity, 10, 80, 212.6, 400, 1e9].map(normalizeRate),
    [175, 175, 175, 80, 80, 213, 400, 400],
  );
});

test('voice ids: real ones pass, anything that could be an option or syntax does not', () => {
  for (const voice of ['en-us', 'gmw/en-US', 'en-us+f3', 'cmn-latn-pinyin']) {
    assert.equal(checkVoiceId(voice, 'espeak'), voice);
  }
  for (const voice of [
    'Eddy (English (US))',
    'Microsoft Zira Desktop',
    'Mónica',
    'Ting-Ting',
    "O'Brien",
  ]) {
    assert.equal(checkVoiceId(voice, 'named'), voice);
  }
  assert.equal(checkVoiceId(undefined, 'espeak'), undefined);
  assert.equal(checkVoiceId('', 'named'), undefined);
  for (const voice of ['-v', '--help', 'a b', 'en;x', '../x', 'a/../b', '$(x)', 'x\n', 'é']) {
    assert.throws(() => checkVoiceId(voice, 'espeak'), /Invalid voice id/, voice);
  }
  for (const voice of ['-v', ' lead', 'a;b', 'a"b', '$x', 'a`b', 'a\nb', 'x'.repeat(101)]) {
    assert.throws(() => checkVoiceId(voice, 'named'), /Invalid voice id/, voice);
  }
});

test('locales: language and region, anything else ignored', () => {
  assert.deepEqual(parseLocale('en-US'), { language: 'en', region: 'US' });
  assert.deepEqual(parseLocale('en_gb'), { language: 'en', region: 'GB' });
  assert.deepEqual(parseLocale('zh-Hans-CN'), { language: 'zh', region: 'CN' });
  assert.deepEqual(parseLocale('es-419'), { language: 'es', region: '419' });
  assert.deepEqual(parseLocale('fr'), { language: 'fr' });
  assert.equal(parseLocale('-v x'), undefined);
  assert.equal(parseLocale(''), undefined);
});

test('text: control characters become spaces, ends trimmed, the rest untouched', () => {
  assert.equal(cleanSpeechText(' a\u0000b\u0007c\u001bd\u009be\tf\ng😀 '), 'a b c d e\tf\ng😀');
});

test('espeakArgs: stdin, UTF-8, rate, voice, absolute output', () => {
  assert.deepEqual(espeakArgs({ rate: 175 }), ['--stdin', '-b', '1', '-s', '175']);
  const args = espeakArgs({ rate: 300, voice: 'en-gb', output: '-evil.wav' });
  assert.deepEqual(args.slice(0, 7), ['--stdin', '-b', '1', '-s', '300', '-v', 'en-gb']);
  assert.equal(args[7], '-w');
  assert.ok(args[8]!.startsWith('/') && args[8]!.endsWith('/-evil.wav'));
  assert.equal(espeakInput('Hi'), 'Hi\n');
});

const VOICES = parseEspeakVoices(
  [
    'Pty Language       Age/Gender VoiceName          File                 Other Languages',
    ' 5  cmn             --/M      Chinese_(Mandarin,_latin_as_English) sit/cmn              (zh-cmn 5)(zh 5)',
    ' 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)',
    ' 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)',
    ' 5  es-419          --/M      Spanish_(Latin_America) roa/es-419           (es-mx 6)',
    ' 5  fr-fr           --/M      French_(France)    roa/fr               (fr 5)',
    ' 5  variant         --/M      Storm              !v/Storm             (en-us 5)',
  ].join('\n'),
);

test('parseEspeakVoices: file as id, readable name, languages incl. "Other Languages"', () => {
  assert.equal(VOICES.length, 5);
  assert.deepEqual(VOICES[0], {
    id: 'sit/cmn',
    name: 'Chinese (Mandarin, latin as English)',
    locale: 'cmn',
    languages: ['cmn', 'zh-cmn', 'zh'],
  });
});

test('pickEspeakVoice: exact language, else the locale when the language is spoken', () => {
  assert.equal(pickEspeakVoice('en-US', VOICES), 'en-us');
  assert.equal(pickEspeakVoice('en-AU', VOICES), 'en-AU'.toLowerCase());
  assert.equal(pickEspeakVoice('zh-CN', VOICES), 'zh-cn');
  assert.equal(pickEspeakVoice('es-MX', VOICES), 'es-mx');
  assert.equal(pickEspeakVoice('fr', VOICES), 'fr');
  assert.equal(pickEspeakVoice('de-DE', VOICES), undefined);
  assert.equal(pickEspeakVoice('-v x', VOICES), undefined);
});

test('summarizeStderr condenses ALSA noise to its conclusion', () => {
  const stderr = [
    "ALSA lib confmisc.c:855:(parse_card) cannot find card '0'",
    'ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default',
    'error: No such file or directory',
    "ALSA lib confmisc.c:855:(parse_card) cannot find card '0'",
    'ALSA lib pcm.c:2666:(snd_pcm_open_noupdate) Unknown PCM default',
    'error: No such file or directory',
  ].join('\n');
  assert.equal(
    summarizeStderr(stderr),
    'error: No such file or directory; ALSA: Unknown PCM default',
  );
  assert.equal(summarizeStderr(''), '');
  assert.equal(summarizeStderr('x'.repeat(1000)).length, 300);
});
