/**
 * Tells the console when a flow file it opened changes on disk, so the flow view and the next
 * call use what the designer just saved. Watches each file's folder rather than the file: editors
 * save by writing a new file and renaming it over the old one, which ends a watch on the file.
 */
import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/** Watches flow files. */
export interface FlowWatcher {
  /** Starts watching `path` (absolute or relative to the process); idempotent. */
  watch(path: string): void;
  close(): void;
}

/** Options of {@link createFlowWatcher}. */
export interface FlowWatcherOptions {
  /** Quiet time before a change is reported: an editor's save is several file events. */
  debounceMs?: number;
  /** At most this many folders are watched; the oldest is dropped for a new one. */
  maxFolders?: number;
}

/** Calls `onChange(path)` (absolute) once per burst of changes to a watched file. */
export function createFlowWatcher(
  onChange: (path: string) => void,
  options: FlowWatcherOptions = {},
): FlowWatcher {
  const debounceMs = options.debounceMs ?? 150;
  const maxFolders = options.maxFolders ?? 32;
  /** Folder -> its watcher and the file names watched in it. */
  const folders = new Map<string, { watcher: FSWatcher; files: Set<string> }>();
  const timers = new Map<string, NodeJS.Timeout>();
  let closed = false;

  const changed = (path: string): void => {
    clearTimeout(timers.get(path));
    timers.set(
      path,
      setTimeout(() => {
        timers.delete(path);
        if (!closed) onChange(path);
      }, debounceMs),
    );
  };

  return {
    watch(path) {
      if (closed) return;
      const file = resolve(path);
      const folder = dirname(file);
      const existing = folders.get(folder);
      if (existing) {
        existing.files.add(basename(file));
        return;
      }
      if (folders.size >= maxFolders) {
        const [oldest, entry] = folders.entries().next().value as [string, { watcher: FSWatcher }];
        entry.watcher.close();
        folders.delete(oldest);
      }
      let watcher: FSWatcher;
      try {
        watcher = watch(folder, { persistent: false });
      } catch {
        return; // A folder that cannot be watched (gone, no permission): no live reload, no crash.
      }
      const files = new Set([basename(file)]);
      watcher.on('change', (_type, name) => {
        const changedName = typeof name === 'string' ? name : name?.toString();
        if (changedName && files.has(changedName)) changed(resolve(folder, changedName));
      });
      // The folder went away (deleted, unmounted): stop watching it; opening the flow again
      // re-arms the watch.
      watcher.on('error', () => {
        watcher.close();
        folders.delete(folder);
      });
      folders.set(folder, { watcher, files });
    },
    close() {
      closed = true;
      for (const { watcher } of folders.values()) watcher.close();
      folders.clear();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
