/**
 * The page's way to flow files: listing, opening and creating them with the grant the desktop app
 * checks (flow-path-grants.ts) and the watch that reloads a shown flow when an editor saves it
 * (flow-watcher.ts). Kept out of the IPC handlers so every way in grants and watches alike.
 */
import type { FlowDocument, FlowEntry } from '../../shared/contract.ts';
import type { EventHub } from './event-hub.ts';
import type { FlowCatalog, RunnableFlowDocument } from './flow-catalog.ts';
import type { FlowPathGrants } from './flow-path-grants.ts';
import type { FlowWatcher } from './flow-watcher.ts';
import type { WorkspaceService } from './workspace-service.ts';

/** What the flow channels do. */
export interface FlowAccess {
  /** The picker's flows; the page may name each of them afterwards. */
  list(): Promise<FlowEntry[]>;
  /**
   * Opens a flow the page names and watches it: opened in the console, so shown, and a save in
   * an editor reloads the flow view.
   *
   * @throws ServiceError `forbidden` for a path the page was never shown (desktop app)
   */
  open(path: string): Promise<FlowDocument>;
  /**
   * Opens a flow the page names to run it (a call, a single request): granted, not watched.
   *
   * @throws ServiceError `forbidden` for a path the page was never shown (desktop app)
   */
  openToRun(path: string): Promise<RunnableFlowDocument>;
  /**
   * Opens a flow file chosen in the open dialog (no `path`) or typed / recent, remembers it,
   * grants and watches it; null when the dialog was cancelled.
   */
  openFile(path?: string): Promise<FlowDocument | null>;
  /**
   * Opens a flow main chose for the page (the menu's Open flow… or Open recent, a file dropped on
   * the window): trusted, remembered, granted and watched, and the page is told to show it.
   * Nothing happens when the dialog was cancelled or the file could not be read (the workspace
   * service has already said why).
   */
  openForPage(path?: string): Promise<void>;
  /** Writes a new flow into the workspace's `flows/` folder; the page may name it. */
  create(input: { name: string; fileName?: string; template: string }): Promise<FlowDocument>;
}

/** What flow access is built from. */
export interface FlowAccessDeps {
  flows: FlowCatalog;
  workspace: WorkspaceService;
  grants: FlowPathGrants;
  watcher: FlowWatcher;
  /** Where the page hears that main opened a flow for it. */
  hub: EventHub;
}

/** Flow access over the catalog, the workspace, the grants and the watcher. */
export function createFlowAccess({
  flows,
  workspace,
  grants,
  watcher,
  hub,
}: FlowAccessDeps): FlowAccess {
  const openToRun = (path: string): Promise<RunnableFlowDocument> => {
    grants.check(path);
    return flows.openToRun(path);
  };
  return {
    async list() {
      const entries = await flows.list();
      for (const entry of entries) grants.grant(entry.path);
      return entries;
    },
    async open(path) {
      grants.check(path);
      const document = await flows.open(path);
      if (!document.readError) watcher.watch(document.path);
      return document;
    },
    openToRun,
    async openFile(path) {
      const document = await workspace.openFlow(flows, path);
      if (document) {
        grants.grant(document.path);
        watcher.watch(document.path);
      }
      return document;
    },
    async openForPage(path) {
      const document = await workspace.openFlow(flows, path, true);
      if (!document) return;
      grants.grant(document.path);
      watcher.watch(document.path);
      hub.emit({ kind: 'workspace_changed' });
      hub.emit({ kind: 'flow_opened', path: document.path });
    },
    async create(input) {
      const document = await workspace.createFlow(flows, input);
      grants.grant(document.path);
      return document;
    },
  };
}
