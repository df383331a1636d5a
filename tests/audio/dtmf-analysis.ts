/**
 * Measures rendered or recorded key tones: where each tone is, which key it is, its exact
 * frequencies and levels. The frequency table is written out here again from ITU-T Q.23 rather
 * than imported from the code under test, so a wrong table there cannot agree with itself.
 */
import { goertzelAmplitude, hann, peakFrequency, toDb } from './goertzel.ts';

/** Q.23 row (low group) frequencies. */
export const ROWS_HZ = [697, 770, 852, 941];
/** Q.23 column (high group) frequencies. */
export const COLUMNS_HZ = [1209, 1336, 1477, 1633];
const KEYPAD = ['123A', '456B', '789C', '*0#D'];

/** The nominal row and column frequency of a key. */
export function nominalPair(key: string): { lowHz: number; highHz: number } {
  const row = KEYPAD.findIndex((keys) => keys.includes(key));
  if (key.length !== 1 || row < 0) throw new RangeError(`not a DTMF key: ${key}`);
  return { lowHz: ROWS_HZ[row]!, highHz: COLUMNS_HZ[KEYPAD[row]!.indexOf(key)]! };
}

/** A stretch of samples, `start` inclusive, `end` exclusive. */
export interface Segment {
  start: number;
  end: number;
}

/**
 * Finds the tones: runs of samples whose magnitude exceeds `thresholdDb` relative to the loudest
 * sample. Runs closer than `mergeMs` are one tone (a sine crosses zero every half period).
 */
export function findTones(
  samples: Float32Array,
  sampleRate: number,
  thresholdDb: number,
  mergeMs = 5,
): Segment[] {
  let peak = 0;
  for (const value of samples) peak = Math.max(peak, Math.abs(value));
  const threshold = peak * 10 ** (thresholdDb / 20);
  const merge = (mergeMs / 1000) * sampleRate;
  const segments: Segment[] = [];
  for (let n = 0; n < samples.length; n++) {
    if (Math.abs(samples[n]!) <= threshold) continue;
    const last = segments.at(-1);
    if (last && n - last.end < merge) last.end = n + 1;
    else segments.push({ start: n, end: n + 1 });
  }
  return segments;
}

/** The length of a segment in ms. */
export function durationMs(segment: Segment, sampleRate: number): number {
  return ((segment.end - segment.start) / sampleRate) * 1000;
}

/** The middle of a tone: `trimMs` cut from each end, to keep the ramps out of a measurement. */
export function steadyPart(
  samples: Float32Array,
  segment: Segment,
  sampleRate: number,
  trimMs: number,
): Float32Array {
  const trim = Math.round((trimMs / 1000) * sampleRate);
  return samples.subarray(segment.start + trim, segment.end - trim);
}

/** Largest magnitude in a stretch of samples. */
export function peakOf(samples: Float32Array): number {
  let peak = 0;
  for (const value of samples) peak = Math.max(peak, Math.abs(value));
  return peak;
}

/** Root mean square of a stretch of samples. */
export function rmsOf(samples: Float32Array): number {
  let sum = 0;
  for (const value of samples) sum += value * value;
  return Math.sqrt(sum / samples.length);
}

/** What one tone turned out to be. */
export interface ToneAnalysis {
  /** The key its strongest row and column frequency make, if any. */
  key: string | undefined;
  /** Precise frequency and amplitude of the strongest component in the low and high band. */
  low: { hz: number; amplitude: number };
  high: { hz: number; amplitude: number };
  /** Loudest of the six other DTMF frequencies, in dB relative to the weaker of the two tones. */
  worstOtherDb: number;
}

/** Decodes the steady part of one tone. */
export function analyzeTone(steady: Float32Array, sampleRate: number): ToneAnalysis {
  const window = hann(steady.length);
  const level = (hz: number) => goertzelAmplitude(steady, hz, sampleRate, window);
  const loudest = (frequencies: number[]) =>
    frequencies.reduce((best, hz) => (level(hz) > level(best) ? hz : best));
  const row = loudest(ROWS_HZ);
  const column = loudest(COLUMNS_HZ);
  const key = KEYPAD[ROWS_HZ.indexOf(row)]?.[COLUMNS_HZ.indexOf(column)];
  // Search the whole band, not just near the nominal value: the measurement must be free to be off.
  const low = peakFrequency(steady, sampleRate, 600, 1050);
  const high = peakFrequency(steady, sampleRate, 1100, 1750);
  const weaker = Math.min(level(row), level(column));
  const others = [...ROWS_HZ, ...COLUMNS_HZ].filter((hz) => hz !== row && hz !== column);
  const worstOtherDb = Math.max(...others.map((hz) => toDb(level(hz) / weaker)));
  return { key, low, high, worstOtherDb };
}
