/**
 * Which folder is the workspace (../shared/spec/WORKSPACE.md, "The workspace: a folder"): the one
 * named by `--workspace`; else the nearest folder at or above the flow file that has an
 * `environments/` folder; else the current directory.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where to look for the workspace. */
export interface WorkspaceHints {
  /** `--workspace DIR` (relative to `cwd`). */
  workspace?: string;
  /** The flow file the command runs (relative to `cwd`). */
  flowPath?: string;
  cwd: string;
}

function hasEnvironmentsFolder(folder: string): boolean {
  try {
    return statSync(join(folder, 'environments')).isDirectory();
  } catch {
    return false;
  }
}

/** The workspace's absolute path by the three rules above. Never throws. */
export function findWorkspaceRoot(hints: WorkspaceHints): string {
  if (hints.workspace !== undefined && hints.workspace !== '') {
    return resolve(hints.cwd, hints.workspace);
  }
  if (hints.flowPath !== undefined && hints.flowPath !== '') {
    let folder = dirname(resolve(hints.cwd, hints.flowPath));
    for (;;) {
      if (hasEnvironmentsFolder(folder)) return folder;
      const parent = dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
  }
  return resolve(hints.cwd);
}
