/**
 * Reads a recorded prompt for the console to play (the page decodes it with Web Audio). Bounded
 * like the length probe, and only ever a file the caller has judged may be read (a loaded flow
 * names it, or it lies in the flow's folder or the workspace).
 */
import { open, stat } from 'node:fs/promises';
import type { RecordingFile } from '../../shared/recording-file.ts';
import { MAX_RECORDING_BYTES, recordingFormatOf } from './recording-length.ts';

/** Why a recording was refused, for callers that answer each with its own code. */
export type RecordingRefusal = 'not-a-file' | 'too-large' | 'not-audio';

/** A recording refused for what it is (a missing file stays a plain ENOENT error). */
export class RecordingReadError extends Error {
  readonly reason: RecordingRefusal;
  constructor(reason: RecordingRefusal, message: string) {
    super(message);
    this.reason = reason;
  }
}

const MIME_TYPES = { wav: 'audio/wav', ogg: 'audio/ogg', mp3: 'audio/mpeg' } as const;

/**
 * Reads the recording at `path` (absolute). A folder, a FIFO or a device is refused before it is
 * opened, a file over {@link MAX_RECORDING_BYTES} before it is read, and one whose first bytes are
 * not WAV, MP3 or Ogg before it is read whole.
 *
 * @throws RecordingReadError naming the problem; the file system's error for a missing file
 */
export async function readRecording(path: string): Promise<RecordingFile> {
  const info = await stat(path);
  if (!info.isFile()) throw new RecordingReadError('not-a-file', `recording ${path} is not a file`);
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_RECORDING_BYTES) {
      throw new RecordingReadError(
        'too-large',
        `recording ${path} is over ${MAX_RECORDING_BYTES / 1024 / 1024} MiB`,
      );
    }
    const head = Buffer.alloc(Math.min(12, size));
    await handle.read(head, 0, head.length, 0);
    const format = recordingFormatOf(head);
    if (format === null) {
      throw new RecordingReadError(
        'not-audio',
        `recording ${path} is not (or no longer) a WAV, MP3 or Ogg file`,
      );
    }
    // Read to the size the file had, never past it: a file still growing cannot hold us.
    const bytes = Buffer.alloc(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { mimeType: MIME_TYPES[format], data: bytes.subarray(0, filled).toString('base64') };
  } finally {
    await handle.close();
  }
}
