/**
 * Which files the page may name for the services that read or write test files (the Load
 * screen's cases, the Tests screen's runs, Generate tests' saves): a path inside a folder the
 * console owns or the user opened, never one the page made up.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { ServiceError } from './service-errors.ts';
import type { TestCaseLibrary } from './test-case-library.ts';

/** True when `path` lies strictly inside `folder` (both absolute). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * A check of a test file the page names: one the console lists, or one in the open workspace.
 * Resolves to its absolute path.
 *
 * @throws ServiceError `forbidden` for any other path
 */
export function createTestFileCheck(
  tests: Pick<TestCaseLibrary, 'list'>,
  workspaceRoot: () => string | null,
): (path: string) => Promise<string> {
  return async (path) => {
    const absolute = resolve(path);
    const root = workspaceRoot();
    if (root !== null && isInside(root, absolute)) return absolute;
    const listed = await tests.list();
    if (listed.some((file) => resolve(file.path) === absolute)) return absolute;
    throw new ServiceError(
      'forbidden',
      `test file ${path} is neither a test file the console lists nor in the open workspace`,
    );
  };
}
