/**
 * The application menu (File, Edit, View, Window on macOS, Help) with the usual accelerators.
 * What main can do itself (open dialogs, recent files) it does; what only the page can show (the
 * New flow form, the Environments screen) it asks the page for with a `menu` event.
 */
import { app, Menu, shell } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { ConsoleServices } from '../services/console-services.ts';

const isMac = process.platform === 'darwin';

/** A menu item's click for `action`; its failure becomes a notice in the window. */
function reporting(services: ConsoleServices, action: () => Promise<unknown>): () => void {
  return () => {
    action().catch((error: unknown) =>
      services.hub.emit({
        kind: 'notice',
        level: 'warning',
        message: error instanceof Error ? error.message : String(error),
      }),
    );
  };
}

function recentMenu(services: ConsoleServices): MenuItemConstructorOptions[] {
  const state = services.workspace.state();
  const run = (action: () => Promise<unknown>) => reporting(services, action);
  const folders = state.recentWorkspaces.map((path): MenuItemConstructorOptions => ({
    label: `${basename(path)}  (${path})`,
    click: run(() => services.workspace.open(path, true)),
  }));
  const flows = state.recentFlows.map((path): MenuItemConstructorOptions => ({
    label: `${basename(path)}  (${path})`,
    click: run(() => services.flowAccess.openForPage(path)),
  }));
  const items = [
    ...folders,
    ...(folders.length && flows.length ? [{ type: 'separator' as const }] : []),
    ...flows,
  ];
  return items.length > 0 ? items : [{ label: 'Nothing opened yet', enabled: false }];
}

/** Builds the menu; call again when the recent lists change. */
export function buildAppMenu(services: ConsoleServices): Menu {
  const ask = (action: 'new-flow' | 'environments') => () =>
    services.hub.emit({ kind: 'menu', action });
  const run = (action: () => Promise<unknown>) => reporting(services, action);
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New flow…', accelerator: 'CmdOrCtrl+N', click: ask('new-flow') },
        {
          label: 'Open flow…',
          accelerator: 'CmdOrCtrl+O',
          click: run(() => services.flowAccess.openForPage()),
        },
        {
          label: 'Open folder…',
          accelerator: 'CmdOrCtrl+Shift+O',
          click: run(() => services.workspace.open()),
        },
        { label: 'Open recent', submenu: recentMenu(services) },
        {
          label: 'Close folder',
          enabled: services.workspace.root() !== null,
          click: () => services.workspace.close(),
        },
        { type: 'separator' },
        { label: 'Environments', accelerator: 'CmdOrCtrl+Shift+E', click: ask('environments') },
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    ...(isMac ? [{ role: 'windowMenu' as const }] : []),
    {
      role: 'help',
      submenu: [
        {
          label: 'Show the data folder',
          click: run(() => shell.openPath(services.info.dataDir)),
        },
        ...(isMac ? [] : [{ role: 'about' as const, label: `About ${app.getName()}` }]),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

/** Sets the menu now and rebuilds it whenever the workspace or the recent lists change. */
export function installAppMenu(services: ConsoleServices): () => void {
  const install = (): void => Menu.setApplicationMenu(buildAppMenu(services));
  install();
  return services.hub.subscribe((event) => {
    if (event.kind === 'workspace_changed') install();
  });
}
