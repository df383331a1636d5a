/**
 * A logged webhook response as a HAR response. HAR has no way to say "no response", so a timeout
 * or refused connection becomes the convention browsers use for failed requests: status 0, empty
 * status text, nothing received (the entry's `_error` says why).
 */
import type { WebhookResponseRecord } from '../../shared/webhook-types.ts';
import { responseCookies } from './har-cookies.ts';
import { headerValue, headerValues, toNameValues } from './har-headers.ts';
import { HTTP_VERSION } from './har-request.ts';
import type { HarContent, HarResponse } from './har-types.ts';

/** The response HAR entries carry when none arrived. */
export function noHarResponse(): HarResponse {
  return {
    status: 0,
    statusText: '',
    httpVersion: '',
    cookies: [],
    headers: [],
    content: { size: 0, mimeType: '' },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
  };
}

function contentOf(response: WebhookResponseRecord): HarContent {
  const content: HarContent = {
    size: response.bytesRead,
    mimeType: headerValue(response.headers, 'content-type') ?? '',
  };
  // The decoded text of a body that is not UTF-8 is lossy; the bytes themselves are only kept
  // base64-encoded, which HAR carries as is.
  if (response.bodyBase64 !== undefined) {
    content.text = response.bodyBase64;
    content.encoding = 'base64';
  } else {
    content.text = response.body;
  }
  if (response.truncated) {
    content.comment = `body truncated: reading stopped at the body cap after ${response.bytesRead} bytes; text holds the bytes kept`;
  }
  return content;
}

/** The response as HAR, from the record the log kept (or the no-response stand-in for null). */
export function harResponse(response: WebhookResponseRecord | null): HarResponse {
  if (response === null) return noHarResponse();
  return {
    status: response.status,
    statusText: response.statusText,
    httpVersion: HTTP_VERSION,
    cookies: responseCookies(headerValues(response.headers, 'set-cookie')),
    headers: toNameValues(response.headers),
    content: contentOf(response),
    // Webhook redirects are not followed (a violation), but the target is worth showing.
    redirectURL: headerValue(response.headers, 'location') ?? '',
    headersSize: -1,
    bodySize: response.bytesRead,
  };
}
