/**
 * Cookies for HAR's `cookies` arrays, read from the recorded `Cookie` and `Set-Cookie` headers.
 * Webhooks rarely carry cookies, but when a flow sends one (or a CRM sets one) the Network panel's
 * Cookies tab should show it rather than an empty list.
 */
import type { HarCookie } from './har-types.ts';

function splitPair(text: string): [string, string] | null {
  const eq = text.indexOf('=');
  if (eq <= 0) return null;
  return [text.slice(0, eq).trim(), text.slice(eq + 1).trim()];
}

/** The cookies of `Cookie` header values (`a=1; b=2`). */
export function requestCookies(cookieHeaders: readonly string[]): HarCookie[] {
  const cookies: HarCookie[] = [];
  for (const header of cookieHeaders) {
    for (const part of header.split(';')) {
      const pair = splitPair(part);
      if (pair) cookies.push({ name: pair[0], value: pair[1] });
    }
  }
  return cookies;
}

/** The cookies of `Set-Cookie` header values, with the attributes HAR has fields for. */
export function responseCookies(setCookieHeaders: readonly string[]): HarCookie[] {
  const cookies: HarCookie[] = [];
  for (const header of setCookieHeaders) {
    const [first = '', ...attributes] = header.split(';');
    const pair = splitPair(first);
    if (!pair) continue;
    const cookie: HarCookie = { name: pair[0], value: pair[1] };
    for (const attribute of attributes) {
      const [key = '', value = ''] = splitPair(attribute) ?? [attribute.trim(), ''];
      switch (key.toLowerCase()) {
        case 'path':
          cookie.path = value;
          break;
        case 'domain':
          cookie.domain = value;
          break;
        case 'expires': {
          // HAR wants ISO 8601; an unparsable date is dropped rather than passed on malformed.
          const time = Date.parse(value);
          if (!Number.isNaN(time)) cookie.expires = new Date(time).toISOString();
          break;
        }
        case 'httponly':
          cookie.httpOnly = true;
          break;
        case 'secure':
          cookie.secure = true;
          break;
      }
    }
    cookies.push(cookie);
  }
  return cookies;
}
