/**
 * Recorded prompts (../shared/spec/FLOW.md, "Recorded prompts"): the length read from the
 * file, the engine playing it for that long on the clock with `say` as its caption, barge-in
 * cutting it, and a validation error at `/nodes/<id>/audio` for every file that cannot be played.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { probeRecording } from '../../src/main/flows/recording-length.ts';
import { runCliInProcess } from '../helpers/cli-in-process.ts';
import { makeFlow, runScripted, settle, startCall, T0 } from '../helpers/engine-harness.ts';
import { ROOT } from '../helpers/project-root.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { writeWav } from '../helpers/wav-file.ts';

const FIXTURES = join(ROOT, 'tests/flow/fixtures/recordings');

describe('the length of a recording, read from the file', () => {
  const dir = tempDir('ivr-recordings-');

  test('a WAV: data bytes over bytes per second, whatever the layout', async () => {
    const plain = join(dir, 'plain.wav');
    writeWav(plain, 1500);
    assert.deepEqual(await probeRecording(plain), { ok: true, format: 'wav', durationMs: 1500 });

    // Recorders put tags (LIST) and padding chunks of odd length before the samples.
    const tagged = join(dir, 'tagged.wav');
    writeWav(tagged, 750, {
      extraChunks: [
        { id: 'LIST', body: Buffer.from('INFOISFT\u0005\u0000\u0000\u0000sox!\u0000', 'latin1') },
        { id: 'junk', body: Buffer.alloc(3) },
      ],
    });
    assert.deepEqual(await probeRecording(tagged), { ok: true, format: 'wav', durationMs: 750 });

    const stereo = join(dir, 'stereo.wav');
    writeWav(stereo, 250, { sampleRate: 44_100, channels: 2 });
    assert.deepEqual(await probeRecording(stereo), { ok: true, format: 'wav', durationMs: 250 });

    // A recorder that never went back to write the sizes: the bytes that are there count.
    const streaming = join(dir, 'streaming.wav');
    writeWav(streaming, 1000, { claimedDataBytes: 0xffffffff });
    assert.deepEqual(await probeRecording(streaming), {
      ok: true,
      format: 'wav',
      durationMs: 1000,
    });
  });

  test('an Ogg Vorbis and an MP3 (no Xing header: every frame counted)', async () => {
    assert.deepEqual(await probeRecording(join(FIXTURES, 'tone-1200ms.ogg')), {
      ok: true,
      format: 'ogg',
      durationMs: 1200,
    });
    const mp3 = await probeRecording(join(FIXTURES, 'tone-2000ms.mp3'));
    assert.ok(mp3.ok && mp3.format === 'mp3', JSON.stringify(mp3));
    // 2 s of samples, plus the encoder's delay and its last partial frame (36 ms each at 16 kHz).
    assert.ok(mp3.durationMs >= 2000 && mp3.durationMs <= 2150, `${mp3.durationMs} ms`);
  });

  test('what cannot be played says why, and is left as it was', async () => {
    const missing = join(dir, 'missing.wav');
    assert.deepEqual(await probeRecording(missing), {
      ok: false,
      code: 'audio-missing',
      problem: 'no such file',
    });
    const folder = join(dir, 'folder.wav');
    mkdirSync(folder);
    assert.deepEqual(await probeRecording(folder), {
      ok: false,
      code: 'audio-unreadable',
      problem: 'is a folder, not a recording',
    });

    const cases: [string, Buffer, string][] = [
      ['empty.wav', Buffer.alloc(0), 'is empty'],
      [
        'notes.wav',
        Buffer.from('Welcome to Example Telecom.\n'),
        'is not a WAV, MP3 or Ogg recording',
      ],
      [
        'no-format.wav',
        Buffer.concat([Buffer.from('RIFF\u0004\u0000\u0000\u0000WAVE', 'latin1')]),
        'is a WAV file without a format chunk',
      ],
    ];
    for (const [name, bytes, problem] of cases) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      assert.deepEqual(await probeRecording(path), { ok: false, code: 'not-audio', problem }, name);
      assert.deepEqual(readFileSync(path), bytes, `${name} is left byte for byte`);
    }

    // An MP3 frame sync followed by garbage: refused, not thrown.
    const broken = join(dir, 'broken.mp3');
    writeFileSync(
      broken,
      Buffer.concat([Buffer.from([0xff, 0xfb, 0x00, 0x00]), Buffer.alloc(64, 7)]),
    );
    const probe = await probeRecording(broken);
    assert.equal(probe.ok, false, JSON.stringify(probe));
  });
});

describe('the engine plays a recording for its length', () => {
  const recordings = new Map([['prompts/welcome.wav', 1500]]);

  test('the clock moves by the recording, `say` is the caption, absent it the path is', async () => {
    const flow = makeFlow({
      welcome: {
        type: 'play',
        say: 'Welcome.',
        audio: 'prompts/welcome.wav',
        next: 'bye',
      },
      bye: { type: 'hangup', audio: 'prompts/welcome.wav' },
    });
    const { result, of, clock } = await runScripted(flow, '', { recordings });
    assert.deepEqual(result.spoken, ['Welcome.', '[audio prompts/welcome.wav]']);
    assert.deepEqual(
      of('prompt_started').map((e) => [e.node, e.text, e.audio]),
      [
        ['welcome', 'Welcome.', 'prompts/welcome.wav'],
        ['bye', '[audio prompts/welcome.wav]', 'prompts/welcome.wav'],
      ],
    );
    assert.equal(result.durationMs, 3000);
    assert.equal(clock.now(), T0 + 3000);
  });

  test('a key press cuts the recording (barge-in) and counts as input', async () => {
    const flow = makeFlow({
      ask: {
        type: 'getDigits',
        say: 'Your account number.',
        audio: 'prompts/welcome.wav',
        variable: 'account',
        maxDigits: 1,
        next: 'bye',
      },
      bye: { type: 'hangup' },
    });
    const h = startCall(flow, { recordings });
    await settle();
    h.clock.advance(400);
    await settle();
    h.call.pressKey('7');
    await settle();
    h.clock.advance(10_000);
    const result = await h.done;
    assert.deepEqual(
      h.of('prompt_ended').map((e) => e.interrupted),
      [true],
    );
    assert.equal(result.variables['account'], '7');
  });

  test('a readBack plays its recording, then speaks the value', async () => {
    const flow = makeFlow({
      read: {
        type: 'readBack',
        say: 'Your balance is',
        audio: 'prompts/welcome.wav',
        value: '42',
        next: 'bye',
      },
      bye: { type: 'hangup' },
    });
    const { of } = await runScripted(flow, '', { recordings });
    assert.deepEqual(
      of('prompt_started').map((e) => [e.text, e.audio ?? null]),
      [
        ['Your balance is', 'prompts/welcome.wav'],
        ['42', null],
      ],
    );
  });

  test('a recording that was not loaded: a warning, and the caption is spoken', async () => {
    const flow = makeFlow({
      welcome: { type: 'play', say: 'Welcome.', audio: 'prompts/gone.wav', next: 'bye' },
      bye: { type: 'hangup' },
    });
    const { result, of } = await runScripted(flow, '', { recordings });
    assert.deepEqual(result.spoken, ['Welcome.']);
    assert.equal(of('prompt_started')[0]!.audio, undefined);
    assert.deepEqual(result.warnings, [
      '/nodes/welcome/audio: recording "prompts/gone.wav" was not loaded; its caption is spoken instead',
    ]);
  });
});

describe('recorded prompts through the CLI', () => {
  test('validate: every recording that cannot be played is an error at /nodes/<id>/audio', async () => {
    const dir = tempDir('ivr-recordings-');
    mkdirSync(join(dir, 'prompts'));
    writeWav(join(dir, 'prompts/ok.wav'), 500);
    mkdirSync(join(dir, 'prompts/folder.wav'));
    writeFileSync(join(dir, 'prompts/notes.wav'), 'not audio\n');
    const flow = {
      id: 'prompts',
      name: 'Prompts',
      start: 'a',
      nodes: {
        a: { type: 'play', audio: 'prompts/missing.wav', next: 'b' },
        b: { type: 'menu', audio: 'prompts/folder.wav', options: { '1': 'c' }, onFail: 'c' },
        c: { type: 'play', say: 'Hello', audio: 'prompts/notes.wav', next: 'd' },
        d: { type: 'play', next: 'e' },
        e: { type: 'hangup', audio: 'prompts/ok.wav' },
      },
    };
    writeFileSync(join(dir, 'flow.json'), JSON.stringify(flow, null, 2));
    const run = await runCliInProcess(['validate', 'flow.json', '--json'], {}, { cwd: dir });
    assert.equal(run.code, 1, run.stderr);
    const [verdict] = JSON.parse(run.stdout) as {
      ok: boolean;
      problems: { pointer: string; code: string; message: string }[];
    }[];
    assert.equal(verdict!.ok, false);
    assert.deepEqual(
      verdict!.problems.map((p) => [p.pointer, p.code]),
      [
        ['/nodes/d/say', 'missing-prompt'],
        ['/nodes/a/audio', 'audio-missing'],
        ['/nodes/b/audio', 'audio-unreadable'],
        ['/nodes/c/audio', 'not-audio'],
      ],
    );
    const missing = verdict!.problems.find((p) => p.pointer === '/nodes/a/audio')!;
    assert.equal(
      missing.message,
      `recording "prompts/missing.wav" (${join(dir, 'prompts/missing.wav')}): no such file`,
    );
  });

  test('run: a 1.5 s WAV moves the virtual clock by 1.5 s; spoken reports the caption', async () => {
    const dir = tempDir('ivr-recordings-');
    mkdirSync(join(dir, 'prompts'));
    writeWav(join(dir, 'prompts/welcome.wav'), 1500);
    const flow = {
      id: 'recorded',
      name: 'Recorded',
      start: 'welcome',
      nodes: {
        welcome: {
          type: 'play',
          say: 'Welcome to Example Telecom.',
          audio: 'prompts/welcome.wav',
          next: 'bye',
        },
        bye: { type: 'hangup' },
      },
    };
    writeFileSync(join(dir, 'flow.json'), JSON.stringify(flow, null, 2));
    const run = await runCliInProcess(['run', 'flow.json', '--json', '--no-log'], {}, { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout) as { spoken: string[]; durationMs: number };
    assert.deepEqual(doc.spoken, ['Welcome to Example Telecom.']);
    assert.equal(doc.durationMs, 1500);
  });

  test('the sample with recorded prompts is valid and plays them', async () => {
    const run = await runCliInProcess([
      'run',
      'resources/flows/personalised-menu.json',
      '--demo-crm',
      '--no-log',
      '--source',
      '+15550001111',
      '--dtmf',
      '999',
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout + run.stderr,
      /play prompts\/welcome\.wav "Welcome to Example Telecom\."/,
    );
    assert.match(
      run.stdout + run.stderr,
      /play prompts\/goodbye\.wav "Thank you for calling\. Goodbye\."/,
    );
  });
});
