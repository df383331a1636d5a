/**
 * An adapter's commands all run the same executable with the same process options (`onSpawn`,
 * `killGraceMs`, `env`); binding those once leaves each call naming only what varies: arguments, input,
 * environment, signal, timeout, and how to word a failure.
 */
import type { SpeechProcessRequest, SpeechProcessResult } from './run-speech-process.ts';
import { runSpeechCommand } from './speech-command.ts';
import type { SpeechCommandCheck } from './speech-command.ts';
import type { EngineProcessOptions } from './speech-engine.ts';

/**
 * What varies per command. An `onSpawn` here is called in addition to the engine's own, so a
 * caller can learn that its process started without hiding it from the engine's observer.
 */
export type EngineCommandRequest = Omit<SpeechProcessRequest, 'command' | 'killGraceMs'>;

/** Runs one of an engine's commands; settles as {@link runSpeechCommand} does. */
export type EngineCommand = (
  request: EngineCommandRequest,
  check: SpeechCommandCheck,
) => Promise<SpeechProcessResult>;

/** What {@link createEngineCommand} binds: every adapter's options have this shape. */
export interface EngineCommandOptions extends EngineProcessOptions {
  /** Path of the engine's program. */
  executable: string;
}

/** The commands of one engine: its program, run with its process options. */
export function createEngineCommand(options: EngineCommandOptions): EngineCommand {
  const { executable, onSpawn, killGraceMs, env } = options;
  return (request, check) => {
    const callerOnSpawn = request.onSpawn;
    return runSpeechCommand(
      {
        ...request,
        command: executable,
        killGraceMs,
        // A command's own variables (SAPI's prompt text) win over the engine's.
        env:
          env === undefined && request.env === undefined ? undefined : { ...env, ...request.env },
        onSpawn:
          callerOnSpawn === undefined
            ? onSpawn
            : (child) => {
                callerOnSpawn(child);
                onSpawn?.(child);
              },
      },
      check,
    );
  };
}
