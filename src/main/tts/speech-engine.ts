/**
 * The platform speech adapters' common shape: speak aloud, render to a WAV file, list voices.
 * One implementation per OS engine (`say`, SAPI, `spd-say`, `espeak-ng`), chosen at start-up by
 * `detectSpeechEngine`. No adapter ever builds a shell string: commands are spawned with argument
 * arrays and the prompt travels on stdin (or, for PowerShell, in environment variables).
 */

/** Which OS engine an adapter drives. */
export type SpeechEngineId = 'say' | 'sapi' | 'spd-say' | 'espeak-ng';

/** User settings for speech. */
export interface SpeechSettings {
  /** Engine-specific voice id (see {@link SpeechEngine.voices}); unset: a voice for the locale. */
  voice?: string;
  /** Words per minute, 80-400 (clamped); default 175. */
  rate?: number;
}

/** One installed voice. */
export interface SpeechVoice {
  /** What to put in {@link SpeechSettings.voice}. */
  id: string;
  /** Human-readable name. */
  name: string;
  /** BCP 47-ish language tag of the voice, when the engine tells. */
  locale?: string;
}

/** Settings of one `speak` call. */
export type SpeakSettings = SpeechSettings & {
  /** Aborted on barge-in and hang-up: the sound stops at once and `speak` resolves. */
  signal: AbortSignal;
  /** BCP 47 locale of the flow, used to pick a voice when none is set. */
  locale: string;
};

/** Settings of one `renderToWav` call. */
export type RenderSettings = SpeechSettings & { signal?: AbortSignal; locale: string };

/** A platform text-to-speech engine. */
export interface SpeechEngine {
  readonly id: SpeechEngineId;
  /**
   * Speaks aloud; resolves when finished or when the signal aborts (then the sound stops at
   * once). Rejects with a clear Error if the engine fails (e.g. no audio device).
   */
  speak(text: string, settings: SpeakSettings): Promise<void>;
  /**
   * Renders to a WAV file (16-bit PCM); same cancellation. The file appears only when complete:
   * an aborted or failed render leaves nothing behind.
   */
  renderToWav(text: string, file: string, settings: RenderSettings): Promise<void>;
  /** Installed voices. */
  voices(): Promise<SpeechVoice[]>;
}

/** A child process an engine started, as reported to {@link EngineProcessOptions.onSpawn}. */
export interface SpawnedSpeechProcess {
  pid: number;
  command: string;
  args: readonly string[];
}

/** Process options shared by every adapter. */
export interface EngineProcessOptions {
  /** Told about every child process the engine starts (diagnostics, and tests checking pids). */
  onSpawn?: (child: SpawnedSpeechProcess) => void;
  /** Milliseconds between SIGTERM and SIGKILL when a prompt is cancelled (default 200). */
  killGraceMs?: number;
  /**
   * Added to the inherited environment of every process the engine starts (before a command's
   * own variables). Lets a test give the engine a machine without audio, whatever this one has.
   */
  env?: Record<string, string>;
}
