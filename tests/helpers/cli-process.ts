/**
 * Runs the CLI as a real child process (`node src/main/cli/main.ts …`), the way CI and users do.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './project-root.ts';
import { tempDir as trackedTempDir } from './temp-dir.ts';

export { ROOT } from './project-root.ts';
const MAIN = join(ROOT, 'src/main/cli/main.ts');

/** What a finished CLI process left. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh temporary folder, removed when the test file's process exits. */
export function tempDir(prefix = 'ivr-cli-'): string {
  return trackedTempDir(prefix);
}

/** Starts the CLI; the data dir is a fresh temp folder unless the env says otherwise. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [MAIN, ...args], {
    cwd: ROOT,
    // A data dir of its own only when the test names none; it is removed when the test file ends.
    env: {
      ...process.env,
      ...env,
      IVR_CONSOLE_DATA_DIR: env.IVR_CONSOLE_DATA_DIR ?? tempDir('ivr-data-'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the CLI to completion. */
export function runCliProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const child = spawnCli(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolveRun, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

/** Reads the first stdout line of a running child. */
export function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolveLine, reject) => {
    let buffer = '';
    child.stdout?.setEncoding('utf8');
    const onData = (d: string): void => {
      buffer += d;
      const nl = buffer.indexOf('\n');
      if (nl !== -1) {
        child.stdout?.off('data', onData);
        resolveLine(buffer.slice(0, nl));
      }
    };
    child.stdout?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code} before printing a line`)));
  });
}
