/**
 * Writes a file so that a reader sees either the old file or the complete new one, never half of
 * it: a crash, a full disk or Ctrl-C mid-write must not leave a truncated HAR that a browser then
 * refuses, nor a JUnit report that a CI step reads half of. The text goes to a temporary file in
 * the same folder, flushed, then renamed over the target (atomic within one file system).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Create the folder (and its parents) when missing; otherwise a missing folder is ENOENT. */
  createFolder?: boolean;
  /** Permission bits of a new file (0o600 for one only its owner may read). */
  mode?: number;
}

function tempPathFor(file: string): string {
  return join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/**
 * Writes `text` (UTF-8) to `file` atomically.
 *
 * @throws the file-system error (e.g. ENOENT for a missing folder); the temporary file is removed
 */
export async function writeFileAtomic(
  file: string,
  text: string,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  if (options.createFolder) await mkdir(dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flush: true, mode: options.mode ?? 0o666 });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * {@link writeFileAtomic} for the small state files written inside a synchronous update
 * (settings, the recent list, secrets), where the caller must know the file is written when it
 * returns.
 */
export function writeFileAtomicSync(
  file: string,
  text: string,
  options: WriteFileAtomicOptions = {},
): void {
  if (options.createFolder) mkdirSync(dirname(file), { recursive: true });
  const temp = tempPathFor(file);
  try {
    writeFileSync(temp, text, { encoding: 'utf8', flush: true, mode: options.mode ?? 0o666 });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
