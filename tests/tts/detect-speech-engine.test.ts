/** Engine detection per platform, and the PATH search behind it. */
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { detectSpeechEngine } from '../../src/main/tts/detect-speech-engine.ts';
import { findExecutableOnPath } from '../../src/main/tts/find-executable.ts';

/** A findExecutable that knows only `installed`. */
function only(installed: Record<string, string>) {
  const asked: string[] = [];
  const find = async (name: string) => {
    asked.push(name);
    return installed[name] ?? null;
  };
  return { find, asked };
}

test(
  'finds the real espeak-ng on this Linux machine',
  { skip: process.platform !== 'linux' },
  async () => {
    const espeak = await findExecutableOnPath('espeak-ng');
    assert.ok(espeak !== null && espeak.endsWith('/espeak-ng'), String(espeak));
    const engine = await detectSpeechEngine();
    const spdSay = await findExecutableOnPath('spd-say');
    assert.equal(engine?.id, spdSay === null ? 'espeak-ng' : 'spd-say');
  },
);

test('resolves null when nothing is installed', async () => {
  for (const platform of ['linux', 'darwin', 'win32', 'freebsd'] as const) {
    const { find } = only({});
    assert.equal(await detectSpeechEngine({ platform, findExecutable: find }), null, platform);
  }
});

test('picks say on macOS and SAPI (PowerShell) on Windows', async () => {
  const mac = only({ say: '/usr/bin/say', 'espeak-ng': '/opt/homebrew/bin/espeak-ng' });
  assert.equal(
    (await detectSpeechEngine({ platform: 'darwin', findExecutable: mac.find }))?.id,
    'say',
  );
  assert.deepEqual(mac.asked, ['say']);

  const win = only({
    'powershell.exe': 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  });
  assert.equal(
    (await detectSpeechEngine({ platform: 'win32', findExecutable: win.find }))?.id,
    'sapi',
  );
});

test('on Linux prefers spd-say for speaking, else espeak-ng', async () => {
  const both = only({ 'spd-say': '/usr/bin/spd-say', 'espeak-ng': '/usr/bin/espeak-ng' });
  assert.equal(
    (await detectSpeechEngine({ platform: 'linux', findExecutable: both.find }))?.id,
    'spd-say',
  );
  const espeakOnly = only({ 'espeak-ng': '/usr/bin/espeak-ng' });
  assert.equal(
    (await detectSpeechEngine({ platform: 'linux', findExecutable: espeakOnly.find }))?.id,
    'espeak-ng',
  );
});

test('spd-say without espeak-ng speaks but says clearly that it cannot render', async () => {
  const { find } = only({ 'spd-say': '/usr/bin/spd-say' });
  const engine = await detectSpeechEngine({ platform: 'linux', findExecutable: find });
  await assert.rejects(
    engine!.renderToWav('Hi', join(tmpdir(), 'never.wav'), { locale: 'en-US' }),
    /needs espeak-ng, which is not installed/,
  );
});

test('the PATH search skips relative and empty entries and non-executable files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tts-path-'));
  try {
    await writeFile(join(dir, 'tool'), '#!/bin/sh\n');
    await writeFile(join(dir, 'plain'), 'not executable');
    await chmod(join(dir, 'tool'), 0o755);
    await chmod(join(dir, 'plain'), 0o644);
    const env = { PATH: ['', '.', 'relative/bin', dir].join(':') };
    assert.equal(await findExecutableOnPath('tool', { env, platform: 'linux' }), join(dir, 'tool'));
    assert.equal(await findExecutableOnPath('plain', { env, platform: 'linux' }), null);
    assert.equal(await findExecutableOnPath('missing', { env, platform: 'linux' }), null);
    assert.equal(await findExecutableOnPath('', { env, platform: 'linux' }), null);
    // A path is checked as given, never searched for.
    assert.equal(await findExecutableOnPath(join(dir, 'tool'), { env: {} }), join(dir, 'tool'));
    assert.equal(await findExecutableOnPath('sub/tool', { env }), null);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('on Windows the search honours Path (any case) and PATHEXT', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tts-win-'));
  try {
    await writeFile(join(dir, 'powershell.EXE'), '');
    const env = { Path: `${dir};`, PATHEXT: '.COM;.EXE' };
    assert.equal(
      await findExecutableOnPath('powershell', { env, platform: 'win32' }),
      join(dir, 'powershell.EXE'),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
