/**
 * The page's one key-tone player. It is created on the first key press, inside that press's
 * gesture, because browsers only let an AudioContext start from a user gesture (one created at
 * load would start suspended and log a warning). Settings given before then are kept for it.
 */
import type { DtmfPlayer, DtmfSettings } from '../../audio/index.ts';
import { createDtmfPlayer, isDtmfKey } from '../../audio/index.ts';

let player: DtmfPlayer | null = null;
let settings: Partial<DtmfSettings> = {};
let enabled = true;

/**
 * Sounds the key's DTMF tone now. Call it synchronously from the keydown or pointer handler, before
 * anything else, so the tone starts within the 20 ms budget.
 */
export function playKeyTone(key: string): void {
  if (!enabled || !isDtmfKey(key)) return;
  try {
    player ??= createDtmfPlayer(settings);
    player.press(key);
  } catch (error) {
    // No audio device or no Web Audio: the key still goes to the call, silently.
    console.warn('key tone failed:', error);
  }
}

/** Applies tone settings at once: to the player if it exists, else to the one to come. */
export function configureKeyTones(next: { enabled: boolean } & Partial<DtmfSettings>): void {
  const { enabled: on, ...tone } = next;
  enabled = on;
  settings = { ...settings, ...tone };
  player?.updateSettings(tone);
}

/**
 * Creates the player ahead of the first key, from any user gesture (the click on Call, a key
 * typed): opening the audio device takes a moment that would otherwise delay the first tone.
 */
export function prepareKeyTones(): void {
  if (!enabled || player) return;
  try {
    player = createDtmfPlayer(settings);
  } catch (error) {
    console.warn('key tones unavailable:', error);
  }
}
