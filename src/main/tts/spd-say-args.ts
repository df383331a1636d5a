/**
 * Pure command construction for Speech Dispatcher's `spd-say`.
 *
 * Why pipe mode (`-e`): a prompt given as an argument reaches `spd_sayf()` as a printf format
 * string, so `%s` in a prompt would be undefined behaviour; pipe mode reads stdin line by line
 * and speaks each line as plain text. Pipe mode does run lines starting with `!-!` as raw SSIP
 * commands and splits lines longer than 16 kB, so {@link spdSayInput} defuses both.
 */
import type { SpeechVoice } from './speech-engine.ts';
import {
  DEFAULT_RATE_WPM,
  MAX_RATE_WPM,
  MIN_RATE_WPM,
  formatLocale,
  parseLocale,
} from './speech-settings.ts';

/** Inputs of {@link spdSayArgs}, already validated. */
export interface SpdSayArgsInput {
  /** A checked Speech Dispatcher synthesis voice name. */
  voice?: string;
  /** Words per minute. */
  rate: number;
  /** The flow's locale, passed as the language. */
  locale?: string;
}

/** Speech Dispatcher's rate (-100..100) for words per minute: 80 -> -100, 175 -> 0, 400 -> 100. */
export function spdSayRate(wpm: number): number {
  const scaled =
    wpm >= DEFAULT_RATE_WPM
      ? ((wpm - DEFAULT_RATE_WPM) / (MAX_RATE_WPM - DEFAULT_RATE_WPM)) * 100
      : ((wpm - DEFAULT_RATE_WPM) / (DEFAULT_RATE_WPM - MIN_RATE_WPM)) * 100;
  return Math.round(Math.min(100, Math.max(-100, scaled)));
}

/**
 * `spd-say` arguments to speak stdin and wait (`-w`) until it has been spoken, as plain text
 * priority, under the application name `ivr-test-console`.
 */
export function spdSayArgs(input: SpdSayArgsInput): string[] {
  const args = [
    '-e',
    '-w',
    '-P',
    'text',
    '-N',
    'ivr-test-console',
    '-r',
    String(spdSayRate(input.rate)),
  ];
  const locale = parseLocale(input.locale);
  if (locale !== undefined) args.push('-l', formatLocale(locale));
  if (input.voice !== undefined) args.push('-y', input.voice);
  return args;
}

/**
 * Cancels everything Speech Dispatcher is saying or has queued. Killing `spd-say -w` only stops
 * the waiting; the daemon would go on speaking. SSIP has no "cancel another connection's
 * message", so this cancels all clients' speech (a screen reader's too), which is what a
 * barge-in needs.
 */
export const SPD_SAY_CANCEL_ARGS: readonly string[] = ['-C'];

/** Longest line written, in UTF-16 code units (≤ 3 bytes each: well under spd-say's 16 kB). */
const MAX_LINE = 4000;

/**
 * The prompt as pipe-mode input: one line per non-empty line of text, long lines split at
 * spaces, each line that would start with `!-!` (an SSIP command escape) prefixed with a space.
 */
export function spdSayInput(text: string): string {
  const lines: string[] = [];
  for (const raw of text.split(/\r\n|[\n\r\u2028\u2029]/)) {
    let rest = raw.trim();
    while (rest.length > MAX_LINE) {
      let cut = rest.lastIndexOf(' ', MAX_LINE);
      if (cut < MAX_LINE / 2) cut = MAX_LINE;
      // Never split a surrogate pair.
      if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
      lines.push(rest.slice(0, cut).trim());
      rest = rest.slice(cut).trim();
    }
    lines.push(rest);
  }
  return lines
    .filter((line) => line !== '')
    .map((line) => (line.startsWith('!-!') ? ` ${line}` : line))
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * Parses `spd-say -L`: a `NAME LANGUAGE VARIANT` header, then one right-aligned row per voice;
 * names may contain spaces, language and variant do not.
 */
export function parseSpdSayVoices(stdout: string): SpeechVoice[] {
  const voices: SpeechVoice[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^\s*(.+?)\s+(\S+)\s+(\S+)\s*$/.exec(line);
    if (!match) continue;
    const [, name = '', language = '', variant = ''] = match;
    if (name === 'NAME' && language === 'LANGUAGE' && variant === 'VARIANT') continue;
    voices.push({ id: name, name, locale: language });
  }
  return voices;
}
