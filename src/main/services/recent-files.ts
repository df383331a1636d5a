/**
 * The workspaces and flows opened recently, kept in `<data dir>/recent.json` so they survive a
 * restart. Kept apart from the settings on purpose: settings are written by the page, and a path
 * in this list is one the console will open again without asking, so only main adds to it, and
 * only paths the user chose (a dialog, a typed path in browser mode, a drop, the CLI's folder).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../fs/write-file-atomic.ts';

/** How many of each are remembered. */
export const RECENT_LIMIT = 10;

/** The remembered paths, most recent first. */
export interface RecentFiles {
  workspaces(): string[];
  flows(): string[];
  addWorkspace(path: string): void;
  addFlow(path: string): void;
  /** Forgets a path that no longer opens. */
  forget(path: string): void;
}

interface RecentData {
  workspaces: string[];
  flows: string[];
}

function readRecent(file: string): RecentData {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<RecentData>;
    const paths = (value: unknown): string[] =>
      Array.isArray(value)
        ? value.filter((p): p is string => typeof p === 'string' && p.length <= 4096)
        : [];
    return {
      workspaces: paths(parsed.workspaces).slice(0, RECENT_LIMIT),
      flows: paths(parsed.flows).slice(0, RECENT_LIMIT),
    };
  } catch {
    // Missing or damaged: start over; the list is a convenience, never worth a failure.
    return { workspaces: [], flows: [] };
  }
}

/** Opens the list in `dataDir`. */
export function openRecentFiles(dataDir: string): RecentFiles {
  const file = join(dataDir, 'recent.json');
  const data = readRecent(file);
  const save = (): void => {
    try {
      writeFileAtomicSync(file, JSON.stringify(data, null, 2) + '\n', { createFolder: true });
    } catch (error) {
      console.error('[recent] could not save the recent list:', error);
    }
  };
  const push = (list: string[], path: string): void => {
    const at = list.indexOf(path);
    if (at !== -1) list.splice(at, 1);
    list.unshift(path);
    list.length = Math.min(list.length, RECENT_LIMIT);
    save();
  };
  return {
    workspaces: () => [...data.workspaces],
    flows: () => [...data.flows],
    addWorkspace: (path) => push(data.workspaces, path),
    addFlow: (path) => push(data.flows, path),
    forget(path) {
      data.workspaces = data.workspaces.filter((p) => p !== path);
      data.flows = data.flows.filter((p) => p !== path);
      save();
    },
  };
}
