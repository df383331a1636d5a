/**
 * Temporary folders for tests that remove themselves: each test file runs in its own process, so
 * a folder made here is deleted when that process exits, whether its tests passed, failed or
 * threw — the hook runs after node:test has finished every test and `after` hook of the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();
let hooked = false;

/** Removes every folder made so far (synchronously: it also runs from the process 'exit' hook). */
export function removeTempDirs(): void {
  for (const dir of made) {
    // maxRetries: on Windows a child process that has just exited may still hold a file briefly.
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    made.delete(dir);
  }
}

/** A fresh folder under `os.tmpdir()` (which honours TMPDIR), removed when the process exits. */
export function tempDir(prefix = 'ivr-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  if (!hooked) {
    hooked = true;
    process.once('exit', removeTempDirs);
  }
  return dir;
}
