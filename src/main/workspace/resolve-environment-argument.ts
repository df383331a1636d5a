/**
 * The CLI's `--env NAME|FILE` (../shared/spec/WORKSPACE.md, ../shared/spec/CLI.md): a name is an
 * environment of the workspace (`staging` for `environments/staging.yaml`), anything that looks
 * like a path, or is an existing file, is read as a file.
 */
import { statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import type { LoadedEnvironment } from './environment-types.ts';
import { listEnvironmentFiles } from './list-environment-files.ts';
import { loadEnvironmentFile } from './load-environment.ts';
import { ENVIRONMENT_EXTENSIONS } from './environment-fields.ts';
import { WorkspaceError } from './workspace-error.ts';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** True when `arg` is meant as a path rather than an environment name. */
function looksLikePath(arg: string): boolean {
  return (
    isAbsolute(arg) ||
    arg.includes('/') ||
    arg.includes('\\') ||
    extname(arg).toLowerCase() in ENVIRONMENT_EXTENSIONS
  );
}

/**
 * Loads the environment `arg` names: a file (relative to `cwd`) or a name in `root`'s
 * `environments/` folder. The result carries the file's problems, if any.
 * @throws WorkspaceError when `arg` is empty, names no environment (the message lists the names
 *   there are), names two files, or the file does not exist.
 */
export async function resolveEnvironmentArgument(
  arg: string,
  root: string,
  cwd: string,
): Promise<LoadedEnvironment> {
  if (arg.trim() === '') throw new WorkspaceError('an environment name or file is needed');
  const asFile = resolve(cwd, arg);
  if (looksLikePath(arg) || isFile(asFile)) {
    if (!isFile(asFile)) throw new WorkspaceError(`no environment file ${asFile}`);
    return loadEnvironmentFile(asFile);
  }
  const files = await listEnvironmentFiles(root);
  const idOf = (file: string): string => basename(file, extname(file));
  const matches = files.filter((file) => idOf(file) === arg);
  if (matches.length === 1) return loadEnvironmentFile(matches[0] as string);
  if (matches.length > 1) {
    throw new WorkspaceError(
      `"${arg}" is defined by ${matches.length} files (${matches.map((f) => basename(f)).join(', ')}); keep one, or pass the file itself`,
    );
  }
  const names = [...new Set(files.map(idOf))];
  const folder = join(root, 'environments');
  throw new WorkspaceError(
    names.length === 0
      ? `no environment "${arg}": ${folder} has no environment files`
      : `no environment "${arg}" in ${folder}; there are: ${names.join(', ')}`,
  );
}
