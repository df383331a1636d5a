/**
 * What the user can set about key tones, with the ranges that keep them valid DTMF a receiver
 * accepts (ITU-T Q.24 receivers take tones and pauses of 40 ms and more) and that never clip.
 */

/** Key tone settings. Times in milliseconds, levels in dB. */
export interface DtmfSettings {
  /** How long a tone sounds, ramps included. */
  toneMs: number;
  /** Silence kept between two tones when keys are pressed faster than tones can play. */
  minGapMs: number;
  /** Peak level of the low (row) tone, in dBFS. */
  levelDb: number;
  /** How much louder the high (column) tone is than the low one ("twist"), in dB. */
  highToneBoostDb: number;
  /** Length of the fade in and of the fade out, which keep the tone edges free of clicks. */
  rampMs: number;
}

/** The defaults: an 80 ms tone, 50 ms gap, low tone at -12 dBFS, high tone 2 dB above it. */
export const DEFAULT_DTMF_SETTINGS: Readonly<DtmfSettings> = Object.freeze({
  toneMs: 80,
  minGapMs: 50,
  levelDb: -12,
  highToneBoostDb: 2,
  rampMs: 4,
});

/**
 * Accepted range of each setting, inclusive. The level and boost maxima together keep the sum of
 * both tones under 0 dBFS (-9 dB and +4 dB peak at about -0.8 dBFS), so nothing ever clips.
 */
export const DTMF_SETTING_LIMITS: Readonly<
  Record<keyof DtmfSettings, { min: number; max: number }>
> = Object.freeze({
  toneMs: { min: 40, max: 200 },
  minGapMs: { min: 40, max: 1000 },
  levelDb: { min: -40, max: -9 },
  highToneBoostDb: { min: 0, max: 4 },
  // At most a quarter of the shortest tone, so a tone always has a steady part.
  rampMs: { min: 1, max: 10 },
});

const NAMES = Object.keys(DEFAULT_DTMF_SETTINGS) as (keyof DtmfSettings)[];

/**
 * Merges a partial update into settings, clamping each value into its range. A missing or
 * non-finite value keeps the base value, so a half-typed form field cannot break the tones.
 */
export function normalizeDtmfSettings(
  update: Partial<DtmfSettings> = {},
  base: Readonly<DtmfSettings> = DEFAULT_DTMF_SETTINGS,
): DtmfSettings {
  const result = { ...base };
  for (const name of NAMES) {
    const value = update[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const { min, max } = DTMF_SETTING_LIMITS[name];
    result[name] = Math.min(max, Math.max(min, value));
  }
  return result;
}

/** Converts decibels to a linear amplitude factor. */
export function dbToGain(db: number): number {
  return 10 ** (db / 20);
}
