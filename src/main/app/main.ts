/**
 * The Electron entry (out/main/index.js): app lifecycle only. The window, the security guards and
 * the policies live in their own files; the engine and services never import electron.
 */
import { join } from 'node:path';
import { app, BrowserWindow, session, shell } from 'electron';
import type { WebContents } from 'electron';
import { createChannelHandlers } from '../ipc/channel-handlers.ts';
import { createConsoleServices } from '../services/console-services.ts';
import type { ConsoleServices } from '../services/console-services.ts';
import { detectSpeechBackend } from '../services/os-speech-backend.ts';
import { defaultDataDir } from '../store/data-dir.ts';
import { isExternalWebUrl } from './app-url.ts';
import { developmentCsp, PRODUCTION_CSP } from './content-security-policy.ts';
import { registerIpc } from './ipc-bridge.ts';
import { createMainWindow } from './main-window.ts';
import { rendererLocation } from './renderer-location.ts';
import { guardWebContents, lockDownSession } from './security-guards.ts';
import { installAppMenu } from './app-menu.ts';
import { openDropped } from './open-dropped.ts';
import { createOpenDialogs } from './open-dialogs.ts';
import { safeStorageCipher } from './safe-storage-cipher.ts';
import { openEncryptedSecretStore } from '../secrets/encrypted-secret-store.ts';
import { createMemorySecretStore } from '../secrets/secret-store.ts';

// The CLI (plain Node) cannot ask Electron for userData, so both resolve it through data-dir.ts:
// the desktop app and `ivr-console` then read and write the same sessions.db. This must run before
// the single-instance lock and `whenReady`, which already use the userData folder.
app.setPath('userData', defaultDataDir());

if (!app.requestSingleInstanceLock()) {
  // Another console is running and has been told (second-instance) to come to the front.
  app.quit();
} else {
  start();
}

/** Wires the lifecycle of the primary instance. */
function start(): void {
  const mainDir = import.meta.dirname;
  const location = rendererLocation(process.env, app.isPackaged, mainDir);
  const csp = location.kind === 'dev-server' ? developmentCsp(location.url) : PRODUCTION_CSP;
  let mainWindow: BrowserWindow | undefined;
  let services: ConsoleServices | undefined;

  const openWindow = (): void => {
    mainWindow = createMainWindow(location, mainDir, app.getVersion());
    mainWindow.on('closed', () => (mainWindow = undefined));
  };

  // Guard every WebContents the moment it exists, before it can load anything. A flow file or
  // folder dropped on the window arrives as a navigation to its file: URL: open it instead.
  app.on('web-contents-created', (_event, contents: WebContents) => {
    guardWebContents(contents, location.url, (path) => {
      if (services) openDropped(services, path);
    });
  });

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    // macOS apps stay running without windows until the user quits them.
    if (process.platform !== 'darwin') app.quit();
  });

  // Finish the calls in progress (their send-on-hang-up requests fire) and close the log before
  // quitting; the second before-quit, after services are gone, lets the quit proceed.
  app.on('before-quit', (event) => {
    if (!services) return;
    event.preventDefault();
    const closing = services;
    services = undefined;
    void closing.close().finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      lockDownSession(session.defaultSession, location.url, csp);
      const dataDir = app.getPath('userData');
      const cipher = safeStorageCipher();
      const secretStore =
        'cipher' in cipher
          ? openEncryptedSecretStore(join(dataDir, 'secrets.json'), cipher.cipher)
          : createMemorySecretStore();
      services = await createConsoleServices({
        dataDir,
        secretStore,
        dialogs: createOpenDialogs(() => mainWindow),
        // Packaged, the samples ship in the app's resources folder; from a checkout, in resources/.
        resourcesDir: app.isPackaged ? process.resourcesPath : join(mainDir, '../../resources'),
        shell: 'electron',
        version: app.getVersion(),
        speech: await detectSpeechBackend(),
        openExternal: async (url) => {
          if (isExternalWebUrl(url)) await shell.openExternal(url);
        },
      });
      registerIpc(createChannelHandlers(services), services.hub, () => mainWindow, location.url);
      installAppMenu(services);
      if ('unavailable' in cipher) {
        services.hub.emit({
          kind: 'notice',
          level: 'warning',
          message: `Secrets are kept in memory until the app quits: ${cipher.unavailable}.`,
        });
      } else if (
        secretStore.kind === 'encrypted' &&
        'loadProblem' in secretStore &&
        secretStore.loadProblem
      ) {
        services.hub.emit({
          kind: 'notice',
          level: 'warning',
          message: `Secrets: ${secretStore.loadProblem}`,
        });
      }
      openWindow();
      // macOS: clicking the dock icon of a running app without windows opens a new one.
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('[app] failed to start:', error);
      app.exit(1);
    });
}
