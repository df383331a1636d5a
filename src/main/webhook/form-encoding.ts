/**
 * Value encoders for request templates. Both first make the string well-formed: a lone surrogate
 * (possible in a value that came from a JSON response) would otherwise make `encodeURIComponent`
 * throw.
 */

/** Characters `encodeURIComponent` leaves alone but `application/x-www-form-urlencoded` encodes. */
const FORM_EXTRA = /[!'()~]|%20/g;

function formEscape(match: string): string {
  return match === '%20' ? '+' : `%${match.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * Percent-encodes a value interpolated into a URL (`encodeURIComponent`,
 * ../shared/spec/WEBHOOK.md).
 */
export function urlEncode(value: string): string {
  return encodeURIComponent(value.toWellFormed());
}

/**
 * Encodes a value interpolated into a form body exactly as `URLSearchParams` does (space → `+`,
 * `!'()~` percent-encoded), without building a URLSearchParams per value.
 */
export function formEncode(value: string): string {
  return encodeURIComponent(value.toWellFormed()).replace(FORM_EXTRA, formEscape);
}

/** Leaves a value as it is (header values, and JSON strings which `JSON.stringify` escapes). */
export function noEncode(value: string): string {
  return value;
}
