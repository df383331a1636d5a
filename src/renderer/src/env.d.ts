/**
 * Globals of the renderer: what the preload exposes as `window.ivr` (src/preload/index.ts).
 */
import type { IvrApi } from '../../shared/contract.ts';

declare global {
  /** The contract's API plus plain facts about the app. */
  type IvrBridge = IvrApi & {
    /** The app's version (package.json `version`), e.g. "0.1.0". */
    readonly version: string;
    /** The OS the app runs on, as Node names it: "darwin", "win32", "linux", … */
    readonly platform: string;
  };

  interface Window {
    /** Present inside Electron only: in browser mode the page talks to main over loopback HTTP. */
    readonly ivr?: IvrBridge;
  }
}
