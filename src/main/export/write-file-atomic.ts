/**
 * Writes an export file so that it is either the old file or the complete new one, never half of
 * it: a crash, a full disk or Ctrl-C mid-write must not leave a truncated HAR that a browser then
 * refuses with an unhelpful parse error.
 */
import { randomBytes } from 'node:crypto';
import { rm, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` (UTF-8) to `file` through a temporary file in the same folder, renamed into place
 * when complete (a rename within one file system replaces the target atomically).
 *
 * @throws the file-system error (e.g. ENOENT for a missing folder); the temporary file is removed
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = join(
    dirname(file),
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
