/**
 * Runs a CLI command inside the test's own process, through the same `runCli` that
 * `src/main/cli/main.ts` calls, with the streams, environment and folder injected (`CliIo`).
 *
 * Why: a CLI child process costs about half a second of CPU to load the sources, and the suite
 * runs hundreds of commands; in-process, the modules load once per test file. What this leaves
 * out is main.ts itself (process streams, signals, the exit status, a closed pipe): the tests in
 * tests/cli/cli-process.test.ts run those as real child processes, and so do the tests whose
 * point is everything a process prints (tests/secrets/secret-leaks.test.ts). A command that
 * leaves a handle open (a database, a socket, a timer) keeps the test process from ending, so
 * leaks still show here as they would in a child.
 */
import { Writable } from 'node:stream';
import { runCli } from '../../src/main/cli/cli.ts';
import { ROOT, tempDir, type CliRun } from './cli-process.ts';

/** A writable stream that keeps what is written, as text. */
class TextSink extends Writable {
  text = '';

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    done();
  }
}

/** What an in-process run also keeps. */
export interface InProcessRun extends CliRun {
  /**
   * With `captureProcessOutput`: whatever reached this process's own stdout and stderr while the
   * command ran (a `console.log` that bypassed the injected streams would land there in a real
   * process); otherwise empty.
   */
  processOutput: string;
}

/** Options of {@link runCliInProcess}. */
export interface InProcessOptions {
  /** The folder relative paths are resolved against (default: the project root). */
  cwd?: string;
  /** Record the process's own output as well (it still goes through). One run at a time. */
  captureProcessOutput?: boolean;
}

/**
 * Runs `ivr-console <args>` in this process and returns its exit status and output, as
 * `runCliProcess` does for a child. The environment is this process's plus `env`; the data dir is
 * a fresh temp folder unless `env` names one.
 */
export async function runCliInProcess(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  options: InProcessOptions = {},
): Promise<InProcessRun> {
  const stdout = new TextSink();
  const stderr = new TextSink();
  const recording = options.captureProcessOutput ? recordProcessOutput() : null;
  let code: number;
  try {
    code = await runCli(args, {
      stdout,
      stderr,
      env: {
        ...process.env,
        ...env,
        IVR_CONSOLE_DATA_DIR: env.IVR_CONSOLE_DATA_DIR ?? tempDir('ivr-data-'),
      },
      cwd: options.cwd ?? ROOT,
      signal: new AbortController().signal,
    });
  } finally {
    // Put the streams back even when the command threw.
    recording?.stop();
  }
  return { code, stdout: stdout.text, stderr: stderr.text, processOutput: recording?.text ?? '' };
}

/**
 * Tees `process.stdout` and `process.stderr` into `text` until `stop()` puts the streams back.
 */
function recordProcessOutput(): { readonly text: string; stop(): void } {
  let text = '';
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((stream) => stream.write);
  streams.forEach((stream, index) => {
    const write = writes[index]!;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      return (write as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  });
  return {
    get text() {
      return text;
    },
    stop() {
      streams.forEach((stream, index) => (stream.write = writes[index]!));
    },
  };
}
