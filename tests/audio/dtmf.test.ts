/**
 * Key tones rendered offline by the renderer's own player (Tone.Offline, in real Chromium, under
 * the app's CSP), then measured in Node: every key decodes to exactly its own pair, durations,
 * twist, gaps between queued presses, click-free edges and level all match the settings.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DtmfPress, DtmfSettings, TimedKey } from '../../src/renderer/src/audio/index.ts';
import { skipWithoutBrowser } from '../helpers/find-browser.ts';
import { base64ToFloats } from '../helpers/float-base64.ts';
import {
  analyzeTone,
  durationMs,
  findTones,
  nominalPair,
  peakOf,
  rmsOf,
  steadyPart,
} from './dtmf-analysis.ts';
import type { TestPageWindow } from './fixtures/dtmf-test-page.ts';
import type { TestPage } from './fixtures/test-page.ts';
import { openTestPage } from './fixtures/test-page.ts';
import { goertzelAmplitude, toDb } from './goertzel.ts';

const ALL_KEYS = '123A456B789C*0#D'.split('') as TimedKey['key'][];
/** Keeps the ramps (4 ms) and a margin out of frequency and level measurements. */
const TRIM_MS = 6;

interface Rendering {
  samples: Float32Array;
  sampleRate: number;
  presses: DtmfPress[];
}

