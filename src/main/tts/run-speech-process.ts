/**
 * Runs one speech command as a child process: argument array (never a shell), input on stdin,
 * cancellable by an AbortSignal. On abort the child gets SIGTERM, then SIGKILL after a short
 * grace, and the promise resolves as soon as it has exited, so barge-in is prompt and no process
 * outlives its prompt.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { basename } from 'node:path';
import type { SpawnedSpeechProcess } from './speech-engine.ts';

/** What to run. */
export interface SpeechProcessRequest {
  command: string;
  args: readonly string[];
  /** Written to stdin, which is then closed. */
  input?: string;
  /** Added to the inherited environment. */
  env?: Record<string, string>;
  signal?: AbortSignal;
  /** Stop the child (as on abort) after this many ms and report `timed-out`. */
  timeoutMs?: number;
  /** Milliseconds between SIGTERM and SIGKILL. */
  killGraceMs?: number;
  onSpawn?: (child: SpawnedSpeechProcess) => void;
}

/** How the child ended. */
export interface SpeechProcessResult {
  outcome: 'exited' | 'aborted' | 'timed-out';
  exitCode: number | null;
  exitSignal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Default pause between SIGTERM and SIGKILL. */
export const DEFAULT_KILL_GRACE_MS = 200;
/** Output kept per stream; voice lists are a few kB, anything beyond is noise. */
const OUTPUT_LIMIT = 1 << 20;
/**
 * After exit, how long to wait for stdio to close. A daemon the child spawned (Speech
 * Dispatcher's autospawn) can inherit the pipes and hold them open for ever.
 */
const STDIO_CLOSE_WAIT_MS = 100;
/** After SIGKILL, give up waiting for the exit event rather than hang a call. */
const LAST_RESORT_MS = 2000;

/**
 * Runs `request.command` with `request.args`. Resolves with the outcome; rejects only when the
 * command cannot be started at all (e.g. not installed).
 */
export function runSpeechProcess(request: SpeechProcessRequest): Promise<SpeechProcessResult> {
  const { signal } = request;
  if (signal?.aborted) {
    return Promise.resolve({
      outcome: 'aborted',
      exitCode: null,
      exitSignal: null,
      stdout: '',
      stderr: '',
    });
  }
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(request.command, request.args, {
        shell: false,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, ...request.env },
        windowsHide: true,
      });
    } catch (error) {
      reject(startError(request.command, error));
      return;
    }

    let stdout = '';
    let stderr = '';
    let exitCode: number | null = null;
    let exitSignal: NodeJS.Signals | null = null;
    let exited = false;
    let stopping: 'aborted' | 'timed-out' | undefined;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];

    const cleanUp = (): void => {
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // Release our ends of the pipes even if a grandchild still holds theirs.
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.stdin?.destroy();
    };
    const finish = (): void => {
      if (settled) return;
      cleanUp();
      resolve({ outcome: stopping ?? 'exited', exitCode, exitSignal, stdout, stderr });
    };
    const stop = (reason: 'aborted' | 'timed-out'): void => {
      if (settled || stopping !== undefined) return;
      stopping = reason;
      if (exited) {
        finish();
        return;
      }
      child.kill('SIGTERM');
      const grace = request.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
      timers.push(
        setTimeout(() => {
          if (!exited) child.kill('SIGKILL');
        }, grace),
        setTimeout(finish, grace + LAST_RESORT_MS),
      );
    };
    function onAbort(): void {
      stop('aborted');
    }

    child.on('error', (error) => {
      // Also emitted when a kill fails; once the child is running, its exit decides.
      if (settled || child.pid !== undefined) return;
      cleanUp();
      reject(startError(request.command, error));
    });
    child.on('exit', (code, exitSig) => {
      exited = true;
      exitCode = code;
      exitSignal = exitSig;
      if (stopping !== undefined) finish();
      else timers.push(setTimeout(finish, STDIO_CLOSE_WAIT_MS));
    });
    child.on('close', finish);

    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      if (stdout.length < OUTPUT_LIMIT) stdout += chunk;
    });
    child.stderr?.on('data', (chunk: string) => {
      if (stderr.length < OUTPUT_LIMIT) stderr += chunk;
    });
    // EPIPE when the child exits (or is killed) before reading all its input: not an error here.
    child.stdin?.on('error', () => {});
    child.stdin?.end(request.input ?? '', 'utf8');

    if (child.pid !== undefined) {
      request.onSpawn?.({ pid: child.pid, command: request.command, args: request.args });
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    if (request.timeoutMs !== undefined) {
      timers.push(setTimeout(() => stop('timed-out'), request.timeoutMs));
    }
  });
}

function startError(command: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT'
      ? 'not installed or not on PATH'
      : error instanceof Error
        ? error.message
        : String(error);
  return new Error(`Could not start ${basename(command)}: ${reason}`, { cause: error });
}
