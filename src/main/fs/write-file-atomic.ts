/**
 * Writes a file so that a reader sees either the old file or the complete new one, never half of
 * it: a crash, a full disk or Ctrl-C mid-write must not leave a truncated HAR that a browser then
 * refuses, nor a JUnit report that a CI step reads half of. The text goes to a temporary file in
 * the same folder, flushed, then renamed over the target (atomic within one file system).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Create the folder (and its parents) when missing; otherwise a missing folder is ENOENT. */
  createFolder?: boolean;
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
  const folder = dirname(file);
  if (options.createFolder) await mkdir(folder, { recursive: true });
  const temp = join(
    folder,
    `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temp, text, { encoding: 'utf8', flush: true });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
