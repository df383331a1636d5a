/**
 * The renderer's security perimeter, besides the BrowserWindow's own webPreferences: where pages
 * may navigate, what happens to new windows and links, which permissions are granted (none), and
 * the Content-Security-Policy header.
 */
import { fileURLToPath } from 'node:url';
import { shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { isAppUrl, isExternalWebUrl } from './app-url.ts';

/** Hands a web link to the system browser; anything that is not http(s) is dropped. */
function openInSystemBrowser(url: string): void {
  if (!isExternalWebUrl(url)) {
    console.warn(`[security] refused to open a non-web URL externally: ${url}`);
    return;
  }
  shell.openExternal(url).catch((error: unknown) => {
    console.warn(`[security] could not open ${url} in the system browser:`, error);
  });
}

/**
 * Keeps `contents` on the app's own pages: navigation elsewhere is cancelled (web links go to the
 * system browser instead) and no page may open a new Electron window.
 *
 * @param contents - every WebContents the app creates (from `app.on('web-contents-created')`)
 * @param appUrl - the URL the main window loads (dev server or file: URL of index.html)
 * @param onFileDropped - receives the path of a file or folder dropped on the window
 */
export function guardWebContents(
  contents: WebContents,
  appUrl: string,
  onFileDropped?: (path: string) => void,
): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, appUrl)) return;
    event.preventDefault();
    // A file dropped on the page makes Chromium navigate to it: hand it to the console instead.
    if (event.url.startsWith('file:') && onFileDropped) {
      onFileDropped(fileURLToPath(event.url));
      return;
    }
    openInSystemBrowser(event.url);
  });
  // A new window would start outside our webPreferences; links meant for one go to the browser.
  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowser(url);
    return { action: 'deny' };
  });
}

/**
 * Locks down `session`: every permission request and check is refused (the console needs none:
 * audio output needs no permission and speech runs in main), and the app's own responses carry
 * `csp` as their Content-Security-Policy header, replacing any the server sent.
 *
 * @param session - the session the main window uses (`session.defaultSession`)
 * @param appUrl - the URL the main window loads; only responses from the app get the header
 * @param csp - the policy to send (production or development, see content-security-policy.ts)
 */
export function lockDownSession(session: Session, appUrl: string, csp: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, appUrl)) {
      callback({});
      return;
    }
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Header names arrive in any case: drop every variant so exactly one policy applies.
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}
