/**
 * Turns the `test` command's arguments into the list of test files to run: a file as named, a
 * directory as every `*.yaml` / `*.yml` directly in it, sorted by name so runs are repeatable.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const TEST_FILE = /\.ya?ml$/i;

/** A named path that holds no test file; the message starts with the path as it was named. */
export class TestFileError extends Error {}

/**
 * Absolute paths of the test files named by `args` (relative to `cwd`), without repeats.
 * @throws TestFileError for a path that does not exist or a folder with no test file in it
 */
export async function collectTestFiles(args: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const info = await stat(path).catch(() => null);
    if (!info) throw new TestFileError(`${arg}: no such file or directory`);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = await readdir(path, { withFileTypes: true });
    const found = entries
      .filter((entry) => entry.isFile() && TEST_FILE.test(entry.name))
      .map((entry) => entry.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (found.length === 0)
      throw new TestFileError(`${arg}: no *.yaml or *.yml files in this directory`);
    files.push(...found.map((name) => join(path, name)));
  }
  return [...new Set(files)];
}
