/**
 * Render-to-file plumbing shared by the adapters: the engine writes a temporary file next to the
 * target, which is renamed into place only when complete. An aborted or failed render removes it,
 * so a partial WAV never appears under the requested name (and an older file there survives).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pcm16WavHeader } from './wav-header.ts';

/**
 * Calls `produce` with an absolute temporary path (never starting with `-`, so it cannot pass
 * for an option) and moves the result to `file` when it is a WAV file. Resolves without creating
 * anything when `signal` is already aborted or aborts meanwhile. `produce` runs its command with
 * this same `signal`, so a command cut short by it just resolves: the signal alone says the
 * output is partial and goes.
 */
export async function renderViaTempFile(
  file: string,
  signal: AbortSignal | undefined,
  produce: (tempFile: string) => Promise<unknown>,
): Promise<void> {
  if (signal?.aborted) return;
  const target = resolve(file);
  const temp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.partial.wav`;
  try {
    await produce(temp);
    if (signal?.aborted) return;
    await assertWavFile(temp);
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Writes a valid WAV file with no samples (mono, 16-bit, at `sampleRate`): engines write no file
 * at all for empty input. The rate is the engine's own, so an empty prompt's file matches the rest.
 */
export async function writeEmptyWav(file: string, sampleRate: number): Promise<void> {
  await writeFile(file, pcm16WavHeader(sampleRate, 1, 0));
}

/** Throws unless `file` exists and starts with a RIFF/WAVE header. */
async function assertWavFile(file: string): Promise<void> {
  let header: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      header = Buffer.alloc(12);
      const { bytesRead } = await handle.read(header, 0, 12, 0);
      header = header.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new Error(`The speech engine wrote no WAV file (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (
    header.length < 12 ||
    header.toString('ascii', 0, 4) !== 'RIFF' ||
    header.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new Error('The speech engine wrote a file that is not a WAV file');
  }
}
