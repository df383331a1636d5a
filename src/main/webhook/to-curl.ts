/**
 * Copy-as-cURL of a request record (secrets already redacted there). Every argument is
 * single-quoted for POSIX shells, so quotes, `$`, backticks and newlines reach curl untouched.
 */
import type { WebhookRequestRecord } from '../../shared/webhook-types.ts';

/** Quotes one shell argument: `'` becomes `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * Brackets outside an IPv6 host make curl glob (`[redacted]` would be read as a range), so they
 * are percent-encoded in the URL handed to curl; the server receives the same request.
 */
function curlUrl(url: string): string {
  const hostEnd = url.indexOf('/', url.indexOf('//') + 2);
  if (hostEnd === -1) return url;
  return url.slice(0, hostEnd) + url.slice(hostEnd).replaceAll('[', '%5B').replaceAll(']', '%5D');
}

/** Builds `curl -sS -X METHOD 'url' -H 'Name: value' … --data-raw 'body'`. */
export function toCurl(request: WebhookRequestRecord): string {
  const parts = ['curl', '-sS', '-X', request.method, shellQuote(curlUrl(request.url))];
  for (const [name, value] of request.headers) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (request.body !== null) parts.push('--data-raw', shellQuote(request.body));
  return parts.join(' ');
}
