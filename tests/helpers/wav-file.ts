/**
 * Writes small PCM WAV files for tests of recorded prompts: silence of an exact length, with
 * optional extra chunks before the data, so the header walk is tested on the layouts recorders
 * write.
 */
import { writeFileSync } from 'node:fs';

/** How the test WAV is laid out. */
export interface WavOptions {
  sampleRate?: number;
  channels?: number;
  /** Chunks written between `fmt ` and `data` (a `LIST` of tags, an odd-length `junk`). */
  extraChunks?: { id: string; body: Buffer }[];
  /** The size the data chunk's header claims, when it should lie (0xFFFFFFFF: still streaming). */
  claimedDataBytes?: number;
}

/** Writes `ms` of 16-bit silence to `path` as a WAV file; returns the file's bytes. */
export function writeWav(path: string, ms: number, options: WavOptions = {}): Buffer {
  const sampleRate = options.sampleRate ?? 8000;
  const channels = options.channels ?? 1;
  const blockAlign = channels * 2;
  const dataBytes = Math.round((sampleRate * ms) / 1000) * blockAlign;
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0); // PCM
  fmt.writeUInt16LE(channels, 2);
  fmt.writeUInt32LE(sampleRate, 4);
  fmt.writeUInt32LE(sampleRate * blockAlign, 8);
  fmt.writeUInt16LE(blockAlign, 12);
  fmt.writeUInt16LE(16, 14);
  const chunks = [
    chunk('fmt ', fmt),
    ...(options.extraChunks ?? []).map((c) => chunk(c.id, c.body)),
    chunk('data', Buffer.alloc(dataBytes), options.claimedDataBytes),
  ];
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(4 + body.length, 4);
  header.write('WAVE', 8, 'latin1');
  const file = Buffer.concat([header, body]);
  writeFileSync(path, file);
  return file;
}

/** One RIFF chunk, padded to an even length as the format requires. */
function chunk(id: string, body: Buffer, claimed = body.length): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'latin1');
  header.writeUInt32LE(claimed, 4);
  return Buffer.concat([header, body, Buffer.alloc(body.length % 2)]);
}
