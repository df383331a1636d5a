/**
 * Key tones (DTMF, ITU-T Q.23) with Tone.js: the surface the softphone UI uses.
 *
 * ```ts
 * const player = createDtmfPlayer({ toneMs: 100 }); // one per app: one graph, one queue
 * button.onclick = () => player.press('5'); // inside the gesture: also unlocks audio
 * player.updateSettings({ levelDb: -18 });
 * ```
 *
 * Elsewhere in the renderer, import Tone.js by deep path (see `tone.ts`), never from 'tone': the
 * package index creates a default context at load whose worker clock the app's CSP blocks.
 * End-to-end tests tap the audio as described on {@link createDtmfPlayer}.
 */
export type { DtmfKey, DtmfPair } from './dtmf-frequencies.ts';
export { DTMF_HIGH_HZ, DTMF_KEYS, DTMF_LOW_HZ, dtmfPair, isDtmfKey } from './dtmf-frequencies.ts';
export type { DtmfSettings } from './dtmf-settings.ts';
export {
  DEFAULT_DTMF_SETTINGS,
  DTMF_SETTING_LIMITS,
  normalizeDtmfSettings,
} from './dtmf-settings.ts';
export type { DtmfPlayer, DtmfPlayerOptions, DtmfPress } from './dtmf-player.ts';
export { createDtmfPlayer, scheduleLeadMs } from './dtmf-player.ts';
export type { DtmfRendering, TimedKey } from './dtmf-offline.ts';
export { renderDtmfOffline } from './dtmf-offline.ts';
export { getDtmfContext } from './tone-context.ts';
