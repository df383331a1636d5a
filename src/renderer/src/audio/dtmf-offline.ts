/**
 * Renders key tones to samples with Tone.Offline, through the very player used live, so tests (and
 * exports) hear exactly what a user hears.
 */
import { Offline } from './tone.ts';
import type { DtmfKey } from './dtmf-frequencies.ts';
import type { DtmfPress } from './dtmf-player.ts';
import { createDtmfPlayer } from './dtmf-player.ts';
import type { DtmfSettings } from './dtmf-settings.ts';
import { getDtmfContext } from './tone-context.ts';

/** A key pressed at a time, in ms from the start of the rendering. */
export interface TimedKey {
  key: DtmfKey;
  atMs: number;
}

/** A rendering: mono samples, their rate, and what each press scheduled (times in seconds). */
export interface DtmfRendering {
  samples: Float32Array;
  sampleRate: number;
  presses: DtmfPress[];
}

/**
 * Renders the tones of `keys` (pressed at their `atMs`, queued like live presses when too close)
 * into `durationMs` of mono audio.
 *
 * @param sampleRate - defaults to the rate of the live context, as Tone.Offline does (Tone.Offline
 *   creates the live context if there is none; `getDtmfContext` makes sure it is a CSP-safe one)
 */
export async function renderDtmfOffline(
  keys: readonly TimedKey[],
  settings: Partial<DtmfSettings>,
  durationMs: number,
  sampleRate?: number,
): Promise<DtmfRendering> {
  // Tone.Offline reads Tone's global context even when given a rate: install the CSP-safe one.
  const live = getDtmfContext();
  const presses: DtmfPress[] = [];
  // Presses are played in time order, as a user would have made them.
  const ordered = [...keys].sort((a, b) => a.atMs - b.atMs);
  const buffer = await Offline(
    (context) => {
      const player = createDtmfPlayer(settings, { context });
      for (const { key, atMs } of ordered) presses.push(player.press(key, atMs / 1000));
    },
    durationMs / 1000,
    1,
    sampleRate ?? live.sampleRate,
  );
  return { samples: buffer.getChannelData(0), sampleRate: buffer.sampleRate, presses };
}
