/**
 * A file or folder dropped on the window: a `.json` file opens as a flow (the phone switches to
 * it), a folder opens as the workspace; anything else is refused with a notice saying why.
 */
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ConsoleServices } from '../services/console-services.ts';

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
    await services.flowAccess.openForPage(path);
  })().catch((error: unknown) => notice(error instanceof Error ? error.message : String(error)));
}
