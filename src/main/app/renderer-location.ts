/**
 * Where the main window's page comes from: the Vite dev server under `electron-vite dev`, else the
 * built index.html next to the built main. Pure (no electron), so it is tested under plain Node.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isLoopbackDevServerUrl } from './app-url.ts';

/** The page to load, and the URL the guards treat as the app's own. */
export type RendererLocation =
  { kind: 'dev-server'; url: string } | { kind: 'file'; file: string; url: string };

/**
 * Picks the renderer's location.
 *
 * @param env - the process environment; electron-vite sets `ELECTRON_RENDERER_URL` in dev
 * @param packaged - `app.isPackaged`: a packaged app never follows the dev variable
 * @param mainDir - the folder of the built main script (`out/main`)
 */
export function rendererLocation(
  env: NodeJS.ProcessEnv,
  packaged: boolean,
  mainDir: string,
): RendererLocation {
  const devUrl = env['ELECTRON_RENDERER_URL'];
  if (!packaged && devUrl && isLoopbackDevServerUrl(devUrl)) {
    return { kind: 'dev-server', url: devUrl };
  }
  const file = path.join(mainDir, '../renderer/index.html');
  return { kind: 'file', file, url: pathToFileURL(file).href };
}
