/**
 * Windows SAPI: the PowerShell script is a constant and every input travels in environment
 * variables; the adapter is run against a fake powershell.exe.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createSapiEngine } from '../../src/main/tts/sapi-engine.ts';
import {
  POWERSHELL_ARGS,
  parseSapiVoices,
  sapiEnv,
  sapiRate,
  sapiScript,
} from '../../src/main/tts/sapi-script.ts';
import type { SapiMode } from '../../src/main/tts/sapi-script.ts';
import { installFakeTool } from './fake-tool.ts';
import type { FakeTool } from './fake-tool.ts';
import { readPcmWav } from './wav-reader.ts';

const HOSTILE = `'; Remove-Item -Recurse C:\\ ; "$(Stop-Computer)" \`n -Command x`;

test('wpm maps to SAPI rate -10..10 geometrically around 175 wpm', () => {
  assert.equal(sapiRate(175), 0);
  assert.equal(sapiRate(80), -7);
  assert.equal(sapiRate(350), 6);
  assert.equal(sapiRate(400), 8);
  assert.equal(sapiRate(10_000), 10);
  assert.equal(sapiRate(1), -10);
  for (let wpm = 80; wpm < 400; wpm += 10) assert.ok(sapiRate(wpm) <= sapiRate(wpm + 10));
});

test('the script is one constant line per mode, reading its inputs from the environment', () => {
  const modes: SapiMode[] = ['speak', 'render', 'voices'];
  for (const mode of modes) {
    const script = sapiScript(mode);
    assert.equal(script, sapiScript(mode));
    assert.ok(script.endsWith('\r\n'));
    assert.equal(script.trimEnd().split(/\r?\n/).length, 1, 'one line');
    assert.match(script, /Add-Type -AssemblyName System\.Speech/);
    assert.match(script, /\[Console\]::Error\.WriteLine\('SAPI: '/);
  }
  assert.match(sapiScript('speak'), /SetOutputToDefaultAudioDevice\(\); \$s\.Speak\(\$t\)/);
  assert.match(sapiScript('speak'), /\$s\.SelectVoice\(\$env:IVR_TTS_VOICE\)/);
  assert.match(sapiScript('speak'), /\$s\.Rate = \[int\]\$env:IVR_TTS_RATE/);
  assert.match(sapiScript('render'), /SetOutputToWaveFile\(\$env:IVR_TTS_OUTPUT, \$f\)/);
  assert.match(sapiScript('render'), /AudioBitsPerSample\]::Sixteen/);
  assert.match(sapiScript('voices'), /GetInstalledVoices\(\)/);
  assert.deepEqual(POWERSHELL_ARGS, ['-NoProfile', '-NonInteractive', '-Command', '-']);
});

test('sapiEnv carries the prompt, voice, rate, locale and output, never in the script', () => {
  const env = sapiEnv({
    text: HOSTILE,
    voice: 'Microsoft Zira Desktop',
    rate: 350,
    locale: 'en_us',
    output: 'out.wav',
  });
  assert.equal(env.IVR_TTS_TEXT_COUNT, '1');
  assert.equal(env.IVR_TTS_TEXT_0, HOSTILE);
  assert.equal(env.IVR_TTS_VOICE, 'Microsoft Zira Desktop');
  assert.equal(env.IVR_TTS_RATE, '6');
  assert.equal(env.IVR_TTS_LOCALE, 'en-US');
  assert.ok(env.IVR_TTS_OUTPUT!.endsWith('out.wav') && env.IVR_TTS_OUTPUT !== 'out.wav');
  for (const mode of ['speak', 'render'] as const)
    assert.ok(!sapiScript(mode).includes('Remove-Item'));
  // Unused inputs are set empty, so stale values inherited from the parent cannot leak in.
  assert.deepEqual(sapiEnv({}), {
    IVR_TTS_TEXT_COUNT: '0',
    IVR_TTS_VOICE: '',
    IVR_TTS_RATE: '0',
    IVR_TTS_LOCALE: '',
    IVR_TTS_OUTPUT: '',
  });
});

test('a long prompt is split over variables without breaking a surrogate pair', () => {
  const text = `${'a'.repeat(7999)}😀${'b'.repeat(10_000)}`;
  const env = sapiEnv({ text });
  const count = Number(env.IVR_TTS_TEXT_COUNT);
  assert.equal(count, 3);
  const parts = Array.from({ length: count }, (_, i) => env[`IVR_TTS_TEXT_${i}`]!);
  assert.equal(parts.join(''), text);
  assert.ok(parts.every((part) => part.length <= 8000 && part.isWellFormed()));
});

test('parseSapiVoices reads name<TAB>culture lines, ignoring noise and a BOM', () => {
  assert.deepEqual(
    parseSapiVoices(
      '\uFEFFMicrosoft David Desktop\ten-US\r\nMicrosoft Hedda Desktop\tde-DE\r\nnoise\r\n',
    ),
    [
      { id: 'Microsoft David Desktop', name: 'Microsoft David Desktop', locale: 'en-US' },
      { id: 'Microsoft Hedda Desktop', name: 'Microsoft Hedda Desktop', locale: 'de-DE' },
    ],
  );
});

describe('the SAPI adapter, run against a fake powershell.exe', () => {
  let fake: FakeTool;
  before(async () => (fake = await installFakeTool('powershell.exe')));
  after(() => fake.remove());

  test('speak: constant args and script, prompt only in the environment', async () => {
    const engine = createSapiEngine({ executable: fake.path });
    await engine.speak(HOSTILE, { locale: 'de-DE', signal: new AbortController().signal });
    const call = (await fake.calls()).at(-1)!;
    assert.deepEqual(call.args, POWERSHELL_ARGS);
    assert.equal(call.stdin, sapiScript('speak'));
    assert.equal(call.env.IVR_TTS_TEXT_0, HOSTILE);
    assert.equal(call.env.IVR_TTS_LOCALE, 'de-DE');
    assert.equal(call.env.IVR_TTS_VOICE, '');
  });

  test('render: writes through a temporary file; a voice with a quote is refused', async () => {
    const engine = createSapiEngine({ executable: fake.path });
    const file = join(fake.dir, 'sapi.wav');
    await engine.renderToWav('Hello', file, { locale: 'en-US', voice: 'Microsoft Zira Desktop' });
    const call = (await fake.calls()).at(-1)!;
    assert.equal(call.stdin, sapiScript('render'));
    assert.match(call.env.IVR_TTS_OUTPUT!, /sapi\.wav\.\d+-[0-9a-f]+\.partial\.wav$/);
    assert.equal((await readPcmWav(file)).channels, 1);
    await assert.rejects(
      engine.renderToWav('Hi', file, { locale: 'en-US', voice: "Zira'); Stop-Computer; ('" }),
      /Invalid voice id/,
    );
  });

  test('a SAPI error (no audio device) rejects with its message', async () => {
    await fake.behave({ fail: 'SAPI: No audio device is installed.\r\n' });
    const engine = createSapiEngine({ executable: fake.path });
    await assert.rejects(
      engine.speak('Hi', { locale: 'en-US', signal: new AbortController().signal }),
      /^Error: Windows speech \(SAPI\) could not speak \(exit code 1\): SAPI: No audio device is installed\.$/,
    );
    await fake.behave({ stdout: 'Microsoft Zira Desktop\ten-US\r\n' });
    assert.deepEqual(await engine.voices(), [
      { id: 'Microsoft Zira Desktop', name: 'Microsoft Zira Desktop', locale: 'en-US' },
    ]);
    await fake.behave({});
  });
});
