/**
 * Picks the platform's speech engine at start-up: `say` on macOS, SAPI via PowerShell on
 * Windows, `spd-say` (else `espeak-ng`) elsewhere. Null means none is installed: the app says so
 * once and shows captions only.
 */
import { createEspeakNgEngine } from './espeak-ng-engine.ts';
import { findExecutableOnPath } from './find-executable.ts';
import type { FindExecutable } from './find-executable.ts';
import { createSapiEngine } from './sapi-engine.ts';
import { createSayEngine } from './say-engine.ts';
import { createSpdSayEngine } from './spd-say-engine.ts';
import type { EngineProcessOptions, SpeechEngine } from './speech-engine.ts';

/** Options of {@link detectSpeechEngine}; the defaults are this machine's. */
export interface DetectSpeechEngineOptions extends EngineProcessOptions {
  platform?: NodeJS.Platform;
  /** Looks a program up; the default searches PATH without a shell. */
  findExecutable?: FindExecutable;
}

/**
 * The speech engine for this platform, or null when none is installed. Only looks programs up;
 * whether audio actually plays shows on the first prompt (a clear rejection from `speak`).
 */
export async function detectSpeechEngine(
  options: DetectSpeechEngineOptions = {},
): Promise<SpeechEngine | null> {
  const platform = options.platform ?? process.platform;
  const find =
    options.findExecutable ?? ((name: string) => findExecutableOnPath(name, { platform }));
  const processOptions: EngineProcessOptions = {
    onSpawn: options.onSpawn,
    killGraceMs: options.killGraceMs,
    env: options.env,
  };

  if (platform === 'darwin') {
    const say = await find('say');
    return say === null ? null : createSayEngine({ ...processOptions, executable: say });
  }
  if (platform === 'win32') {
    const powershell = await find('powershell.exe');
    return powershell === null
      ? null
      : createSapiEngine({ ...processOptions, executable: powershell });
  }
  const [spdSay, espeakNg] = await Promise.all([find('spd-say'), find('espeak-ng')]);
  const espeak =
    espeakNg === null ? null : createEspeakNgEngine({ ...processOptions, executable: espeakNg });
  if (spdSay !== null)
    return createSpdSayEngine({ ...processOptions, executable: spdSay, renderer: espeak });
  return espeak;
}
