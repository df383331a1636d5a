/**
 * Validation and normalisation of speech settings and prompt text, shared by every adapter, so
 * nothing a user typed (or a flow author wrote) can turn into a command-line option.
 */

/** Default speaking rate in words per minute. */
export const DEFAULT_RATE_WPM = 175;
/** Slowest accepted rate in words per minute. */
export const MIN_RATE_WPM = 80;
/** Fastest accepted rate in words per minute. */
export const MAX_RATE_WPM = 400;

/**
 * The rate to use, in whole words per minute: the default for a missing or non-finite value,
 * otherwise clamped to {@link MIN_RATE_WPM}..{@link MAX_RATE_WPM}.
 */
export function normalizeRate(rate: number | undefined): number {
  if (rate === undefined || !Number.isFinite(rate)) return DEFAULT_RATE_WPM;
  return Math.round(Math.min(MAX_RATE_WPM, Math.max(MIN_RATE_WPM, rate)));
}

/**
 * espeak-ng voice ids: a language tag (`en-us`), a voice file (`gmw/en-US`), optionally with a
 * variant (`en-us+f3`). Never a leading `-` (it would read as an option) and never `..`.
 */
const ESPEAK_VOICE = /^[A-Za-z0-9][A-Za-z0-9_+./-]{0,79}$/;

/**
 * Display-name voices (macOS `say`, SAPI, Speech Dispatcher): letters, digits, spaces and a
 * little punctuation, as in `Eddy (English (US))` or `Microsoft Zira Desktop`. No quotes,
 * semicolons, `$`, control characters or a leading `-`.
 */
const NAMED_VOICE = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} ._()'+/-]{0,99}$/u;

/** Which pattern a voice id must match. */
export type VoiceIdKind = 'espeak' | 'named';

/**
 * Returns `voice` unchanged when it is a safe id of that kind; throws a clear Error otherwise.
 * An empty string means "no voice set" and yields undefined.
 */
export function checkVoiceId(voice: string | undefined, kind: VoiceIdKind): string | undefined {
  if (voice === undefined || voice === '') return undefined;
  const ok =
    kind === 'espeak' ? ESPEAK_VOICE.test(voice) && !voice.includes('..') : NAMED_VOICE.test(voice);
  if (!ok) throw new Error(`Invalid voice id ${JSON.stringify(voice.slice(0, 100))}`);
  return voice;
}

const LOCALE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;

/** A parsed BCP 47 locale: language and, when present, region. */
export interface LocaleParts {
  /** Lower-case language subtag, e.g. `en`. */
  language: string;
  /** Upper-case region subtag, e.g. `US`, or a UN M.49 number such as `419`. */
  region?: string;
}

/**
 * Language and region of a BCP 47 locale (`en-US`, `en_us`, `zh-Hans-CN`); undefined for
 * anything that does not look like one, so a bad locale just means "default voice".
 */
export function parseLocale(locale: string | undefined): LocaleParts | undefined {
  if (locale === undefined || !LOCALE.test(locale)) return undefined;
  const [language = '', ...rest] = locale.split(/[-_]/);
  const region = rest.find((part) => /^(?:[A-Za-z]{2}|\d{3})$/.test(part));
  return region === undefined
    ? { language: language.toLowerCase() }
    : { language: language.toLowerCase(), region: region.toUpperCase() };
}

/** `en-US` from its parts (language alone when there is no region). */
export function formatLocale(parts: LocaleParts): string {
  return parts.region === undefined ? parts.language : `${parts.language}-${parts.region}`;
}

/**
 * The prompt as engines should receive it: C0/C1 control characters (other than tab and line
 * breaks) removed, because some engines treat them as in-band commands; surrounding whitespace
 * trimmed.
 */
export function cleanSpeechText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ').trim();
}
