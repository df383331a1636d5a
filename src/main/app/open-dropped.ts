/**
 * A file or folder dropped on the window: a `.json` file opens as a flow (the phone switches to
 * it), a folder opens as the workspace; anything else is refused with a notice saying why.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ConsoleServices } from '../services/console-services.ts';

/**
 * Opens a flow main chose for the page (the menu's Open flow… or Open recent, a drop): it is
 * remembered, watched, listed, and the page is told to show it.
 */
export async function openFlowForPage(services: ConsoleServices, path?: string): Promise<void> {
  const document = await services.workspace.openFlow(services.flows, path, true);
  if (!document) return;
  services.flowWatcher.watch(document.path);
  services.hub.emit({ kind: 'workspace_changed' });
  services.hub.emit({ kind: 'flow_opened', path: document.path });
}

/** Opens what was dropped; failures become notices, never exceptions. */
export function openDropped(services: ConsoleServices, path: string): void {
  const notice = (message: string): void =>
    services.hub.emit({ kind: 'notice', level: 'warning', message });
  void (async () => {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      await services.workspace.open(path, true);
      return;
    }
    if (extname(path).toLowerCase() !== '.json') {
      notice(`${path} is not a flow file (.json) or a folder`);
      return;
    }
    await openFlowForPage(services, path);
  })().catch((error: unknown) => notice(error instanceof Error ? error.message : String(error)));
}
