/**
 * When a tone sounds and what its envelope looks like: pure arithmetic on context times (seconds),
 * shared by live playback and offline rendering so both produce the same signal.
 */
import type { DtmfSettings } from './dtmf-settings.ts';
import { dbToGain } from './dtmf-settings.ts';

/** When one tone sounds, in context seconds: silent before `startsAt` and from `endsAt` on. */
export interface ToneWindow {
  startsAt: number;
  endsAt: number;
}

/**
 * Places a tone: as soon as requested, but never closer than `minGapMs` after the previous tone,
 * so keys pressed faster than tones can play queue up instead of merging into one long tone
 * (which a receiver would read as a single digit).
 *
 * @param requestedAt - earliest start wanted, in context seconds
 * @param previousEndsAt - end of the last scheduled tone, if any
 */
export function placeTone(
  requestedAt: number,
  previousEndsAt: number | undefined,
  settings: Readonly<DtmfSettings>,
): ToneWindow {
  const earliest =
    previousEndsAt === undefined ? requestedAt : previousEndsAt + settings.minGapMs / 1000;
  const startsAt = Math.max(requestedAt, earliest);
  return { startsAt, endsAt: startsAt + settings.toneMs / 1000 };
}

/** One automation step on a gain: jump to (`set`) or ramp linearly to (`ramp`) a value. */
export interface EnvelopeStep {
  kind: 'set' | 'ramp';
  value: number;
  time: number;
}

/**
 * The gain envelope of one tone group: silent at the start, a linear fade in, a steady part at
 * `peak`, a linear fade out that reaches zero exactly at the end of the window. The fades keep
 * the edges free of clicks (a sine switched on at full level is a broadband step).
 */
export function toneEnvelope(window: ToneWindow, peak: number, rampMs: number): EnvelopeStep[] {
  const ramp = rampMs / 1000;
  return [
    { kind: 'set', value: 0, time: window.startsAt },
    { kind: 'ramp', value: peak, time: window.startsAt + ramp },
    { kind: 'ramp', value: peak, time: window.endsAt - ramp },
    { kind: 'ramp', value: 0, time: window.endsAt },
  ];
}

/** Peak amplitudes of the low and high tone for the given settings. */
export function tonePeaks(settings: Readonly<DtmfSettings>): { low: number; high: number } {
  return {
    low: dbToGain(settings.levelDb),
    high: dbToGain(settings.levelDb + settings.highToneBoostDb),
  };
}
