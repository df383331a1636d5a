/**
 * A stand-in for `say`, `spd-say` and `powershell.exe`, which cannot run on this Linux machine:
 * a tiny Node program that records its arguments, stdin and IVR_TTS_* environment, writes a WAV
 * file where it was asked to, and can fail or dawdle. It exercises the adapters' process wiring;
 * the real-engine tests use espeak-ng itself.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How the fake behaves. */
export interface FakeBehaviour {
  /** Printed to stdout. */
  stdout?: string;
  /** Printed to stderr, then exit 1. */
  fail?: string;
  /** Keep running this long after reading non-empty stdin (to be cancelled). */
  sleepMs?: number;
}

/** One recorded run. */
export interface FakeCall {
  args: string[];
  stdin: string;
  env: Record<string, string>;
  pid: number;
}

/** A fake tool installed in a temporary folder. */
export interface FakeTool {
  path: string;
  dir: string;
  calls(): Promise<FakeCall[]>;
  /** Resolves with the first recorded call matching `predicate` (waits up to 5 s). */
  /** The first call from the `from`-th on (default: any) that `predicate` accepts, once it runs. */
  waitForCall(predicate: (call: FakeCall) => boolean, from?: number): Promise<FakeCall>;
  behave(behaviour: FakeBehaviour): Promise<void>;
  remove(): Promise<void>;
}

const SCRIPT = String.raw`
const fs = require('node:fs');
const path = require('node:path');
const dir = path.dirname(process.argv[1]);
const behaviour = JSON.parse(fs.readFileSync(path.join(dir, 'behaviour.json'), 'utf8'));
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const stdin = Buffer.concat(chunks).toString('utf8');
  const args = process.argv.slice(2);
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('IVR_TTS_')));
  fs.appendFileSync(path.join(dir, 'calls.jsonl'), JSON.stringify({ args, stdin, env, pid: process.pid }) + '\n');
  if (behaviour.stdout) process.stdout.write(behaviour.stdout);
  if (behaviour.fail) {
    process.stderr.write(behaviour.fail);
    process.exit(1);
  }
  const output = args.includes('-o') ? args[args.indexOf('-o') + 1] : env.IVR_TTS_OUTPUT;
  if (output) {
    const header = Buffer.alloc(44);
    header.write('RIFF', 0); header.writeUInt32LE(36 + 200, 4); header.write('WAVEfmt ', 8);
    header.writeUInt32LE(16, 16); header.writeUInt16LE(1, 20); header.writeUInt16LE(1, 22);
    header.writeUInt32LE(22050, 24); header.writeUInt32LE(44100, 28); header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34); header.write('data', 36); header.writeUInt32LE(200, 40);
    fs.writeFileSync(output, Buffer.concat([header, Buffer.alloc(200, 7)]));
  }
  if (behaviour.sleepMs && stdin !== '') setTimeout(() => {}, behaviour.sleepMs);
});
`;

/** Installs a fake program called `name` (e.g. `say`) in a new temporary folder. */
export async function installFakeTool(name: string): Promise<FakeTool> {
  const dir = await mkdtemp(join(tmpdir(), `tts-fake-${name.replace(/\W/g, '')}-`));
  const path = join(dir, name);
  await writeFile(path, `#!${process.execPath}\n${SCRIPT}`);
  await chmod(path, 0o755);
  const tool: FakeTool = {
    path,
    dir,
    async calls() {
      const log = await readFile(join(dir, 'calls.jsonl'), 'utf8').catch(() => '');
      return log
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as FakeCall);
    },
    async waitForCall(predicate, from = 0) {
      // Generous: a loaded machine can take seconds to start a process; only a failure waits.
      const deadline = Date.now() + 20_000;
      for (;;) {
        const found = (await tool.calls()).slice(from).find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error('the fake tool never ran as expected');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    behave: (behaviour) => writeFile(join(dir, 'behaviour.json'), JSON.stringify(behaviour)),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
  await tool.behave({});
  return tool;
}
