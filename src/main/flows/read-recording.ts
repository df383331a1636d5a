/**
 * Reads a recorded prompt for the console to play (the page decodes it with Web Audio). Bounded
 * like the length probe, and only ever a file a loaded flow names: the caller checks that.
 */
import { open } from 'node:fs/promises';
import type { RecordingFile } from '../../shared/recording-file.ts';
import { MAX_RECORDING_BYTES, recordingFormatOf } from './recording-length.ts';

/**
 * Reads the recording at `path` (absolute). Throws a plain Error naming the problem: gone since
 * the flow was loaded, grown past {@link MAX_RECORDING_BYTES}, or no longer audio.
 */
export async function readRecording(path: string): Promise<RecordingFile> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_RECORDING_BYTES) {
      throw new Error(`recording ${path} is over ${MAX_RECORDING_BYTES / 1024 / 1024} MiB`);
    }
    // Read to the size the file had, never past it: a file still growing cannot hold us.
    const bytes = Buffer.alloc(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const data = bytes.subarray(0, filled);
    return { mimeType: mimeTypeOf(data, path), data: data.toString('base64') };
  } finally {
    await handle.close();
  }
}

const MIME_TYPES = { wav: 'audio/wav', ogg: 'audio/ogg', mp3: 'audio/mpeg' } as const;

function mimeTypeOf(bytes: Buffer, path: string): RecordingFile['mimeType'] {
  const format = recordingFormatOf(bytes);
  if (format === null) throw new Error(`recording ${path} is no longer a WAV, MP3 or Ogg file`);
  return MIME_TYPES[format];
}
