/**
 * The CLI's plumbing: where output goes (injected, so commands run in-process in tests too) and
 * the usage error every command throws for bad arguments (exit status 2).
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';

/** Streams and environment a command runs with. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM: long-running commands (mock-crm) stop cleanly. */
  signal: AbortSignal;
}

/** A usage error: wrong command, option or argument. Exit status 2. */
export class UsageError extends Error {}

/** Exit statuses of ../shared/spec/CLI.md. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Writes a line to a stream. */
export function println(stream: NodeJS.WritableStream, line = ''): void {
  stream.write(line + '\n');
}

/**
 * Parses a command's options strictly; an unknown option or a missing value becomes a
 * {@link UsageError} that says which.
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  command: string,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional.*$/s, '');
    throw new UsageError(`${command}: ${message}`);
  }
}
