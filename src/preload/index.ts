/**
 * The preload: runs sandboxed, before the page, and is the only bridge between the page and main.
 * It exposes exactly the IPC contract as `window.ivr` (a request per contract channel, one event
 * subscription) plus plain facts; never ipcRenderer itself, never a Node API.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { Channel, ConsoleEvent, Envelope, IvrApi } from '../shared/contract.ts';
import { EVENT_CHANNEL, IPC_PREFIX, isChannel } from '../shared/contract.ts';
import { readAppVersion } from './app-version-argument.ts';

/** What the page sees as `window.ivr`; mirrored by src/renderer/src/env.d.ts. */
export interface IvrBridge extends IvrApi {
  readonly version: string;
  readonly platform: string;
}

const bridge: IvrBridge = Object.freeze({
  version: readAppVersion(process.argv),
  platform: process.platform,
  invoke(channel: Channel, input: unknown) {
    // Only contract channels go to main; anything else is answered here without a round trip.
    if (!isChannel(channel)) {
      const refused: Envelope<never> = {
        ok: false,
        error: {
          code: 'unknown_channel',
          message: `unknown channel "${String(channel).slice(0, 80)}"`,
        },
      };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(IPC_PREFIX + channel, input);
  },
  subscribe(listener: (event: ConsoleEvent) => void) {
    const forward = (_event: IpcRendererEvent, payload: ConsoleEvent): void => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
} as IvrBridge);

contextBridge.exposeInMainWorld('ivr', bridge);
