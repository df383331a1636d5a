/**
 * The token the secret tests use, and the forms a leak of it could take in a log, an export or
 * an output: any of them anywhere is a leak.
 */

/** A token with characters that URL, form, JSON and base64 encoding each change. */
export const TOKEN = 'Zq8-tok/3c+1f 9"a&b=';

/** {@link TOKEN} raw, JSON-escaped, URL- and form-encoded, base64, and its first seven characters. */
export const TOKEN_LEAK_FORMS: readonly string[] = [
  TOKEN,
  JSON.stringify(TOKEN).slice(1, -1),
  encodeURIComponent(TOKEN),
  new URLSearchParams({ t: TOKEN }).toString().slice(2),
  Buffer.from(TOKEN).toString('base64').replace(/=+$/, ''),
  TOKEN.slice(0, 7),
];