describe('DTMF rendered offline in Chromium', { skip: skipWithoutBrowser }, () => {
  let testPage: TestPage;

  before(async () => {
    testPage = await openTestPage();
  });
  after(async () => {
    await testPage?.close();
  });

  async function render(
    keys: TimedKey[],
    settings: Partial<DtmfSettings>,
    renderMs: number,
  ): Promise<Rendering> {
    const result = await testPage.page.evaluate(
      ([k, s, d]) => (globalThis as unknown as TestPageWindow).dtmfTest.render(k, s, d),
      [keys, settings, renderMs] as const,
    );
    return { ...result, samples: base64ToFloats(result.base64) };
  }

  test('every key decodes to exactly its own row and column, within 1.5 %', async (t) => {
    const keys = ALL_KEYS.map((key, i) => ({ key, atMs: 20 + i * 250 }));
    const { samples, sampleRate, presses } = await render(keys, {}, 20 + 16 * 250);
    const tones = findTones(samples, sampleRate, -20);
    assert.equal(tones.length, 16, 'one tone per key');
    let worstError = 0;
    let worstCrossTalk = -Infinity;
    tones.forEach((tone, i) => {
      const key = ALL_KEYS[i]!;
      // The tone is where the press said it would be (its -20 dB point lies inside the ramp).
      const startMs = (tone.start / sampleRate) * 1000;
      assert.ok(Math.abs(startMs - presses[i]!.startsAt * 1000) < 2, `${key} starts at ${startMs}`);
      const found = analyzeTone(steadyPart(samples, tone, sampleRate, TRIM_MS), sampleRate);
      const nominal = nominalPair(key);
      assert.equal(found.key, key);
      const lowError = Math.abs(found.low.hz / nominal.lowHz - 1) * 100;
      const highError = Math.abs(found.high.hz / nominal.highHz - 1) * 100;
      assert.ok(lowError < 1.5, `${key}: low ${found.low.hz} Hz`);
      assert.ok(highError < 1.5, `${key}: high ${found.high.hz} Hz`);
      assert.ok(found.worstOtherDb <= -20, `${key}: another frequency at ${found.worstOtherDb} dB`);
      worstError = Math.max(worstError, lowError, highError);
      worstCrossTalk = Math.max(worstCrossTalk, found.worstOtherDb);
    });
    t.diagnostic(
      `sample rate ${sampleRate} Hz; worst frequency error ${worstError.toFixed(4)} %; ` +
        `loudest other DTMF frequency ${worstCrossTalk.toFixed(1)} dB below the weaker tone`,
    );
  });

  for (const toneMs of [80, 120, 40, 200]) {
    test(`a ${toneMs} ms setting gives a ${toneMs} ms tone (±5 ms at -20 dB)`, async (t) => {
      const { samples, sampleRate } = await render(
        [{ key: '5', atMs: 10 }],
        { toneMs },
        toneMs + 60,
      );
      const tones = findTones(samples, sampleRate, -20);
      assert.equal(tones.length, 1);
      const measured = durationMs(tones[0]!, sampleRate);
      assert.ok(Math.abs(measured - toneMs) <= 5, `measured ${measured} ms`);
      t.diagnostic(`on-time ${measured.toFixed(2)} ms`);
    });
  }

  for (const highToneBoostDb of [2, 4]) {
    test(`the high tone is ${highToneBoostDb} dB (±0.5) above the low one`, async (t) => {
      const { samples, sampleRate } = await render(
        [{ key: '9', atMs: 10 }],
        { highToneBoostDb },
        150,
      );
      const steady = steadyPart(
        samples,
        findTones(samples, sampleRate, -20)[0]!,
        sampleRate,
        TRIM_MS,
      );
      const twist = toDb(
        goertzelAmplitude(steady, 1477, sampleRate) / goertzelAmplitude(steady, 852, sampleRate),
      );
      assert.ok(Math.abs(twist - highToneBoostDb) <= 0.5, `twist ${twist} dB`);
      t.diagnostic(`twist ${twist.toFixed(3)} dB`);
    });
  }

  test('two presses 10 ms apart: two tones, at least 50 ms of silence between', async (t) => {
    const { samples, sampleRate, presses } = await render(
      [
        { key: '1', atMs: 10 },
        { key: '#', atMs: 20 },
      ],
      {},
      400,
    );
    assert.equal(presses[1]!.queued, true);
    // Silence: nothing above -60 dB of the peak.
    const tones = findTones(samples, sampleRate, -60, 1);
    assert.equal(tones.length, 2, 'two separate tones');
    const silenceMs = ((tones[1]!.start - tones[0]!.end) / sampleRate) * 1000;
    assert.ok(silenceMs >= 50, `silence ${silenceMs} ms`);
    const keys = tones.map(
      (tone) => analyzeTone(steadyPart(samples, tone, sampleRate, TRIM_MS), sampleRate).key,
    );
    assert.deepEqual(keys, ['1', '#']);
    t.diagnostic(`silence ${silenceMs.toFixed(2)} ms`);
  });

  test('no clicks: the first and last ms of a tone stay far below its steady level', async (t) => {
    const { samples, sampleRate } = await render(
      ALL_KEYS.slice(0, 4).map((key, i) => ({ key, atMs: 10 + i * 200 })),
      {},
      820,
    );
    const oneMs = Math.round(sampleRate / 1000);
    let worst = 0;
    for (const tone of findTones(samples, sampleRate, -60, 1)) {
      const steady = peakOf(steadyPart(samples, tone, sampleRate, TRIM_MS));
      const head = peakOf(samples.subarray(tone.start, tone.start + oneMs));
      const tail = peakOf(samples.subarray(tone.end - oneMs, tone.end));
      // A 4 ms linear ramp is at 25 % after 1 ms; a tone switched on hard would be at 100 %.
      assert.ok(head < 0.3 * steady && tail < 0.3 * steady, `edges ${head}, ${tail} of ${steady}`);
      // The very first and last sample are practically silent.
      assert.ok(Math.abs(samples[tone.start]!) < 0.02 * steady);
      assert.ok(Math.abs(samples[tone.end - 1]!) < 0.02 * steady);
      worst = Math.max(worst, head / steady, tail / steady);
    }
    t.diagnostic(`loudest first/last ms: ${toDb(worst).toFixed(1)} dB of the steady peak`);
  });

  test('the level setting moves the level: -12 dBFS low tone, and 6 dB lower at -18', async (t) => {
    const measure = async (levelDb: number) => {
      const { samples, sampleRate } = await render([{ key: '0', atMs: 10 }], { levelDb }, 150);
      const steady = steadyPart(
        samples,
        findTones(samples, sampleRate, -20)[0]!,
        sampleRate,
        TRIM_MS,
      );
      return { rms: rmsOf(steady), low: goertzelAmplitude(steady, 941, sampleRate) };
    };
    const loud = await measure(-12);
    const quiet = await measure(-18);
    const lowDbfs = toDb(loud.low);
    const drop = toDb(loud.rms / quiet.rms);
    assert.ok(Math.abs(lowDbfs + 12) < 0.3, `low tone at ${lowDbfs} dBFS`);
    assert.ok(Math.abs(drop - 6) < 0.2, `RMS dropped ${drop} dB`);
    t.diagnostic(
      `low tone ${lowDbfs.toFixed(2)} dBFS; -18 dB setting is ${drop.toFixed(2)} dB lower`,
    );
  });

  test('the page printed no console error or warning (app CSP in force)', () => {
    assert.deepEqual(testPage.problems, []);
  });
});
