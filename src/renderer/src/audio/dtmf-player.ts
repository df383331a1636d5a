/**
 * The key-tone player: turns key presses into scheduled DTMF tones on one Tone.js graph.
 */
import type { BaseContext, Gain } from './tone.ts';
import type { DtmfKey } from './dtmf-frequencies.ts';
import { dtmfPair } from './dtmf-frequencies.ts';
import { createDtmfGraph } from './dtmf-graph.ts';
import type { ToneWindow } from './dtmf-schedule.ts';
import { placeTone, tonePeaks } from './dtmf-schedule.ts';
import type { DtmfSettings } from './dtmf-settings.ts';
import { normalizeDtmfSettings } from './dtmf-settings.ts';
import { getDtmfContext } from './tone-context.ts';

/** Bounds of the lead a live tone is scheduled with (see {@link scheduleLeadMs}). */
export const SCHEDULE_LEAD_LIMITS_MS = Object.freeze({ min: 6, max: 15 });

/**
 * How far ahead of `currentTime` a live tone is scheduled, in ms. The audio thread renders a whole
 * callback buffer (`baseLatency`: 10 ms in Chromium on Linux) in one burst and only then moves
 * `currentTime` on, so automation set less than a buffer ahead can land in a burst already
 * rendered: the tone then starts part-way up its fade-in, with a click, and comes out short
 * (what a 1 ms lead produced under CPU load in the live tests). So: one buffer plus 3 ms, but at
 * least 6 ms, and at most 15 ms to stay inside the 20 ms press-to-tone budget.
 */
export function scheduleLeadMs(context: BaseContext): number {
  if (context.isOffline) return 0;
  const raw = context.rawContext;
  const bufferMs = 'baseLatency' in raw ? raw.baseLatency * 1000 : 0;
  const { min, max } = SCHEDULE_LEAD_LIMITS_MS;
  return Math.min(max, Math.max(min, bufferMs + 3));
}

/** What a press scheduled. Times are in the player's context seconds. */
export interface DtmfPress extends ToneWindow {
  key: DtmfKey;
  lowHz: number;
  highHz: number;
  /** The context's `currentTime` when `press` ran. */
  pressedAt: number;
  /**
   * `(startsAt - pressedAt)` in ms: the scheduled press-to-tone delay. Under 20 ms unless the tone
   * had to wait for the previous one (`queued`).
   */
  scheduleAheadMs: number;
  /** True when the tone was pushed back to keep `minGapMs` of silence after the previous one. */
  queued: boolean;
}

/** Options of {@link createDtmfPlayer}. */
export interface DtmfPlayerOptions {
  /** The Tone.js context to play in; by default the shared live one (see `getDtmfContext`). */
  context?: BaseContext;
}

/** A key-tone player. */
export interface DtmfPlayer {
  /** The settings in force (a copy). */
  readonly settings: DtmfSettings;
  /**
   * The context the tones play in. `context.rawContext` is the (standardized-audio-context)
   * AudioContext; its `currentTime` is the clock of every time in {@link DtmfPress}.
   */
  readonly context: BaseContext;
  /**
   * The master gain every tone passes through, connected to `context.destination`. Connect it to
   * more Tone.js nodes of the same context (a meter, an analyser) to watch the tones in-page.
   */
  readonly output: Gain;
  /**
   * Changes settings (clamped into `DTMF_SETTING_LIMITS`); tones already scheduled keep theirs.
   * Returns the settings now in force.
   */
  updateSettings(update: Partial<DtmfSettings>): DtmfSettings;
  /**
   * Schedules the tone of `key`. Call it straight from the keydown or click handler: it also
   * resumes a suspended context, which browsers only allow inside a user gesture. Returns at once;
   * the tone starts {@link scheduleLeadMs} later (6-15 ms), or once the previous tone has ended
   * and `minGapMs` of silence has passed.
   *
   * @param at - earliest start in context seconds, for scheduling ahead (offline rendering, replay
   *   of a logged session); never earlier than now
   * @throws RangeError for an unknown key, Error after `dispose`
   */
  press(key: DtmfKey, at?: number): DtmfPress;
  /** Stops the tones and releases the graph. The player cannot be used afterwards. */
  dispose(): void;
}

/**
 * Creates a player and builds its audio graph (two sine oscillators behind envelope gains into a
 * master gain, connected to the context's destination).
 *
 * Tapping the audio in an end-to-end test: the tones reach the native `AudioDestinationNode`
 * through an ordinary call of the native `AudioNode.prototype.connect` (Tone's destination gain,
 * a native GainNode, connects to it when the context starts). So an init script that wraps
 * `AudioNode.prototype.connect` and, whenever the target is an `AudioDestinationNode` of a live
 * `AudioContext`, also connects the same source to a recorder, captures exactly what the user
 * hears. Record on the audio thread (an AudioWorkletNode; a ScriptProcessorNode drops and repeats
 * buffers when the main thread is busy). `tests/helpers/audio-tap.ts` is such a tap,
 * ready to reuse (`installAudioTap(page)`, `startTap`, `stopTap`); `tests/audio/dtmf-live.test.ts`
 * decodes the keys from its recordings.
 */
export function createDtmfPlayer(
  settings: Partial<DtmfSettings> = {},
  options: DtmfPlayerOptions = {},
): DtmfPlayer {
  const context = options.context ?? getDtmfContext();
  const graph = createDtmfGraph(context);
  let current = normalizeDtmfSettings(settings);
  let lastEndsAt: number | undefined;
  let disposed = false;

  return {
    get settings() {
      return { ...current };
    },
    context,
    output: graph.output,
    updateSettings(update) {
      current = normalizeDtmfSettings(update, current);
      return { ...current };
    },
    press(key, at) {
      if (disposed) throw new Error('the DTMF player was disposed');
      const { lowHz, highHz } = dtmfPair(key);
      const pressedAt = context.currentTime;
      if (!context.isOffline && context.state !== 'running') {
        // Must happen inside the user gesture. If the browser refuses, the tone stays scheduled
        // and sounds when the context does run; there is nothing better to do here.
        context.resume().catch(() => undefined);
      }
      const requestedAt = Math.max(at ?? -Infinity, pressedAt + scheduleLeadMs(context) / 1000);
      const window = placeTone(requestedAt, lastEndsAt, current);
      lastEndsAt = window.endsAt;
      const peaks = tonePeaks(current);
      graph.schedule({
        window,
        lowHz,
        highHz,
        lowPeak: peaks.low,
        highPeak: peaks.high,
        rampMs: current.rampMs,
      });
      return {
        key,
        lowHz,
        highHz,
        ...window,
        pressedAt,
        scheduleAheadMs: (window.startsAt - pressedAt) * 1000,
        queued: window.startsAt > requestedAt,
      };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      graph.dispose();
    },
  };
}
