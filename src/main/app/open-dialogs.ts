/**
 * The system's open dialogs, as the services ask for them: the renderer never names a path to
 * open in the desktop app, it asks main, and main asks the user.
 */
import { dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions } from 'electron';
import type { ConsoleServicesOptions } from '../services/console-services.ts';

async function pick(
  getWindow: () => BrowserWindow | undefined,
  options: OpenDialogOptions,
): Promise<string | null> {
  const window = getWindow();
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** The dialogs for {@link ConsoleServicesOptions.dialogs}, parented to the main window. */
export function createOpenDialogs(
  getWindow: () => BrowserWindow | undefined,
): NonNullable<ConsoleServicesOptions['dialogs']> {
  return {
    folder: () =>
      pick(getWindow, {
        title: 'Open a workspace folder',
        properties: ['openDirectory', 'createDirectory'],
      }),
    flowFile: () =>
      pick(getWindow, {
        title: 'Open a flow file',
        properties: ['openFile'],
        filters: [{ name: 'Flow files', extensions: ['json'] }],
      }),
    pemFile: (title, defaultPath) =>
      pick(getWindow, {
        title,
        defaultPath,
        properties: ['openFile'],
        filters: [
          { name: 'PEM files', extensions: ['pem', 'crt', 'cer', 'key'] },
          { name: 'All files', extensions: ['*'] },
        ],
      }),
    audioFile: (title, defaultPath) =>
      pick(getWindow, {
        title,
        defaultPath,
        properties: ['openFile'],
        filters: [
          { name: 'Recordings', extensions: ['wav', 'mp3', 'ogg', 'oga'] },
          { name: 'All files', extensions: ['*'] },
        ],
      }),
  };
}
