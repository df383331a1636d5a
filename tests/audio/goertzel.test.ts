/**
 * The detector itself, against synthetic sines whose frequencies and amplitudes are known exactly:
 * if it were wrong, the DTMF tests built on it would prove nothing.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { goertzelAmplitude, peakFrequency, toDb } from './goertzel.ts';

const RATE = 48_000;

/** A sum of sines, `ms` long, with a little deterministic noise. */
function synth(ms: number, parts: { hz: number; amplitude: number; phase?: number }[], noise = 0) {
  const samples = new Float32Array(Math.round((ms / 1000) * RATE));
  let seed = 1;
  for (let n = 0; n < samples.length; n++) {
    let value = 0;
    for (const { hz, amplitude, phase = 0.3 } of parts) {
      value += amplitude * Math.sin((2 * Math.PI * hz * n) / RATE + phase);
    }
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    samples[n] = value + noise * (seed / 2 ** 30 - 1);
  }
  return samples;
}

describe('goertzel detector', () => {
  test('measures the amplitude of a sine on and off a DFT bin', () => {
    for (const hz of [697, 941.37, 1209, 1633.8]) {
      const amplitude = goertzelAmplitude(synth(70, [{ hz, amplitude: 0.25 }]), hz, RATE);
      assert.ok(Math.abs(amplitude - 0.25) < 0.0025, `${hz} Hz: ${amplitude}`);
    }
  });

  test('hears next to nothing at the other DTMF frequencies (< -50 dB)', () => {
    const samples = synth(70, [{ hz: 770, amplitude: 0.5 }]);
    for (const other of [697, 852, 941, 1209, 1336, 1477, 1633]) {
      const db = toDb(goertzelAmplitude(samples, other, RATE) / 0.5);
      assert.ok(db < -50, `${other} Hz: ${db.toFixed(1)} dB`);
    }
  });

  test('finds a peak frequency to within 0.2 Hz, with noise and a second tone', () => {
    for (const hz of [697.4, 779.9, 1336, 1650.25]) {
      const samples = synth(
        70,
        [
          { hz, amplitude: 0.3 },
          { hz: hz < 1000 ? 1477 : 852, amplitude: 0.3, phase: 1.1 },
        ],
        0.01,
      );
      const [min, max] = hz < 1000 ? [600, 1050] : [1100, 1750];
      const peak = peakFrequency(samples, RATE, min, max);
      assert.ok(Math.abs(peak.hz - hz) < 0.2, `${hz} Hz measured as ${peak.hz}`);
      assert.ok(Math.abs(toDb(peak.amplitude / 0.3)) < 0.1, `amplitude ${peak.amplitude}`);
    }
  });

  test('tells a 2 dB level difference to within 0.05 dB', () => {
    const samples = synth(70, [
      { hz: 852, amplitude: 0.2 },
      { hz: 1477, amplitude: 0.2 * 10 ** (2 / 20) },
    ]);
    const twist = toDb(
      goertzelAmplitude(samples, 1477, RATE) / goertzelAmplitude(samples, 852, RATE),
    );
    assert.ok(Math.abs(twist - 2) < 0.05, `${twist} dB`);
  });
});
