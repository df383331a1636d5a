/**
 * A speech command whose failure becomes a clear Error: non-zero exit, a timeout, or (for
 * engines that exit 0 after failing, as espeak-ng does without an audio device) an error line
 * on stderr.
 */
import { runSpeechProcess } from './run-speech-process.ts';
import type { SpeechProcessRequest, SpeechProcessResult } from './run-speech-process.ts';

/** How to judge a finished command. */
export interface SpeechCommandCheck {
  /** Start of the error message, e.g. `espeak-ng could not play audio`. */
  failure: string;
  /** stderr that means failure even with exit code 0. */
  stderrFailure?: RegExp;
}

/**
 * Runs the command; resolves with its result when it succeeded or was aborted, and rejects with
 * an Error whose message starts with `check.failure` and quotes stderr otherwise.
 */
export async function runSpeechCommand(
  request: SpeechProcessRequest,
  check: SpeechCommandCheck,
): Promise<SpeechProcessResult> {
  const result = await runSpeechProcess(request);
  if (result.outcome === 'aborted') return result;
  if (result.outcome === 'timed-out') {
    throw new Error(`${check.failure}: no answer within ${request.timeoutMs} ms`);
  }
  const detail = summarizeStderr(result.stderr);
  if (result.exitCode !== 0) {
    const how =
      result.exitSignal !== null
        ? `killed by ${result.exitSignal}`
        : `exit code ${result.exitCode}`;
    throw new Error(`${check.failure} (${how})${detail ? `: ${detail}` : ''}`);
  }
  if (check.stderrFailure?.test(result.stderr)) {
    throw new Error(`${check.failure}: ${detail}`);
  }
  return result;
}

/**
 * The gist of a stderr dump in one line: its distinct lines, with ALSA's chatter (a dozen lines
 * of config evaluation) reduced to its last line, which names the failure (`Unknown PCM
 * default`); capped at 300 characters.
 */
export function summarizeStderr(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const alsa = lines.filter((line) => line.startsWith('ALSA lib '));
  const parts = [...new Set(lines.filter((line) => !line.startsWith('ALSA lib ')))];
  const lastAlsa = alsa.at(-1);
  if (lastAlsa !== undefined) {
    parts.push(`ALSA: ${lastAlsa.replace(/^ALSA lib \S+:\d+:\(\w+\)\s*/, '')}`);
  }
  const summary = parts.join('; ');
  return summary.length > 300 ? `${summary.slice(0, 297)}...` : summary;
}
