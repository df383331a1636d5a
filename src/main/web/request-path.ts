/**
 * The path and query of a browser-mode request, decoded and checked once, so every route gets a
 * clean string and a malformed target is a 4xx answer instead of a URIError thrown mid-request.
 */

/** Longest request target accepted; the console's own URLs are far shorter. */
export const MAX_TARGET_CHARS = 8 * 1024;

/** A decoded request target, or why it is refused. */
export type RequestPath =
  | { ok: true; path: string; query: URLSearchParams }
  | { ok: false; status: 400 | 414; message: string };

/**
 * Decodes `target` (`req.url`): origin form only, percent-encoding well formed, no NUL byte and
 * no `..` segment (those can only come from an encoded slash or dot: the URL parser has already
 * resolved the plain ones).
 */
export function requestPath(target: string | undefined): RequestPath {
  const raw = target ?? '/';
  if (raw.length > MAX_TARGET_CHARS) {
    return {
      ok: false,
      status: 414,
      message: `request target over ${MAX_TARGET_CHARS} characters`,
    };
  }
  // "http://host/x" (absolute form) or "*" name no file or channel of this server.
  if (!raw.startsWith('/')) {
    return {
      ok: false,
      status: 400,
      message: 'the request target must be a path starting with "/"',
    };
  }
  let url: URL;
  try {
    // A fixed base, so "//elsewhere/x" stays a path on this server rather than naming a host.
    url = new URL(`http://console.invalid${raw}`);
  } catch {
    return { ok: false, status: 400, message: 'the request target is not a valid path' };
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, message: 'the path has malformed percent-encoding' };
  }
  if (path.includes('\0')) {
    return { ok: false, status: 400, message: 'the path contains a NUL byte' };
  }
  if (path.split(/[/\\]/).includes('..')) {
    return { ok: false, status: 400, message: 'the path climbs out of its folder ("..")' };
  }
  return { ok: true, path, query: url.searchParams };
}
