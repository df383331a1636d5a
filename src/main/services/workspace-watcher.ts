/**
 * Tells the console when something changes in the open workspace: a flow or environment file
 * added, renamed, removed or saved. Watches the workspace folder itself, its `environments/`
 * folder and every folder holding a flow, each without recursion: a recursive watch would also
 * walk `node_modules` and build output, thousands of folders the console never reads.
 */
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';

/** At most this many folders are watched (a workspace with more flow folders still works). */
const MAX_FOLDERS = 64;

/** The watch over one workspace. */
export interface WorkspaceWatcher {
  /** Watches exactly these folders from now on (called after each listing). */
  watchFolders(folders: Iterable<string>): void;
  close(): void;
}

/** Calls `onChange` once per burst of changes (editors save in several steps). */
export function createWorkspaceWatcher(onChange: () => void, debounceMs = 200): WorkspaceWatcher {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!closed) onChange();
    }, debounceMs);
  };
  return {
    watchFolders(folders) {
      if (closed) return;
      const wanted = new Set([...folders].slice(0, MAX_FOLDERS));
      for (const [folder, watcher] of watchers) {
        if (!wanted.has(folder)) {
          watcher.close();
          watchers.delete(folder);
        }
      }
      for (const folder of wanted) {
        if (watchers.has(folder)) continue;
        try {
          const watcher = watch(folder, { persistent: false }, changed);
          // A folder removed while watched: drop it; the next listing decides again.
          watcher.on('error', () => {
            watcher.close();
            watchers.delete(folder);
            changed();
          });
          watchers.set(folder, watcher);
        } catch {
          // Missing (no environments/ yet) or unreadable: nothing to watch there.
        }
      }
    },
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
