/**
 * The real espeak-ng for the suites that drive it: looked up once on PATH, so those suites skip
 * (rather than fail) on a machine without it.
 */
import { createEspeakNgEngine } from '../../src/main/tts/espeak-ng-engine.ts';
import { findExecutableOnPath } from '../../src/main/tts/find-executable.ts';
import type { SpawnedSpeechProcess, SpeechEngine } from '../../src/main/tts/speech-engine.ts';

/** Path of espeak-ng on PATH, or null when it is not installed. */
export const espeakPath = await findExecutableOnPath('espeak-ng');

/** A suite's `skip` option: why, when espeak-ng is missing; otherwise false. */
export const skipWithoutEspeak = espeakPath === null && 'espeak-ng not installed';

/**
 * A new engine driving the real espeak-ng, appending every process it starts to `spawned` when
 * given, and adding `env` to its processes' environment. Only for suites skipped by
 * {@link skipWithoutEspeak}.
 */
export function realEspeakEngine(
  spawned?: SpawnedSpeechProcess[],
  env?: Record<string, string>,
): SpeechEngine {
  if (espeakPath === null) throw new Error('espeak-ng not installed');
  return createEspeakNgEngine({
    executable: espeakPath,
    onSpawn: spawned === undefined ? undefined : (child) => spawned.push(child),
    env,
  });
}
