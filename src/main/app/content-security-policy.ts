/**
 * The renderer's Content-Security-Policy. Pure (no electron), so tests can check that the header
 * main sends and index.html's `<meta>` say the same thing.
 */

/**
 * The production directives: the app's own files only, no eval, no plugins, no framing. Inline
 * styles are allowed because React's `style` props need them; inline scripts are not.
 */
const PRODUCTION_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
] as const;

/** The policy main sends as a response header for the app's own pages. */
export const PRODUCTION_CSP = PRODUCTION_DIRECTIVES.join('; ');

/**
 * The policy in src/renderer/index.html's `<meta http-equiv>`, which also covers pages loaded from
 * file:// (no response headers) and a plain browser tab. It is the header policy without
 * `frame-ancestors`: browsers ignore that directive in a `<meta>` and log a console error for it.
 */
export const META_CSP = PRODUCTION_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join(
  '; ',
);

/**
 * The header policy under `electron-vite dev`: the production one plus what Vite's dev server
 * needs. Its HMR socket is a `ws:` URL on the dev origin, and @vitejs/plugin-react injects its Fast
 * Refresh preamble as an inline module script, so dev alone allows inline scripts.
 *
 * @param devServerUrl - the Vite dev server's URL (`ELECTRON_RENDERER_URL`), e.g. http://localhost:5173
 */
export function developmentCsp(devServerUrl: string): string {
  const dev = new URL(devServerUrl);
  const socket = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
  return PRODUCTION_DIRECTIVES.map((directive) => {
    if (directive.startsWith('script-src')) return `${directive} 'unsafe-inline'`;
    if (directive.startsWith('connect-src')) return `${directive} ${socket}`;
    return directive;
  }).join('; ');
}
