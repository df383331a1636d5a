/**
 * Key tones played live in Chromium (a running AudioContext; autoplay allowed by flag), from real
 * keydown events as the softphone will receive them: the tone is scheduled under 20 ms after the
 * press, and what reaches the speakers, recorded by the audio tap an end-to-end test would use,
 * decodes back to the keys typed, starting exactly when scheduled.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Segment } from './dtmf-analysis.ts';
import { analyzeTone, durationMs, findTones, steadyPart } from './dtmf-analysis.ts';
import type { TapRecording } from './fixtures/audio-tap.ts';
import { installAudioTap, startTap, stopTap } from './fixtures/audio-tap.ts';
import type { LivePress, TestPageWindow } from './fixtures/dtmf-test-page.ts';
import type { TestPage } from './fixtures/test-page.ts';
import { openTestPage } from './fixtures/test-page.ts';

/** Keys as Playwright types them; `Shift+…` gives the capital letters A-D. */
const TYPED = ['1', '5', '9', '#', '0', '*', 'Shift+D', 'Shift+A'];
const EXPECTED = ['1', '5', '9', '#', '0', '*', 'D', 'A'];

/** The key each tone of a recording decodes to. */
function decode(recording: TapRecording, tones: Segment[]): (string | undefined)[] {
  const { samples, sampleRate } = recording;
  return tones.map((tone) => analyzeTone(steadyPart(samples, tone, sampleRate, 6), sampleRate).key);
}

/** How far (ms) each tone's -20 dB onset in the recording lies after its scheduled start. */
function onsetErrorsMs(recording: TapRecording, tones: Segment[], presses: LivePress[]): number[] {
  return tones.map(
    (tone, i) =>
      (recording.startTime + tone.start / recording.sampleRate - presses[i]!.startsAt) * 1000,
  );
}

describe('DTMF played live in Chromium', () => {
  let testPage: TestPage;

  before(async () => {
    testPage = await openTestPage(installAudioTap);
    await testPage.page.evaluate(() =>
      (globalThis as unknown as TestPageWindow).dtmfTest.armKeyboard({}),
    );
  });
  after(async () => {
    await testPage?.page.evaluate(() =>
      (globalThis as unknown as TestPageWindow).dtmfTest.disposeLive(),
    );
    await testPage?.close();
  });

  const livePresses = () =>
    testPage.page.evaluate(() => (globalThis as unknown as TestPageWindow).dtmfTest.livePresses());

  const liveContext = () =>
    testPage.page.evaluate(() => (globalThis as unknown as TestPageWindow).dtmfTest.liveContext());

  /** Records while `play` runs and on until the last tone scheduled (queued too) has ended. */
  async function record(play: () => Promise<void>): Promise<TapRecording> {
    assert.equal(await startTap(testPage.page), 1, 'one live context tapped');
    await play();
    const lastEnd = Math.max(...(await livePresses()).map((press) => press.endsAt));
    while ((await liveContext()).currentTime < lastEnd + 0.1) await sleep(20);
    const [recording] = await stopTap(testPage.page);
    assert.equal(recording!.discontinuities, 0, 'a gapless recording');
    return recording!;
  }

  test('a key press schedules its tone under 20 ms ahead of currentTime', async (t) => {
    for (const key of ['1', '2', '3']) {
      await testPage.page.keyboard.press(key);
      await sleep(200);
    }
    const presses = await livePresses();
    assert.deepEqual(
      presses.map((press) => press.key),
      ['1', '2', '3'],
    );
    const context = await liveContext();
    assert.equal(context.state, 'running');
    for (const press of presses) {
      assert.equal(press.queued, false);
      assert.ok(
        press.scheduleAheadMs > 0 && press.scheduleAheadMs < 20,
        `${press.scheduleAheadMs}`,
      );
    }
    // How long press() itself ran is wall-clock time, which a loaded machine stretches: it is
    // reported, never asserted (performance is measured by benchmarks, not tests).
    const worst = (pick: (press: LivePress) => number) => Math.max(...presses.map(pick)).toFixed(2);
    t.diagnostic(
      `scheduled ${worst((p) => p.scheduleAheadMs)} ms ahead at most; ` +
        `press() ran in ${worst((p) => p.handlerMs)} ms at most; context ${context.sampleRate} Hz`,
    );
  });

  test('the audio tap records the keys typed, each starting when scheduled', async (t) => {
    const before = (await livePresses()).length;
    const recording = await record(async () => {
      for (const key of TYPED) {
        await testPage.page.keyboard.press(key);
        await sleep(180);
      }
    });
    const presses = (await livePresses()).slice(before);
    const { samples, sampleRate } = recording;
    const tones = findTones(samples, sampleRate, -20);
    const decoded = decode(recording, tones);
    assert.deepEqual(decoded, EXPECTED);
    const onTimes = tones.map((tone) => durationMs(tone, sampleRate));
    for (const on of onTimes) assert.ok(Math.abs(on - 80) <= 5, `on-time ${on} ms`);
    // The -20 dB point of a 4 ms linear fade-in is 0.4 ms in (later for a sine near a zero).
    const onsets = onsetErrorsMs(recording, tones, presses);
    for (const onset of onsets) assert.ok(onset >= 0 && onset < 2, `onset ${onset} ms late`);
    assert.equal(findTones(samples, sampleRate, -60, 1).length, EXPECTED.length, 'true silence');
    t.diagnostic(
      `recorded ${(samples.length / sampleRate).toFixed(2)} s at ${sampleRate} Hz; decoded ` +
        `${decoded.join(' ')}; on-times ${onTimes.map((on) => on.toFixed(1)).join(', ')} ms; ` +
        `-20 dB onsets ${Math.min(...onsets).toFixed(2)}-${Math.max(...onsets).toFixed(2)} ms ` +
        'after the scheduled start',
    );
  });

  test('keys typed faster than tones play queue up, 50 ms of silence apart', async (t) => {
    const before = (await livePresses()).length;
    const recording = await record(() => testPage.page.keyboard.type('147', { delay: 10 }));
    const presses = (await livePresses()).slice(before);
    assert.deepEqual(
      presses.map((press) => press.queued),
      [false, true, true],
    );
    const { samples, sampleRate } = recording;
    const tones = findTones(samples, sampleRate, -60, 1);
    assert.deepEqual(decode(recording, tones), ['1', '4', '7']);
    const onsets = onsetErrorsMs(recording, tones, presses);
    // At -60 dB the onset is the very start of the fade-in.
    for (const onset of onsets) assert.ok(onset >= -0.1 && onset < 1, `onset ${onset} ms late`);
    const gaps = tones
      .slice(1)
      .map((tone, i) => ((tone.start - tones[i]!.end) / sampleRate) * 1000);
    for (const gap of gaps) assert.ok(gap >= 50, `silence ${gap} ms`);
    t.diagnostic(`silences ${gaps.map((gap) => gap.toFixed(2)).join(', ')} ms`);
  });

  test('the page printed no console error or warning (app CSP in force)', () => {
    assert.deepEqual(testPage.problems, []);
  });
});
