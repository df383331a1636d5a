/**
 * Pure command construction for macOS `say`. The prompt is read from stdin (`-f -`), never
 * passed as an argument.
 */
import { resolve } from 'node:path';
import type { SpeechVoice } from './speech-engine.ts';

/** Inputs of {@link sayArgs}, already validated. */
export interface SayArgsInput {
  /** A checked voice name, or undefined for the system voice. */
  voice?: string;
  /** Words per minute (`say -r` takes them as is). */
  rate: number;
  /** WAV file to write instead of playing. */
  output?: string;
}

/** Sample rate of rendered files, in Hz. */
export const SAY_SAMPLE_RATE = 22050;

/** Sample format of rendered files: 16-bit little-endian PCM at {@link SAY_SAMPLE_RATE}. */
export const SAY_WAV_FORMAT = [
  '--file-format=WAVE',
  `--data-format=LEI16@${SAY_SAMPLE_RATE}`,
] as const;

/** `say` arguments: read stdin, at `rate`, with `voice`, to the speakers or to `output`. */
export function sayArgs(input: SayArgsInput): string[] {
  const args = ['-f', '-', '-r', String(input.rate)];
  if (input.voice !== undefined) args.push('-v', input.voice);
  if (input.output !== undefined) args.push('-o', resolve(input.output), ...SAY_WAV_FORMAT);
  return args;
}

/** Arguments listing the installed voices. */
export const SAY_VOICES_ARGS: readonly string[] = ['-v', '?'];

/**
 * Parses `say -v '?'`, one voice a line: name (may contain spaces and parentheses), locale
 * (`en_US`), `#`, a sample sentence. E.g. `Eddy (English (US)) en_US    # Hello! My name is Eddy.`
 */
export function parseSayVoices(stdout: string): SpeechVoice[] {
  const voices: SpeechVoice[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^(.+?)\s+([a-z]{2,3}(?:[_-][A-Za-z0-9]+)*)\s+#/.exec(line);
    if (!match) continue;
    const [, name = '', locale = ''] = match;
    voices.push({ id: name.trim(), name: name.trim(), locale: locale.replace(/_/g, '-') });
  }
  return voices;
}

/**
 * macOS's novelty voices (sound effects and gimmicks): never chosen automatically for a locale,
 * though a user may still pick one.
 */
const NOVELTY_VOICES = new Set([
  'Albert',
  'Bad News',
  'Bahh',
  'Bells',
  'Boing',
  'Bubbles',
  'Cellos',
  'Deranged',
  'Good News',
  'Hysterical',
  'Jester',
  'Organ',
  'Pipe Organ',
  'Superstar',
  'Trinoids',
  'Whisper',
  'Wobble',
  'Zarvox',
]);

/** True for a macOS novelty voice. */
export function isNoveltySayVoice(voice: SpeechVoice): boolean {
  return NOVELTY_VOICES.has(voice.name);
}
