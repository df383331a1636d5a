/**
 * The preload: runs sandboxed, before the page, and is the only bridge between the page and main.
 * It exposes plain, frozen facts as `window.ivr` and nothing raw (no ipcRenderer, no Node APIs).
 * The IPC contract (src/shared/contract.ts) will extend this object.
 */
import { contextBridge } from 'electron';
import { readAppVersion } from './app-version-argument.ts';

/** What the page sees as `window.ivr`; mirrored by src/renderer/src/env.d.ts. */
export interface IvrBridge {
  readonly version: string;
  readonly platform: string;
}

const bridge: IvrBridge = Object.freeze({
  version: readAppVersion(process.argv),
  platform: process.platform,
});

contextBridge.exposeInMainWorld('ivr', bridge);
