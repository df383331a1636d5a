/**
 * Cancellation: an aborted prompt settles promptly, its process is gone, a partial WAV is
 * removed, and nothing (listeners, rejections, processes) is left behind.
 */
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runSpeechProcess } from '../../src/main/tts/run-speech-process.ts';
import type { SpawnedSpeechProcess, SpeechEngine } from '../../src/main/tts/speech-engine.ts';
import { realEspeakEngine, skipWithoutEspeak } from './real-espeak.ts';

/** About 180 kB: espeak-ng needs seconds to render it, so an abort once it has begun lands mid-way. */
const LONG_TEXT = 'This is a rather long sentence for the cancellation test. '.repeat(3000);

const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

/** Polls `check` every 20 ms until it returns something truthy; fails after 20 s. */
async function until<T>(check: () => T | Promise<T>): Promise<NonNullable<T>> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** True while a process with this pid exists (a zombie counts: it has not been reaped). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    assert.equal((error as NodeJS.ErrnoException).code, 'ESRCH');
    return false;
  }
}

describe('cancelling espeak-ng', { skip: skipWithoutEspeak }, () => {
  let dir: string;
  let engine: SpeechEngine;
  const spawned: SpawnedSpeechProcess[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tts-cancel-'));
    engine = realEspeakEngine(spawned);
    await engine.voices(); // warm the voice list so the render starts at once
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('aborting a long render settles, kills espeak-ng, removes the file', async (t) => {
    spawned.length = 0;
    const controller = new AbortController();
    const file = join(dir, 'long.wav');
    let settled = false;
    const render = engine
      .renderToWav(LONG_TEXT, file, { locale: 'en-US', signal: controller.signal })
      .finally(() => (settled = true));

    try {
      // However long a busy machine takes to start it: espeak-ng runs and has begun the file.
      const child = await until(() => spawned.find((c) => c.args.includes('-w')));
      await until(async () => (await readdir(dir)).some((name) => name.endsWith('.partial.wav')));
      assert.ok(!settled, 'still rendering once the file is begun (the text takes seconds)');
      assert.ok(processExists(child.pid), 'espeak-ng running before the abort');

      const abortedAt = performance.now();
      controller.abort();
      await render;
      // How fast is wall-clock time, which a loaded machine stretches: reported, not asserted.
      // That the render was cut short, not finished, shows in the missing WAV file below.
      const settleMs = performance.now() - abortedAt;
      t.diagnostic(`render settled ${settleMs.toFixed(0)} ms after the abort`);

      assert.equal(processExists(child.pid), false, 'espeak-ng is gone (and reaped)');
      if (process.platform === 'linux') assert.equal(existsSync(`/proc/${child.pid}`), false);
      assert.deepEqual(await readdir(dir), [], 'neither the WAV nor its partial file remains');
      assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
    } finally {
      // A failed assertion must not leave the render running into the next test.
      controller.abort();
      await render.catch(() => {});
    }
  });

  test('an already aborted signal starts nothing and writes nothing', async () => {
    spawned.length = 0;
    // A fresh engine: not even the voice list is fetched.
    const engine = realEspeakEngine(spawned);
    await engine.renderToWav('Hello.', join(dir, 'pre.wav'), {
      locale: 'en-US',
      signal: AbortSignal.abort(),
    });
    await engine.speak('Hello.', { locale: 'en-US', signal: AbortSignal.abort() });
    assert.equal(spawned.length, 0);
    assert.deepEqual(await readdir(dir), []);
  });

  test('a finished render leaves no listener on its signal', async () => {
    const controller = new AbortController();
    await engine.renderToWav('Done.', join(dir, 'done.wav'), {
      locale: 'en-US',
      signal: controller.signal,
    });
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
    controller.abort(); // late abort: nothing happens, nothing throws
    await rm(join(dir, 'done.wav'));
  });

  test('many renders aborted at random moments leave no process and no file', async () => {
    spawned.length = 0;
    const runs = Array.from({ length: 8 }, async (_, i) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 5 + i * 20);
      await engine.renderToWav(LONG_TEXT, join(dir, `many-${i}.wav`), {
        locale: 'en-US',
        signal: controller.signal,
      });
    });
    await Promise.all(runs);
    for (const child of spawned) assert.equal(processExists(child.pid), false);
    assert.deepEqual(await readdir(dir), []);
  });

  test('no unhandled rejections were raised', () => {
    assert.deepEqual(unhandled, []);
  });
});

describe('the process runner', () => {
  test('a child ignoring SIGTERM is SIGKILLed after the grace period', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tts-stubborn-'));
    const ready = join(dir, 'ready');
    let pid = 0;
    const controller = new AbortController();
    // A Node child that ignores SIGTERM, then says so by creating a file.
    const run = runSpeechProcess({
      command: process.execPath,
      args: [
        '-e',
        `process.on('SIGTERM', () => {}); require('node:fs').writeFileSync(${JSON.stringify(ready)}, ''); setInterval(() => {}, 1000);`,
      ],
      signal: controller.signal,
      killGraceMs: 100,
      onSpawn: (child) => (pid = child.pid),
    });
    try {
      await waitFor(() => existsSync(ready));
      const abortedAt = performance.now();
      controller.abort();
      const result = await run;
      const settleMs = performance.now() - abortedAt;
      assert.equal(result.outcome, 'aborted');
      assert.equal(result.exitSignal, 'SIGKILL');
      // The grace was given (a lower bound, which a busy machine cannot break); the SIGKILL
      // above shows it then ended the child rather than waiting for it.
      assert.ok(settleMs >= 90, `settled after ${settleMs.toFixed(0)} ms`);
      assert.equal(processExists(pid), false);
    } finally {
      controller.abort();
      await run;
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a missing program rejects with a clear message', async () => {
    await assert.rejects(
      runSpeechProcess({ command: '/nonexistent/espeak-ng', args: [] }),
      /Could not start espeak-ng: not installed or not on PATH/,
    );
  });

  test('input arrives on stdin byte for byte; output and exit code come back', async () => {
    const text = '"; rm -rf / $(x) `y` -v x\n😀 é';
    const result = await runSpeechProcess({
      command: process.execPath,
      args: [
        '-e',
        'process.stdin.pipe(process.stdout); process.stdin.on("end", () => process.exitCode = 3)',
      ],
      input: text,
    });
    assert.equal(result.outcome, 'exited');
    assert.equal(result.stdout, text);
    assert.equal(result.exitCode, 3);
  });

  test('a timeout stops the child and says so', async () => {
    const child = runSpeechProcess({
      command: process.execPath,
      args: ['-e', 'setInterval(() => {}, 1000)'],
      timeoutMs: 100,
    });
    assert.equal((await child).outcome, 'timed-out');
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
