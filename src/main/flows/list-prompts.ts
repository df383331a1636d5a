/**
 * The recordings the flow editor offers for a node's `audio` field: the audio files of one or
 * more `prompts/` folders (../shared/spec/WORKSPACE.md), named as the flow would name them.
 * A folder someone pointed at by mistake (a home folder, a music library) costs a bounded walk.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { PromptFile } from '../../shared/contract.ts';

/** Folders below a `prompts/` folder walked into: `prompts/a/b/c/x.wav` is found, no deeper. */
export const MAX_PROMPT_DEPTH = 3;

/**
 * At most this many recordings are listed: a picker of more is no help, and the walk stops
 * there. The walk goes in name order, so the same folders always give the same list.
 */
export const MAX_PROMPT_FILES = 500;

/** The extensions a recorded prompt has (../shared/spec/FLOW.md: WAV, MP3 or Ogg), any case. */
const AUDIO_NAME = /\.(wav|mp3|ogg|oga)$/i;

/**
 * The audio files under `folders` (absolute; missing ones are skipped), each once, with `audio`
 * relative to `flowDir` in forward slashes, sorted by it. Symbolic links are not followed (a
 * linked folder or file is skipped, as is a `prompts/` folder that is itself a link), nor are
 * hidden names (`.git`, `._x.wav` from macOS). Never throws.
 */
export async function listPromptFiles(
  folders: readonly string[],
  flowDir: string,
): Promise<PromptFile[]> {
  const found = new Map<string, number>();
  for (const folder of new Set(folders.map((f) => resolve(f)))) {
    if (found.size >= MAX_PROMPT_FILES) break;
    const info = await lstat(folder).catch(() => null);
    if (info?.isDirectory()) await walk(folder, 0, found);
  }
  return [...found]
    .map(([path, size]) => ({ audio: relative(flowDir, path).split(sep).join('/'), size }))
    .sort((a, b) => (a.audio < b.audio ? -1 : a.audio > b.audio ? 1 : 0));
}

/** Adds the audio files of `folder` (and its folders, to the depth limit) to `found`. */
async function walk(folder: string, depth: number, found: Map<string, number>): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return; // Gone or unreadable since it was listed: nothing to offer from it.
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (found.size >= MAX_PROMPT_FILES) return;
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    // Dirent types come from the entry itself (lstat), so a link is neither a file nor a folder.
    if (entry.isDirectory()) {
      if (depth < MAX_PROMPT_DEPTH) await walk(path, depth + 1, found);
    } else if (entry.isFile() && AUDIO_NAME.test(entry.name) && !found.has(path)) {
      const info = await lstat(path).catch(() => null);
      if (info?.isFile()) found.set(path, info.size);
    }
  }
}
