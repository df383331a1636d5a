/**
 * Key tones played live in Chromium (a running AudioContext; autoplay allowed by flag), from real
 * keydown events as the softphone will receive them: each press schedules its own tone, in order,
 * just the schedule lead ahead of the context's clock unless it waits for the previous tone, and
 * what reaches the speakers, recorded by the audio tap an end-to-end test would use, decodes back
 * to the keys typed, starting exactly when scheduled. Every figure asserted is on the audio
 * context's clock, which a busy machine does not stretch; wall-clock figures are only reported.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SCHEDULE_LEAD_LIMITS_MS } from '../../src/renderer/src/audio/dtmf-player.ts';
import { DEFAULT_DTMF_SETTINGS } from '../../src/renderer/src/audio/dtmf-settings.ts';
import type { TapRecording } from '../helpers/audio-tap.ts';
import { installAudioTap, startTap, stopTap } from '../helpers/audio-tap.ts';
import { skipWithoutBrowser } from '../helpers/find-browser.ts';
import type { Segment } from './dtmf-analysis.ts';
import { analyzeTone, durationMs, findTones, steadyPart } from './dtmf-analysis.ts';
import type { LivePress, TestPageWindow } from './fixtures/dtmf-test-page.ts';
import type { TestPage } from './fixtures/test-page.ts';
import { openTestPage } from './fixtures/test-page.ts';

/** Keys as Playwright types them; `Shift+…` gives the capital letters A-D. */
const TYPED = ['1', '5', '9', '#', '0', '*', 'Shift+D', 'Shift+A'];
const EXPECTED = ['1', '5', '9', '#', '0', '*', 'D', 'A'];
/** Rounding slack when comparing context times, in ms. */
const EPSILON_MS = 1e-6;

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

describe('DTMF played live in Chromium', { skip: skipWithoutBrowser }, () => {
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

  /**
   * Checks where a press put its tone, on the context's clock: a tone of the set length, after
   * the press and never closer than the set silence to the previous tone; either just the
   * schedule lead ahead (not queued) or exactly at the end of that silence (queued).
   */
  function assertPlaced(press: LivePress, previous: LivePress | undefined): void {
    const { toneMs, minGapMs } = DEFAULT_DTMF_SETTINGS;
    const label = `press ${press.key}: ${JSON.stringify(press)}`;
    assert.ok(Math.abs((press.endsAt - press.startsAt) * 1000 - toneMs) < EPSILON_MS, label);
    assert.ok(press.startsAt > press.pressedAt, `scheduled in the past; ${label}`);
    const earliest = previous === undefined ? -Infinity : previous.endsAt + minGapMs / 1000;
    if (press.queued) {
      assert.ok(previous, `queued behind nothing; ${label}`);
      assert.ok(Math.abs((press.startsAt - earliest) * 1000) < EPSILON_MS, label);
    } else {
      const { min, max } = SCHEDULE_LEAD_LIMITS_MS;
      assert.ok(
        press.scheduleAheadMs >= min - EPSILON_MS && press.scheduleAheadMs <= max + EPSILON_MS,
        `not within the schedule lead; ${label}`,
      );
      assert.ok(press.startsAt >= earliest - EPSILON_MS / 1000, `overlaps; ${label}`);
    }
  }

  const livePresses = () =>
    testPage.page.evaluate(() => (globalThis as unknown as TestPageWindow).dtmfTest.livePresses());

  const liveContext = () =>
    testPage.page.evaluate(() => (globalThis as unknown as TestPageWindow).dtmfTest.liveContext());

  /** Waits until the context has rendered past the end of every tone scheduled so far. */
  async function untilTonesRendered(): Promise<void> {
    const lastEnd = Math.max(0, ...(await livePresses()).map((press) => press.endsAt));
    while ((await liveContext()).currentTime < lastEnd + 0.1) await sleep(20);
  }

  /**
   * Records while `play` runs and on until the last tone scheduled (queued too) has ended. Starts
   * only once earlier tones have been rendered: a sound server (PulseAudio, PipeWire) has the
   * context render in large bursts, so a tone scheduled by an earlier test can still be ahead.
   */
  async function record(play: () => Promise<void>): Promise<TapRecording> {
    await untilTonesRendered();
    assert.equal(await startTap(testPage.page), 1, 'one live context tapped');
    await play();
    await untilTonesRendered();
    const [recording] = await stopTap(testPage.page);
    assert.equal(recording!.discontinuities, 0, 'a gapless recording');
    return recording!;
  }

  test('each key press schedules its own tone in order, at once unless the previous one plays', async (t) => {
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
    assert.equal(presses[0]!.queued, false, 'the first press has no tone to wait for');
    // Whether a later press finds the previous tone still playing depends on how far apart the
    // key events arrived, which a busy machine changes: both outcomes are right, each exactly so.
    presses.forEach((press, i) => assertPlaced(press, presses[i - 1]));
    // How long press() itself ran is wall-clock time, which a loaded machine stretches: it is
    // reported, never asserted (performance is measured by benchmarks, not tests).
    const worst = (pick: (press: LivePress) => number) => Math.max(...presses.map(pick)).toFixed(2);
    t.diagnostic(
      `scheduled ${worst((p) => p.scheduleAheadMs)} ms ahead at most; ` +
        `${presses.filter((p) => p.queued).length} of ${presses.length} queued; ` +
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
      // Every press handled (a busy page may take its time) before the recording waits for the
      // last tone scheduled to be rendered.
      const deadline = Date.now() + 20_000;
      while ((await livePresses()).length < before + TYPED.length) {
        assert.ok(
          Date.now() < deadline,
          `${(await livePresses()).length - before} presses handled`,
        );
        await sleep(20);
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

  test('keys pressed faster than tones play queue up, 50 ms of silence apart', async (t) => {
    const before = (await livePresses()).length;
    // Three keydown events in one task of the page: however busy the machine, they come faster
    // than a tone plays, so the last two must queue (typed keys could arrive spread out).
    const recording = await record(() =>
      testPage.page.evaluate(
        "for (const key of ['1', '4', '7']) dispatchEvent(new KeyboardEvent('keydown', { key }))",
      ),
    );
    const presses = (await livePresses()).slice(before);
    assert.deepEqual(
      presses.map((press) => [press.key, press.queued]),
      [
        ['1', false],
        ['4', true],
        ['7', true],
      ],
    );
    presses.forEach((press, i) => assertPlaced(press, presses[i - 1]));
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
