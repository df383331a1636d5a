/**
 * The Electron transport of the contract: one `ipcMain.handle` per channel, each checking that the
 * message comes from the app's own main frame before the shared dispatcher validates the input;
 * console events go to the window on one channel.
 */
import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../shared/contract.ts';
import { CHANNELS, EVENT_CHANNEL, IPC_PREFIX } from '../../shared/contract.ts';
import type { ChannelHandlers } from '../ipc/channel-handlers.ts';
import { dispatchRequest } from '../ipc/dispatch-request.ts';
import type { EventHub } from '../services/event-hub.ts';
import { isAppUrl } from './app-url.ts';

/**
 * True when the message comes from our window's top frame showing the app itself: not an iframe,
 * not another window, not a page navigated elsewhere.
 */
function trustedSender(
  event: IpcMainInvokeEvent,
  getWindow: () => BrowserWindow | undefined,
  appUrl: string,
): boolean {
  const window = getWindow();
  const frame = event.senderFrame;
  if (!window || !frame || event.sender !== window.webContents) return false;
  return frame === window.webContents.mainFrame && isAppUrl(frame.url, appUrl);
}

/** Registers the handlers and the event forwarding; returns a function that removes them. */
export function registerIpc(
  handlers: ChannelHandlers,
  hub: EventHub,
  getWindow: () => BrowserWindow | undefined,
  appUrl: string,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, async (event, input: unknown) => {
      if (!trustedSender(event, getWindow, appUrl)) {
        const refused: Envelope<never> = {
          ok: false,
          error: { code: 'forbidden', message: 'sender is not the console window' },
        };
        return refused;
      }
      return dispatchRequest(handlers, channel, input);
    });
  }
  const unsubscribe = hub.subscribe((event) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, event);
  });
  return () => {
    unsubscribe();
    for (const channel of CHANNELS) ipcMain.removeHandler(IPC_PREFIX + channel);
  };
}
