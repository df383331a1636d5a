/**
 * The user's own work: the open workspace folder (../shared/spec/WORKSPACE.md), the flows and
 * workspaces opened recently, and new flows. In the desktop app a path reaches here only from the
 * system's open dialog, the recent list or a drop; in browser mode the page's path field is the
 * dialog.
 */
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { FlowDocument, WorkspaceState } from '../../shared/contract.ts';
import { fileNameFromTitle } from '../../shared/file-name.ts';
import { writeFileAtomic } from '../fs/write-file-atomic.ts';
import { listWorkspaceFlows } from '../workspace/workspace-files.ts';
import type { EventHub } from './event-hub.ts';
import type { FlowCatalog } from './flow-catalog.ts';
import type { RecentFiles } from './recent-files.ts';
import { ServiceError } from './service-errors.ts';
import { createWorkspaceWatcher } from './workspace-watcher.ts';

/** The system's open dialogs (desktop app); absent in browser mode, where paths are typed. */
export interface OpenDialogs {
  folder(): Promise<string | null>;
  flowFile(): Promise<string | null>;
}

/** What the service needs. */
export interface WorkspaceServiceDeps {
  hub: EventHub;
  recent: RecentFiles;
  /** The flow JSON Schema shipped with the app (copied beside new flows' workspace). */
  schemaPath: string;
  dialogs: OpenDialogs | null;
}

/** Opens workspaces and flows, makes new flows. */
export interface WorkspaceService {
  state(): WorkspaceState;
  root(): string | null;
  /**
   * Opens a folder: the dialog when `path` is absent, else a typed or recent path. `trusted` is
   * for paths main chose itself (the command line, the menu, a drop).
   */
  open(path?: string, trusted?: boolean): Promise<WorkspaceState | null>;
  close(): WorkspaceState;
  /** Opens one flow file: the dialog when `path` is absent; remembers it. */
  openFlow(catalog: FlowCatalog, path?: string, trusted?: boolean): Promise<FlowDocument | null>;
  /** Writes a new flow into the workspace's `flows/` folder. */
  createFlow(
    catalog: FlowCatalog,
    input: { name: string; fileName?: string; template: string },
  ): Promise<FlowDocument>;
  /** The workspace's flows (for the catalog); re-arms the watch on their folders. */
  flows(): Promise<{ path: string; relative: string }[]>;
  dispose(): void;
}

/** The smallest flow that validates: a greeting and a hang-up, ready to grow. */
function blankFlow(id: string, name: string, schema: string): Record<string, unknown> {
  return {
    $schema: schema,
    id,
    name,
    locale: 'en-US',
    start: 'welcome',
    variables: { crm_base: 'http://127.0.0.1:4010' },
    nodes: {
      welcome: { type: 'play', say: `Welcome to ${name}.`, next: 'bye' },
      bye: { type: 'hangup', say: 'Goodbye.' },
    },
  };
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Starts with no folder open; the open folder and its environments/ are watched for the hub. */
export function createWorkspaceService(deps: WorkspaceServiceDeps): WorkspaceService {
  let root: string | null = null;
  const watcher = createWorkspaceWatcher(() => deps.hub.emit({ kind: 'workspace_changed' }));

  const state = (): WorkspaceState => ({
    root,
    name: root === null ? null : basename(root),
    recentWorkspaces: deps.recent.workspaces(),
    recentFlows: deps.recent.flows(),
    typedPaths: deps.dialogs === null,
  });

  /** A path the page sent: allowed when typed paths are (browser mode) or it is a recent one. */
  const checkChosen = (path: string, recent: string[]): string => {
    const absolute = resolve(path);
    if (deps.dialogs !== null && !recent.includes(absolute)) {
      throw new ServiceError(
        'forbidden',
        'choose the file in the open dialog (Open… or Open recent)',
      );
    }
    return absolute;
  };

  return {
    state,
    root: () => root,
    async open(path, trusted = false) {
      let chosen: string | null;
      if (path === undefined) {
        if (deps.dialogs === null) throw new ServiceError('invalid_input', 'type the folder path');
        chosen = await deps.dialogs.folder();
        if (chosen === null) return null;
      } else {
        chosen = trusted ? resolve(path) : checkChosen(path, deps.recent.workspaces());
      }
      if (!(await isFolder(chosen))) {
        if (path !== undefined) deps.recent.forget(chosen);
        throw new ServiceError('not_found', `${chosen} is not a folder`);
      }
      root = chosen;
      deps.recent.addWorkspace(chosen);
      watcher.watchFolders([chosen, join(chosen, 'environments')]);
      deps.hub.emit({ kind: 'workspace_changed' });
      return state();
    },
    close() {
      root = null;
      watcher.watchFolders([]);
      deps.hub.emit({ kind: 'workspace_changed' });
      return state();
    },
    async openFlow(catalog, path, trusted = false) {
      let chosen: string | null;
      if (path === undefined) {
        if (deps.dialogs === null)
          throw new ServiceError('invalid_input', 'type the flow file path');
        chosen = await deps.dialogs.flowFile();
        if (chosen === null) return null;
      } else {
        chosen = trusted ? resolve(path) : checkChosen(path, deps.recent.flows());
      }
      const document = await catalog.open(chosen);
      if (document.readError) {
        deps.recent.forget(document.path);
        throw new ServiceError('not_found', `${document.path}: ${document.readError}`);
      }
      deps.recent.addFlow(document.path);
      return document;
    },
    async createFlow(catalog, input) {
      if (root === null)
        throw new ServiceError('conflict', 'open a workspace folder first (Open folder…)');
      const slug = fileNameFromTitle(input.fileName ?? input.name, '.json');
      if (slug === '')
        throw new ServiceError('invalid_input', `"${input.name}" gives no usable file name`);
      const folder = join(root, 'flows');
      const file = join(folder, `${slug}.json`);
      if (
        await stat(file).then(
          () => true,
          () => false,
        )
      ) {
        throw new ServiceError('conflict', `${relative(root, file)} already exists`);
      }
      // The schema beside the workspace's flows, so `$schema` works in any editor, offline, and
      // keeps working when the console is updated or moved.
      const schemaCopy = join(root, 'flow.schema.json');
      if (
        !(await stat(schemaCopy).then(
          () => true,
          () => false,
        ))
      ) {
        await mkdir(root, { recursive: true });
        await copyFile(deps.schemaPath, schemaCopy);
      }
      const schemaRef = relative(folder, schemaCopy).split(sep).join('/');
      let flow: Record<string, unknown>;
      if (input.template === 'blank') {
        flow = blankFlow(slug, input.name, schemaRef);
      } else {
        const samples = resolve(catalog.samplesDir);
        const template = resolve(input.template);
        if (dirname(template) !== samples) {
          throw new ServiceError('forbidden', 'a new flow copies a sample or starts blank');
        }
        const sample = JSON.parse(await readFile(template, 'utf8')) as Record<string, unknown>;
        const { $schema: _ignored, ...rest } = sample;
        flow = { $schema: schemaRef, ...rest, id: slug, name: input.name };
      }
      await writeFileAtomic(file, JSON.stringify(flow, null, 2) + '\n', { createFolder: true });
      deps.recent.addFlow(file);
      deps.hub.emit({ kind: 'workspace_changed' });
      return catalog.open(file);
    },
    async flows() {
      if (root === null) return [];
      const found = await listWorkspaceFlows(root);
      watcher.watchFolders([
        root,
        join(root, 'environments'),
        ...new Set(found.map((f) => dirname(f.path))),
      ]);
      return found;
    },
    dispose() {
      watcher.close();
    },
  };
}
