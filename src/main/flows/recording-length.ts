/**
 * How long a recorded prompt plays (../shared/spec/FLOW.md, "Recorded prompts"), read from the
 * file itself: a WAV's header here, an MP3's or Ogg's frames through `music-metadata`. Nothing
 * is buffered whole: a WAV costs a few small reads however long it is, and MP3 and Ogg are read
 * as streams.
 */
import type { FileHandle } from 'node:fs/promises';
import { open, stat } from 'node:fs/promises';

/** Recordings larger than this are refused: a prompt is seconds long, 64 MiB is an hour of CD audio. */
export const MAX_RECORDING_BYTES = 64 * 1024 * 1024;

/** The formats a recorded prompt may have. */
export type RecordingFormat = 'wav' | 'mp3' | 'ogg';

/** What reading a recording found: its length, or why it cannot be played. */
export type RecordingProbe =
  | { ok: true; format: RecordingFormat; durationMs: number }
  | { ok: false; code: 'audio-missing' | 'audio-unreadable' | 'not-audio'; problem: string };

/** RIFF chunks walked before giving up on finding `fmt ` and `data` (real files have 2 to 5). */
const MAX_WAV_CHUNKS = 256;

/** Reads the length of the recording at `path` (absolute). Never throws. */
export async function probeRecording(path: string): Promise<RecordingProbe> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return unreadable('is a folder, not a recording');
    if (!info.isFile()) return unreadable('is not a regular file');
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { ok: false, code: 'audio-missing', problem: 'no such file' };
    }
    return unreadable(`cannot be read (${code ?? String(error)})`);
  }
  if (size === 0) return notAudio('is empty');
  if (size > MAX_RECORDING_BYTES) {
    return unreadable(
      `is ${(size / 1024 / 1024).toFixed(1)} MiB; recordings over ${MAX_RECORDING_BYTES / 1024 / 1024} MiB are refused`,
    );
  }
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return unreadable(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const format = recordingFormatOf(await readAt(handle, 0, 12));
    if (format === 'wav') return await wavLength(handle, size);
    if (format !== null) return await streamedLength(path, format);
    return notAudio('is not a WAV, MP3 or Ogg recording');
  } catch (error) {
    return unreadable(`cannot be read (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    await handle.close();
  }
}

function unreadable(problem: string): RecordingProbe {
  return { ok: false, code: 'audio-unreadable', problem };
}

function notAudio(problem: string): RecordingProbe {
  return { ok: false, code: 'not-audio', problem };
}

/**
 * The format the first bytes of a file announce (a RIFF/WAVE header, an Ogg page, an ID3 tag or
 * an MPEG audio frame, whose header starts with 11 set bits and a layer other than 00); null for
 * anything else.
 */
export function recordingFormatOf(head: Buffer): RecordingFormat | null {
  const ascii = head.toString('latin1', 0, 12);
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WAVE') return 'wav';
  if (ascii.startsWith('OggS')) return 'ogg';
  const [first = 0, second = 0] = head;
  const mpegFrame = first === 0xff && (second & 0xe0) === 0xe0 && (second & 0x06) !== 0;
  if (ascii.startsWith('ID3') || mpegFrame) return 'mp3';
  return null;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * A WAV's length from its chunks: the data chunk's size over the format's bytes per second. The
 * walk reads 8 bytes per chunk and skips the bodies, so a long file costs no more than a short one.
 * A data size past the end of the file (a recorder that never finished its header, or the
 * streaming value 0xFFFFFFFF) counts the bytes actually there.
 */
async function wavLength(handle: FileHandle, size: number): Promise<RecordingProbe> {
  let bytesPerSecond: number | null = null;
  let dataBytes: number | null = null;
  let offset = 12;
  for (let chunk = 0; chunk < MAX_WAV_CHUNKS && offset + 8 <= size; chunk++) {
    const header = await readAt(handle, offset, 8);
    if (header.length < 8) break;
    const id = header.toString('latin1', 0, 4);
    const length = header.readUInt32LE(4);
    const body = offset + 8;
    if (id === 'fmt ') {
      const fmt = await readAt(handle, body, 16);
      if (fmt.length < 16) return notAudio('has a WAV format chunk cut short');
      const channels = fmt.readUInt16LE(2);
      const sampleRate = fmt.readUInt32LE(4);
      const byteRate = fmt.readUInt32LE(8);
      if (channels === 0 || sampleRate === 0 || byteRate === 0) {
        return notAudio(`has a WAV format chunk with ${channels} channels at ${sampleRate} Hz`);
      }
      bytesPerSecond = byteRate;
    } else if (id === 'data') {
      dataBytes = Math.min(length, size - body);
      if (bytesPerSecond !== null) break;
    }
    // Chunks are padded to an even length.
    offset = body + length + (length % 2);
  }
  if (bytesPerSecond === null) return notAudio('is a WAV file without a format chunk');
  if (dataBytes === null) return notAudio('is a WAV file without a data chunk');
  return { ok: true, format: 'wav', durationMs: Math.round((dataBytes / bytesPerSecond) * 1000) };
}

/** An MP3's or Ogg's length, parsed as a stream by `music-metadata` (loaded only when needed). */
async function streamedLength(path: string, format: 'mp3' | 'ogg'): Promise<RecordingProbe> {
  const { parseFile } = await import('music-metadata');
  let seconds: number | undefined;
  try {
    const metadata = await parseFile(path, { duration: true, skipCovers: true });
    seconds = metadata.format.duration;
  } catch (error) {
    return notAudio(
      `is not a readable ${format === 'mp3' ? 'MP3' : 'Ogg'} recording (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) {
    return notAudio(`is an ${format === 'mp3' ? 'MP3' : 'Ogg'} file whose length cannot be read`);
  }
  return { ok: true, format, durationMs: Math.round(seconds * 1000) };
}
