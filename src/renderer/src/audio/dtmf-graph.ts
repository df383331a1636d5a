/**
 * The audio graph of the key tones, built once per player:
 *
 *   low oscillator  -> low envelope gain  \
 *                                           -> master gain -> context destination
 *   high oscillator -> high envelope gain /
 *
 * The oscillators run for the player's whole life and sit behind envelope gains held at zero; a
 * tone is nothing but automation (a frequency change while silent and a gain envelope), so a key
 * press allocates no nodes and costs microseconds. The same graph serves live and offline
 * rendering.
 */
import type { BaseContext } from './tone.ts';
import { Gain, ToneOscillatorNode } from './tone.ts';
import type { EnvelopeStep, ToneWindow } from './dtmf-schedule.ts';
import { toneEnvelope } from './dtmf-schedule.ts';

/** One tone group: a sine and the gain that shapes it. */
interface Voice {
  oscillator: ToneOscillatorNode;
  envelope: Gain;
}

/** What one tone needs: its window, both frequencies, both peak amplitudes and the ramp length. */
export interface ToneSpec {
  window: ToneWindow;
  lowHz: number;
  highHz: number;
  lowPeak: number;
  highPeak: number;
  rampMs: number;
}

/** The built graph. */
export interface DtmfGraph {
  /** Master gain, connected to the context's destination. */
  readonly output: Gain;
  /** Schedules one tone's automation. Tones must not overlap (see `placeTone`). */
  schedule(tone: ToneSpec): void;
  /** Stops the oscillators and disconnects everything. */
  dispose(): void;
}

function createVoice(context: BaseContext, output: Gain): Voice {
  const envelope = new Gain({ context, gain: 0 }).connect(output);
  // ToneOscillatorNode (not Tone.Oscillator): starting it while the context is still suspended
  // is fine and does not print Tone's "context is suspended" warning.
  const oscillator = new ToneOscillatorNode({ context, type: 'sine', frequency: 1000 });
  oscillator.connect(envelope).start(0);
  return { oscillator, envelope };
}

function applySteps(voice: Voice, steps: EnvelopeStep[]): void {
  for (const step of steps) {
    if (step.kind === 'set') voice.envelope.gain.setValueAtTime(step.value, step.time);
    else voice.envelope.gain.linearRampToValueAtTime(step.value, step.time);
  }
}

/**
 * Builds the graph in a context. The master gain goes to `context.destination` (Tone's
 * destination, which a native `connect` links to the native `AudioDestinationNode`).
 */
export function createDtmfGraph(context: BaseContext): DtmfGraph {
  const output = new Gain({ context, gain: 1 });
  output.connect(context.destination);
  const low = createVoice(context, output);
  const high = createVoice(context, output);

  return {
    output,
    schedule(tone) {
      // The frequency changes at the window start, where the envelope is exactly zero: silent.
      low.oscillator.frequency.setValueAtTime(tone.lowHz, tone.window.startsAt);
      high.oscillator.frequency.setValueAtTime(tone.highHz, tone.window.startsAt);
      applySteps(low, toneEnvelope(tone.window, tone.lowPeak, tone.rampMs));
      applySteps(high, toneEnvelope(tone.window, tone.highPeak, tone.rampMs));
    },
    dispose() {
      for (const voice of [low, high]) {
        voice.oscillator.dispose();
        voice.envelope.dispose();
      }
      output.dispose();
    },
  };
}
