/**
 * Pure command construction for Windows speech: System.Speech (SAPI) driven by a PowerShell
 * script that PowerShell reads from stdin (`-Command -`). The script is a constant per mode;
 * everything variable (prompt, voice, rate, locale, output file) reaches it through environment
 * variables, so no input is ever parsed as PowerShell.
 */
import { resolve } from 'node:path';
import type { SpeechVoice } from './speech-engine.ts';
import { DEFAULT_RATE_WPM, formatLocale, parseLocale } from './speech-settings.ts';

/** What a SAPI script does. */
export type SapiMode = 'speak' | 'render' | 'voices';

/** PowerShell arguments: no profile, no prompts, script from stdin. */
export const POWERSHELL_ARGS: readonly string[] = [
  '-NoProfile',
  '-NonInteractive',
  '-Command',
  '-',
];

/**
 * SAPI rate (-10..10) for words per minute. SAPI's rate 0 is about 175 wpm and each step scales
 * speed geometrically, 10 steps being about 3x; so 80 wpm -> -7, 175 -> 0, 350 -> 6, 400 -> 8.
 */
export function sapiRate(wpm: number): number {
  const steps = (10 * Math.log(wpm / DEFAULT_RATE_WPM)) / Math.log(3);
  return Math.round(Math.min(10, Math.max(-10, steps)));
}

/** Sample rate of rendered files (16-bit mono PCM), in Hz. */
export const SAPI_SAMPLE_RATE = 22050;

/** Environment variable prefix of the script's inputs. */
const ENV = 'IVR_TTS_';
/**
 * The prompt is split over several variables: one Windows environment variable holds at most
 * 32,767 characters.
 */
const TEXT_CHUNK = 8000;

/** Inputs of {@link sapiEnv}, already validated. */
export interface SapiEnvInput {
  text?: string;
  /** A checked SAPI voice name. */
  voice?: string;
  /** Words per minute. */
  rate?: number;
  locale?: string;
  /** WAV file to write (render mode). */
  output?: string;
}

/**
 * The environment variables carrying a script's inputs. Every variable is always set (empty when
 * unused) so a stale value inherited from the parent environment can never leak in.
 */
export function sapiEnv(input: SapiEnvInput): Record<string, string> {
  const chunks = splitText(input.text ?? '', TEXT_CHUNK);
  const env: Record<string, string> = {
    [`${ENV}TEXT_COUNT`]: String(chunks.length),
    [`${ENV}VOICE`]: input.voice ?? '',
    [`${ENV}RATE`]: String(sapiRate(input.rate ?? DEFAULT_RATE_WPM)),
    [`${ENV}LOCALE`]: formatOptionalLocale(input.locale),
    [`${ENV}OUTPUT`]: input.output === undefined ? '' : resolve(input.output),
  };
  chunks.forEach((chunk, index) => (env[`${ENV}TEXT_${index}`] = chunk));
  return env;
}

function formatOptionalLocale(locale: string | undefined): string {
  const parts = parseLocale(locale);
  return parts === undefined ? '' : formatLocale(parts);
}

/** `text` in pieces of at most `size` UTF-16 units, never splitting a surrogate pair. */
function splitText(text: string, size: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const cut = /[\uD800-\uDBFF]/.test(rest.charAt(size - 1)) ? size - 1 : size;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest !== '') chunks.push(rest);
  return chunks;
}

const LOAD = [
  `$ErrorActionPreference = 'Stop'`,
  `Add-Type -AssemblyName System.Speech`,
  `$s = New-Object System.Speech.Synthesis.SpeechSynthesizer`,
];

/** Prompt from the TEXT_n variables; voice by name, else the first enabled one for the locale. */
const PREPARE = [
  `$n = [int]$env:${ENV}TEXT_COUNT`,
  `$t = -join @(0..($n - 1) | ForEach-Object { [Environment]::GetEnvironmentVariable('${ENV}TEXT_' + $_) })`,
  `if ($env:${ENV}VOICE) { $s.SelectVoice($env:${ENV}VOICE) } elseif ($env:${ENV}LOCALE) { try { $c = [System.Globalization.CultureInfo]::GetCultureInfo($env:${ENV}LOCALE); if ($s.Voice.Culture.Name -ne $c.Name) { $v = @($s.GetInstalledVoices($c) | Where-Object { $_.Enabled }); if ($v.Count -gt 0) { $s.SelectVoice($v[0].VoiceInfo.Name) } } } catch { } }`,
  `$s.Rate = [int]$env:${ENV}RATE`,
];

const BODY: Record<SapiMode, string[]> = {
  speak: [...PREPARE, `$s.SetOutputToDefaultAudioDevice()`, `$s.Speak($t)`],
  render: [
    ...PREPARE,
    `$f = New-Object System.Speech.AudioFormat.SpeechAudioFormatInfo(${SAPI_SAMPLE_RATE}, [System.Speech.AudioFormat.AudioBitsPerSample]::Sixteen, [System.Speech.AudioFormat.AudioChannel]::Mono)`,
    `$s.SetOutputToWaveFile($env:${ENV}OUTPUT, $f)`,
    `$s.Speak($t)`,
  ],
  voices: [
    `[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false`,
    `foreach ($v in $s.GetInstalledVoices()) { if ($v.Enabled) { [Console]::Out.WriteLine($v.VoiceInfo.Name + [char]9 + $v.VoiceInfo.Culture.Name) } }`,
  ],
};

/**
 * The PowerShell script for `mode`, on one line: PowerShell's `-Command -` runs stdin line by
 * line, so a single line keeps `try`/`catch` in one piece. Errors go to stderr as
 * `SAPI: message` with exit code 1.
 */
export function sapiScript(mode: SapiMode): string {
  const statements = [...LOAD, ...BODY[mode], `$s.Dispose()`];
  return `try { ${statements.join('; ')} } catch { [Console]::Error.WriteLine('SAPI: ' + $_.Exception.Message); exit 1 }; exit 0\r\n`;
}

/** Parses the `voices` script's output: `name<TAB>culture` per line. */
export function parseSapiVoices(stdout: string): SpeechVoice[] {
  const voices: SpeechVoice[] = [];
  for (const line of stdout.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const [name = '', culture = ''] = line.split('\t');
    if (name.trim() === '' || !line.includes('\t')) continue;
    voices.push(
      culture.trim() === ''
        ? { id: name.trim(), name: name.trim() }
        : { id: name.trim(), name: name.trim(), locale: culture.trim() },
    );
  }
  return voices;
}
