/**
 * A minimal RIFF/WAVE reader for the tests: parses the chunks itself (no library) so the tests
 * check the engine's real output format, and measures loudness.
 */
import { readFile } from 'node:fs/promises';

/** A decoded 16-bit PCM WAV file. */
export interface PcmWav {
  format: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Samples of the first channel. */
  samples: Int16Array;
  durationSeconds: number;
}

/** Parses a WAV file; throws unless it is PCM (format 1). */
export async function readPcmWav(file: string): Promise<PcmWav> {
  return parsePcmWav(await readFile(file));
}

/** Parses WAV bytes; throws unless they are RIFF/WAVE with a PCM fmt chunk and a data chunk. */
export function parsePcmWav(bytes: Buffer): PcmWav {
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let fmt: Omit<PcmWav, 'samples' | 'durationSeconds'> | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    let size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      fmt = {
        format: bytes.readUInt16LE(body),
        channels: bytes.readUInt16LE(body + 2),
        sampleRate: bytes.readUInt32LE(body + 4),
        bitsPerSample: bytes.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (fmt === undefined) throw new Error('data chunk before fmt chunk');
      if (fmt.format !== 1 || fmt.bitsPerSample !== 16) throw new Error('not 16-bit PCM');
      // A streaming writer may leave the size unpatched (0 or 0xFFFFFFFF): use what is there.
      if (size === 0 || body + size > bytes.length) size = bytes.length - body;
      const frames = Math.floor(size / (2 * fmt.channels));
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = bytes.readInt16LE(body + i * 2 * fmt.channels);
      return { ...fmt, samples, durationSeconds: frames / fmt.sampleRate };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('no data chunk');
}

/** Loudness of the voiced part: 20 ms frames louder than -60 dBFS. */
export interface VoicedLevel {
  /** RMS over the voiced frames, dBFS. */
  rmsDbfs: number;
  /** Share of frames that are voiced, 0..1. */
  voicedShare: number;
}

/** Measures the voiced part of `wav`. */
export function voicedLevel(wav: PcmWav): VoicedLevel {
  const frame = Math.max(1, Math.round(wav.sampleRate * 0.02));
  let voicedFrames = 0;
  let totalFrames = 0;
  let sumSquares = 0;
  let voicedSamples = 0;
  for (let start = 0; start + frame <= wav.samples.length; start += frame) {
    let frameSquares = 0;
    for (let i = start; i < start + frame; i++) {
      const x = (wav.samples[i] ?? 0) / 32768;
      frameSquares += x * x;
    }
    totalFrames++;
    if (toDb(Math.sqrt(frameSquares / frame)) > -60) {
      voicedFrames++;
      sumSquares += frameSquares;
      voicedSamples += frame;
    }
  }
  return {
    rmsDbfs: voicedSamples === 0 ? -Infinity : toDb(Math.sqrt(sumSquares / voicedSamples)),
    voicedShare: totalFrames === 0 ? 0 : voicedFrames / totalFrames,
  };
}

function toDb(rms: number): number {
  return rms === 0 ? -Infinity : 20 * Math.log10(rms);
}
