/**
 * Pure command construction for espeak-ng: arguments, the voice list parser and the choice of a
 * voice for a locale. The prompt is never an argument: it goes to `--stdin`.
 */
import { resolve } from 'node:path';
import type { SpeechVoice } from './speech-engine.ts';
import { formatLocale, parseLocale } from './speech-settings.ts';

/** Inputs of {@link espeakArgs}, already validated. */
export interface EspeakArgsInput {
  /** A checked espeak-ng voice id, or undefined for the default voice. */
  voice?: string;
  /** Words per minute. */
  rate: number;
  /** WAV file to write instead of playing. */
  output?: string;
}

/**
 * espeak-ng arguments: read the whole prompt from stdin as UTF-8 (`-b 1`), at `rate` words per
 * minute, with `voice`, to the audio device or to `output` (made absolute so it can never be
 * read as an option).
 */
export function espeakArgs(input: EspeakArgsInput): string[] {
  const args = ['--stdin', '-b', '1', '-s', String(input.rate)];
  if (input.voice !== undefined) args.push('-v', input.voice);
  if (input.output !== undefined) args.push('-w', resolve(input.output));
  return args;
}

/**
 * The text to write to espeak-ng's stdin. Some espeak-ng releases' bulk `--stdin` reader drop the
 * last character read (they expect a trailing newline), so one is always added.
 */
export function espeakInput(text: string): string {
  return `${text}\n`;
}

/** An espeak-ng voice with every language it answers to. */
export interface EspeakVoice extends SpeechVoice {
  /** Lower-case language tags: its own first, then "Other Languages" (e.g. `zh` for `cmn`). */
  languages: string[];
}

/**
 * Parses `espeak-ng --voices`:
 * `Pty Language Age/Gender VoiceName File Other Languages`, e.g.
 * ` 5  cmn   --/M  Chinese_(Mandarin,_latin_as_English) sit/cmn  (zh-cmn 5)(zh 5)`.
 * The id is the voice file (unique, and accepted by `-v`); `variant` rows are skipped.
 */
export function parseEspeakVoices(stdout: string): EspeakVoice[] {
  const voices: EspeakVoice[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^\s*\d+\s+(\S+)\s+\S+\s+(\S+)\s+(\S+)(.*)$/.exec(line);
    if (!match) continue;
    const [, language = '', name = '', file = '', rest = ''] = match;
    if (language === 'variant') continue;
    const others = [...rest.matchAll(/\(([^\s()]+)\s+\d+\)/g)].map((m) =>
      (m[1] ?? '').toLowerCase(),
    );
    voices.push({
      id: file,
      name: name.replace(/_/g, ' '),
      locale: language,
      languages: [language.toLowerCase(), ...others],
    });
  }
  return voices;
}

/**
 * The `-v` value for a flow's locale, or undefined for espeak-ng's default voice: the voice whose
 * language is exactly the locale (`en-US` -> `en-us`), else the locale's `language-region` when
 * some voice speaks that language, leaving the closest match to espeak-ng's own scoring
 * (`en-AU` -> British English, `zh-CN` -> Mandarin).
 */
export function pickEspeakVoice(
  locale: string,
  voices: readonly EspeakVoice[],
): string | undefined {
  const parts = parseLocale(locale);
  if (parts === undefined) return undefined;
  const full = formatLocale(parts).toLowerCase();
  if (voices.some((voice) => voice.languages[0] === full)) return full;
  const speaksLanguage = voices.some((voice) =>
    voice.languages.some((tag) => tag === parts.language || tag.startsWith(`${parts.language}-`)),
  );
  return speaksLanguage ? full : undefined;
}
