/**
 * Ambient types for the renderer. A script file (no top-level imports) so its declarations are
 * global; the contract's types come in through an inline import type.
 */

/** What the preload exposes as `window.ivr` (src/preload/index.ts builds it). */
type IvrBridge = import('../../shared/contract.ts').IvrApi & {
  /** The app's version (package.json `version`), e.g. "0.1.0". */
  readonly version: string;
  /** The OS the app runs on, as Node names it: "darwin", "win32", "linux", … */
  readonly platform: string;
};

interface Window {
  /** Present inside Electron only: in browser mode the page talks to main over loopback HTTP. */
  readonly ivr?: IvrBridge;
}

/** Vite bundles imported CSS; the import itself yields nothing the code uses. */
declare module '*.css';
