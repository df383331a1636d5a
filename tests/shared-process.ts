/**
 * Runs a share of the test files that share a process (see tests/test-plan.ts): `npm test` starts
 * tests/shared-process-<n>.ts like any test file, and it imports each of its files in turn, as
 * `node --test --test-isolation=none` would. Their tests run one after another once all are
 * loaded, and report under their own file and line.
 */
import { resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  findTestFiles,
  needsOwnProcess,
  ROOT,
  SHARED_FILES_ENV,
  SHARED_PROCESS_FILES,
  splitShared,
} from './test-plan.ts';

/**
 * Imports share `part` (0-based) of the shared files: the runner hands the shares over in an
 * environment variable (so `npm test -- tests/store` runs only those); run on its own, a share
 * file works them out from every shared file under tests/.
 */
export async function runSharedFiles(part: number): Promise<void> {
  const handed = process.env[SHARED_FILES_ENV];
  const shares: string[][] = handed
    ? (JSON.parse(handed) as string[][])
    : splitShared(
        (await findTestFiles()).filter((file) => !needsOwnProcess(file)),
        SHARED_PROCESS_FILES.length,
      );
  for (const file of shares[part] ?? []) {
    try {
      await import(pathToFileURL(resolve(ROOT, file)).href);
    } catch (error) {
      // One file that cannot load fails under its own name; the others still run.
      test(`${file} loads`, () => {
        throw error;
      });
    }
  }
}
