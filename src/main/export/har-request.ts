/**
 * A logged webhook request as a HAR request: headers exactly as recorded (secrets were redacted
 * before logging), the body byte for byte, so "Copy as cURL" or a replay tool sends what the
 * platform sent.
 */
import type { WebhookRequestRecord } from '../../shared/webhook-types.ts';
import { requestCookies } from './har-cookies.ts';
import { headerValue, headerValues, toNameValues } from './har-headers.ts';
import type { HarNameValue, HarPostData, HarRequest } from './har-types.ts';

/** The HTTP version the webhook client speaks. */
export const HTTP_VERSION = 'HTTP/1.1';

/** The URL's query, decoded; empty for a URL that does not parse (it is still exported as is). */
function queryStringOf(url: string): HarNameValue[] {
  try {
    return toNameValues([...new URL(url).searchParams]);
  } catch {
    return [];
  }
}

function postDataOf(record: WebhookRequestRecord): HarPostData | undefined {
  if (record.body === null) return undefined;
  const mimeType = headerValue(record.headers, 'content-type') ?? '';
  const postData: HarPostData = { mimeType, text: record.body };
  // The HAR 1.2 text calls text and params alternatives, but Chrome and Firefox write both for
  // forms: text keeps the exact bytes, params lets the Payload tab show the fields decoded.
  if (mimeType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    postData.params = toNameValues([...new URLSearchParams(record.body)]);
  }
  return postData;
}

/** The request as HAR, from the record the log kept. */
export function harRequest(record: WebhookRequestRecord): HarRequest {
  const postData = postDataOf(record);
  return {
    method: record.method,
    url: record.url,
    httpVersion: HTTP_VERSION,
    cookies: requestCookies(headerValues(record.headers, 'cookie')),
    headers: toNameValues(record.headers),
    queryString: queryStringOf(record.url),
    ...(postData ? { postData } : {}),
    // The exact header block (with Host, Content-Length) was written by the HTTP stack, not logged.
    headersSize: -1,
    bodySize: record.body === null ? 0 : Buffer.byteLength(record.body, 'utf8'),
  };
}
