/**
 * The environment files of a workspace: `environments/*.yaml|yml|json`, one environment each,
 * its id the base name. Two files with the same base name are both listed: which of them an
 * `--env` name means is for the resolver to refuse, naming both.
 */
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ENVIRONMENT_EXTENSIONS } from './environment-fields.ts';
import { WorkspaceError } from './workspace-error.ts';

/** Absolute paths of the environment files under `root`, sorted; none without the folder. */
export async function listEnvironmentFiles(root: string): Promise<string[]> {
  const folder = join(root, 'environments');
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new WorkspaceError(`cannot list ${folder}: ${(error as Error).message}`);
  }
  return entries
    .filter(
      (entry) =>
        !entry.isDirectory() && extname(entry.name).toLowerCase() in ENVIRONMENT_EXTENSIONS,
    )
    .filter((entry) => !entry.name.startsWith('.'))
    .map((entry) => join(folder, entry.name))
    .sort();
}
