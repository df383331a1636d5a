/**
 * The console's single window.
 */
import path from 'node:path';
import { BrowserWindow, nativeTheme } from 'electron';
import { appVersionArgument } from '../../preload/app-version-argument.ts';
import type { RendererLocation } from './renderer-location.ts';

/** The window title; index.html's `<title>` says the same, so the page does not change it. */
export const WINDOW_TITLE = 'IVR Test Console';

/**
 * Creates the main window, hidden until its first paint (no white flash), and loads the renderer.
 *
 * @param location - where the page comes from (dev server or built index.html)
 * @param mainDir - the folder of the built main script; the preload is built next to it
 * @param version - the app's version, handed to the preload
 */
export function createMainWindow(
  location: RendererLocation,
  mainDir: string,
  version: string,
): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: WINDOW_TITLE,
    show: false,
    // The page's own background (`--bg` in styles/tokens.css, light and dark), so resizing never
    // shows a mismatched colour; tests/app/main-wiring.test.ts reads it from there.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#0f1318' : '#eceff3',
    webPreferences: {
      // electron-vite builds the preload as one CommonJS file: a sandboxed preload cannot be ESM.
      preload: path.join(mainDir, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      additionalArguments: [appVersionArgument(version)],
    },
  });
  window.once('ready-to-show', () => window.show());

  const loading =
    location.kind === 'dev-server' ? window.loadURL(location.url) : window.loadFile(location.file);
  loading.catch((error: unknown) => {
    console.error(`[app] could not load the renderer from ${location.url}:`, error);
  });
  return window;
}
