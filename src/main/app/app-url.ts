/**
 * URL checks behind the navigation and external-link guards. Pure (no electron) so they are tested
 * under plain Node.
 */

/** Parses `url`, or returns undefined where it is not a URL at all. */
function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Whether `url` belongs to the app itself: the dev server's origin in development, or a file inside
 * the renderer's folder when the app is loaded from disk. (A file: URL's origin is opaque, so files
 * are compared by folder instead.)
 *
 * @param url - the URL being navigated to or answered
 * @param appUrl - the URL the main window loaded (dev server URL or file: URL of index.html)
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const target = parse(url);
  const app = parse(appUrl);
  if (!target || !app) return false;
  if (app.protocol === 'file:') {
    const folder = app.pathname.slice(0, app.pathname.lastIndexOf('/') + 1);
    return (
      target.protocol === 'file:' && target.host === app.host && target.pathname.startsWith(folder)
    );
  }
  return target.origin === app.origin;
}

/**
 * Whether `url` may be handed to the system browser: http and https only, so a page can never make
 * the OS open `file:`, `smb:` or a custom scheme that launches another program.
 *
 * @param url - the link the page tried to open
 */
export function isExternalWebUrl(url: string): boolean {
  const target = parse(url);
  return target?.protocol === 'http:' || target?.protocol === 'https:';
}

/**
 * Whether a dev server URL is safe to load: electron-vite serves on loopback over http(s). Anything
 * else in `ELECTRON_RENDERER_URL` is refused, so the variable cannot point the app at a remote page.
 *
 * @param url - the value of `ELECTRON_RENDERER_URL`
 */
export function isLoopbackDevServerUrl(url: string): boolean {
  const target = parse(url);
  if (!target || (target.protocol !== 'http:' && target.protocol !== 'https:')) return false;
  return ['localhost', '127.0.0.1', '[::1]'].includes(target.hostname);
}
