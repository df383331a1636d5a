/**
 * Finds a program on PATH the way a shell would, without running one: each PATH directory in
 * turn, with Windows' PATHEXT extensions when the name has none.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, extname, isAbsolute, join } from 'node:path';

/** Looks a program up by name; resolves with its absolute path, or null when absent. */
export type FindExecutable = (name: string) => Promise<string | null>;

/** Options of {@link findExecutableOnPath} (the defaults are this process's). */
export interface FindExecutableOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
}

/**
 * The absolute path of the executable `name` on PATH, or null. A name containing a path
 * separator is checked as given (when absolute) and never searched for.
 */
export async function findExecutableOnPath(
  name: string,
  options: FindExecutableOptions = {},
): Promise<string | null> {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const windows = platform === 'win32';
  if (name === '' || name.includes('\0')) return null;
  if (/[\\/]/.test(name))
    return isAbsolute(name) && (await isExecutableFile(name, windows)) ? name : null;

  // Windows spells it Path; environment lookups there are case-insensitive.
  const pathValue = windows
    ? Object.entries(env).find(([key]) => key.toUpperCase() === 'PATH')?.[1]
    : env.PATH;
  const extensions =
    windows && extname(name) === ''
      ? (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((ext) => ext !== '')
      : [''];
  for (const dir of (pathValue ?? '').split(windows ? ';' : delimiter)) {
    // An empty PATH entry means the current directory: never run a program from there.
    if (dir === '' || !isAbsolute(dir)) continue;
    for (const ext of extensions) {
      const candidate = join(dir, name + ext);
      if (await isExecutableFile(candidate, windows)) return candidate;
    }
  }
  return null;
}

async function isExecutableFile(file: string, windows: boolean): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    // Windows has no execute bit; existence with a PATHEXT extension is what counts there.
    if (!windows) await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
