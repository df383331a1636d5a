/**
 * Reads a small text file without trusting its size: at most `maxBytes + 1` bytes are ever read,
 * so a huge or endless file (a FIFO, /dev/zero, a log named by mistake) costs nothing, and the
 * bytes must be UTF-8 (a byte-order mark is dropped).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** The text, or why there is none (written to follow the file's path in a message). */
export type BoundedText = { text: string } | { error: string };

/** Reads `path` as UTF-8 if it is a regular file of at most `maxBytes` bytes. Never throws. */
export async function readBoundedText(path: string, maxBytes: number): Promise<BoundedText> {
  let handle;
  try {
    // Non-blocking so that opening a FIFO nobody writes to does not hang (the stat refuses it).
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { error: describeError(error) };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { error: 'is a folder, not a file' };
    if (!stat.isFile()) return { error: 'is not a regular file' };
    if (stat.size > maxBytes) return { error: tooLarge(stat.size, maxBytes) };
    // The size can change between stat and read: read one byte more than allowed to notice.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return { error: tooLarge(length, maxBytes) };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length)) };
    } catch {
      return { error: 'is not valid UTF-8 text' };
    }
  } catch (error) {
    return { error: describeError(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function tooLarge(size: number, maxBytes: number): string {
  const limit =
    maxBytes % (1024 * 1024) === 0 ? `${maxBytes / (1024 * 1024)} MiB` : `${maxBytes} bytes`;
  return `is too large (${size} bytes; the limit is ${limit})`;
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  return `cannot be read (${(error as Error).message})`;
}
