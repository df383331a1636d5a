/**
 * The flows of a workspace (../shared/spec/WORKSPACE.md: any `*.json` under the workspace with
 * "nodes" is a flow). A workspace is often the CRM's own repository, so the walk is bounded:
 * dependency and dot folders skipped, symlinked folders not followed (no cycles, no escaping the
 * workspace), a depth and a file budget, and large files never parsed.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { readBoundedText } from './read-bounded-text.ts';
import { WorkspaceError } from './workspace-error.ts';

/** A flow file found in a workspace. */
export interface WorkspaceFlow {
  /** Absolute path. */
  path: string;
  /** Path relative to the workspace root. */
  relative: string;
}

/** Folder levels below the root that are searched. */
export const MAX_FLOW_DEPTH = 8;
/** Files looked at before the walk stops (shallow folders first). */
export const MAX_FILES_LOOKED_AT = 2000;
/** Larger JSON files are not flows anyone edits here; they are skipped unread. */
export const MAX_FLOW_FILE_BYTES = 5 * 1024 * 1024;

const SKIPPED_FOLDERS = new Set(['node_modules']);

function skipFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name);
}

/** True when the file is a JSON object with a `nodes` member. */
async function isFlowFile(path: string): Promise<boolean> {
  const read = await readBoundedText(path, MAX_FLOW_FILE_BYTES);
  if ('error' in read) return false;
  try {
    const value: unknown = JSON.parse(read.text);
    return (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.hasOwn(value, 'nodes')
    );
  } catch {
    return false;
  }
}

/** A symlink's target is used only when it is a file (folders are not followed). */
async function isFileEntry(folder: string, entry: Dirent): Promise<boolean> {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return (await stat(join(folder, entry.name))).isFile();
  } catch {
    return false;
  }
}

/**
 * Lists the flows under `root`, sorted by relative path. Folders that cannot be read are
 * skipped.
 * @throws WorkspaceError when `root` itself cannot be read as a folder.
 */
export async function listWorkspaceFlows(root: string): Promise<WorkspaceFlow[]> {
  try {
    if (!(await stat(root)).isDirectory()) throw new WorkspaceError(`${root} is not a folder`);
  } catch (error) {
    if (error instanceof WorkspaceError) throw error;
    throw new WorkspaceError(`cannot open the workspace ${root}: ${(error as Error).message}`);
  }
  const found: WorkspaceFlow[] = [];
  let filesLookedAt = 0;
  // Breadth first, so that when the budget runs out it is the deep corners that are missed.
  let level: string[] = [root];
  for (let depth = 0; depth <= MAX_FLOW_DEPTH && level.length > 0; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      let entries: Dirent[];
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.isDirectory()) {
          if (!skipFolder(entry.name)) next.push(join(folder, entry.name));
          continue;
        }
        if (!(await isFileEntry(folder, entry))) continue;
        filesLookedAt += 1;
        if (filesLookedAt > MAX_FILES_LOOKED_AT) return sorted(found);
        if (!entry.name.toLowerCase().endsWith('.json')) continue;
        const path = join(folder, entry.name);
        if (await isFlowFile(path)) found.push({ path, relative: relative(root, path) });
      }
    }
    level = next;
  }
  return sorted(found);
}

function sorted(flows: WorkspaceFlow[]): WorkspaceFlow[] {
  return flows.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}
