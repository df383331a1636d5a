/**
 * Ambient types for the renderer. A script file (no imports/exports) so its declarations are global.
 */

/**
 * What the preload exposes as `window.ivr` (src/preload/index.ts builds it). For now only facts
 * about the running app; the IPC contract arrives with src/shared/contract.ts.
 */
interface IvrBridge {
  /** The app's version (package.json `version`), e.g. "0.1.0". */
  readonly version: string;
  /** The OS the app runs on, as Node names it: "darwin", "win32", "linux", … */
  readonly platform: string;
}

interface Window {
  /** Present inside Electron only: a plain browser tab has no preload. */
  readonly ivr?: IvrBridge;
}

/** Vite bundles imported CSS; the import itself yields nothing the code uses. */
declare module '*.css';
