/**
 * The pure parts of the DTMF module, under plain Node: the keypad table against Q.23, settings
 * clamping, tone placement (the queue) and the envelope shape.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DTMF_KEYS, dtmfPair, isDtmfKey } from '../../src/renderer/src/audio/dtmf-frequencies.ts';
import type { DtmfKey } from '../../src/renderer/src/audio/dtmf-frequencies.ts';
import { placeTone, toneEnvelope, tonePeaks } from '../../src/renderer/src/audio/dtmf-schedule.ts';
import {
  DEFAULT_DTMF_SETTINGS,
  normalizeDtmfSettings,
} from '../../src/renderer/src/audio/dtmf-settings.ts';
import { nominalPair } from './dtmf-analysis.ts';

const close = (actual: number, expected: number) => Math.abs(actual - expected) < 1e-9;

describe('DTMF keypad', () => {
  test('has the 16 keys of Q.23, each with its own row and column frequency', () => {
    assert.deepEqual([...DTMF_KEYS].sort(), [...'0123456789*#ABCD'].sort());
    for (const key of DTMF_KEYS) assert.deepEqual(dtmfPair(key), nominalPair(key));
  });

  test('knows what is not a key', () => {
    for (const value of ['a', 'E', '', '11', ' ', '+']) assert.equal(isDtmfKey(value), false);
    assert.throws(() => dtmfPair('x' as DtmfKey), RangeError);
  });
});

describe('DTMF settings', () => {
  test('defaults: 80 ms tone, 50 ms gap, -12 dBFS, +2 dB high tone', () => {
    assert.deepEqual(normalizeDtmfSettings(), {
      toneMs: 80,
      minGapMs: 50,
      levelDb: -12,
      highToneBoostDb: 2,
      rampMs: 4,
    });
  });

  test('clamps into range and ignores what is not a finite number', () => {
    const settings = normalizeDtmfSettings({
      toneMs: 1000,
      minGapMs: 0,
      levelDb: 0,
      highToneBoostDb: Number.NaN,
      rampMs: 0,
    });
    assert.deepEqual(settings, {
      toneMs: 200,
      minGapMs: 40,
      levelDb: -9,
      highToneBoostDb: 2,
      rampMs: 1,
    });
  });

  test('the loudest allowed setting cannot clip', () => {
    const peaks = tonePeaks(normalizeDtmfSettings({ levelDb: 100, highToneBoostDb: 100 }));
    assert.ok(peaks.low + peaks.high < 1, `${peaks.low + peaks.high}`);
  });

  test('an update keeps the other settings', () => {
    const base = normalizeDtmfSettings({ toneMs: 120 });
    assert.deepEqual(normalizeDtmfSettings({ levelDb: -20 }, base), { ...base, levelDb: -20 });
    assert.equal(DEFAULT_DTMF_SETTINGS.toneMs, 80, 'the defaults are not touched');
  });
});

describe('tone placement', () => {
  const settings = normalizeDtmfSettings();

  test('a lone press starts when requested and lasts toneMs', () => {
    const window = placeTone(1.5, undefined, settings);
    assert.ok(close(window.startsAt, 1.5) && close(window.endsAt, 1.58));
  });

  test('a press during the previous tone waits for it plus minGapMs', () => {
    const window = placeTone(1.51, 1.58, settings);
    assert.ok(close(window.startsAt, 1.63) && close(window.endsAt, 1.71));
  });

  test('a press long after the previous tone is not delayed', () => {
    assert.ok(close(placeTone(3, 1.58, settings).startsAt, 3));
  });
});

describe('tone envelope', () => {
  test('silent at both ends, ramps of rampMs, steady in between', () => {
    const steps = toneEnvelope({ startsAt: 1, endsAt: 1.08 }, 0.25, 4);
    assert.deepEqual(
      steps.map((step) => [step.kind, step.value]),
      [
        ['set', 0],
        ['ramp', 0.25],
        ['ramp', 0.25],
        ['ramp', 0],
      ],
    );
    const times = steps.map((step) => step.time);
    for (const [actual, expected] of times.map((time, i) => [time, [1, 1.004, 1.076, 1.08][i]!])) {
      assert.ok(close(actual!, expected!), `${actual} vs ${expected}`);
    }
  });

  test('the high tone is highToneBoostDb above the low one', () => {
    const peaks = tonePeaks(normalizeDtmfSettings({ levelDb: -12, highToneBoostDb: 2 }));
    assert.ok(close(20 * Math.log10(peaks.low), -12));
    assert.ok(close(20 * Math.log10(peaks.high / peaks.low), 2));
  });
});
