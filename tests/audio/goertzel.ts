/**
 * A Goertzel detector: the amplitude of one frequency in a block of samples, and the precise
 * frequency of the strongest component in a band. Pure TypeScript, no DOM, no audio API.
 *
 * Blocks are Hann-windowed: DTMF frequencies are only ~70 Hz apart and a block of a tone's steady
 * part is ~70 ms long (a 14 Hz bin), where a rectangular window's sidelobes (-13 dB, falling
 * slowly) would leak one tone into its neighbours' bins; Hann's fall to below -60 dB there.
 */

/** A Hann window of `length` points. */
export function hann(length: number): Float64Array {
  const window = new Float64Array(length);
  for (let n = 0; n < length; n++)
    window[n] = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / (length - 1));
  return window;
}

/**
 * The amplitude of the component at `hz`: for a sine of amplitude A at exactly `hz` the result is
 * A (the window's gain is divided out). Works for any frequency, not only on DFT bins.
 */
export function goertzelAmplitude(
  samples: ArrayLike<number>,
  hz: number,
  sampleRate: number,
  window: ArrayLike<number> = hann(samples.length),
): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * hz) / sampleRate);
  let s1 = 0;
  let s2 = 0;
  let windowSum = 0;
  for (let n = 0; n < samples.length; n++) {
    const w = window[n] ?? 0;
    windowSum += w;
    const s0 = (samples[n] ?? 0) * w + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  // |X(hz)|^2 from the last two states; valid off-bin too (only the phase would need more).
  const power = Math.max(0, s1 * s1 + s2 * s2 - coefficient * s1 * s2);
  return (2 * Math.sqrt(power)) / windowSum;
}

/** A measured spectral peak. */
export interface Peak {
  hz: number;
  amplitude: number;
}

/**
 * Finds the strongest component between `minHz` and `maxHz`: Goertzel amplitudes on a grid of
 * `stepHz`, then a parabola through the log amplitudes around the best grid point (the Hann main
 * lobe is close to a parabola in dB), which locates the peak to a small fraction of the step.
 */
export function peakFrequency(
  samples: ArrayLike<number>,
  sampleRate: number,
  minHz: number,
  maxHz: number,
  stepHz = 1,
): Peak {
  const window = hann(samples.length);
  const grid: number[] = [];
  for (let hz = minHz; hz <= maxHz; hz += stepHz) {
    grid.push(goertzelAmplitude(samples, hz, sampleRate, window));
  }
  let best = 0;
  for (let i = 1; i < grid.length; i++) if (grid[i]! > grid[best]!) best = i;
  let hz = minHz + best * stepHz;
  if (best > 0 && best < grid.length - 1) {
    const [a, b, c] = [grid[best - 1]!, grid[best]!, grid[best + 1]!].map((v) =>
      Math.log(Math.max(v, 1e-30)),
    ) as [number, number, number];
    const denominator = a - 2 * b + c;
    if (denominator < 0) hz += (0.5 * (a - c) * stepHz) / denominator;
  }
  return { hz, amplitude: goertzelAmplitude(samples, hz, sampleRate, window) };
}

/** Converts an amplitude ratio to decibels. */
export function toDb(ratio: number): number {
  return 20 * Math.log10(ratio);
}
