/**
 * Real files for the workspace tests: a temporary folder per test file, and TLS certificates
 * made by the system's openssl (the tests that need them skip, visibly, without it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary folder and a way to write files into it. */
export interface TempFolder {
  root: string;
  /** Writes `text` at `relative` (folders created) and returns the absolute path. */
  write(relative: string, text: string | Buffer): Promise<string>;
  remove(): Promise<void>;
}

/** Makes a fresh temporary folder (`ivr-ws-…`). */
export async function makeTempFolder(): Promise<TempFolder> {
  const root = await mkdtemp(join(os.tmpdir(), 'ivr-ws-'));
  return {
    root,
    async write(relative, text) {
      const path = join(root, relative);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
      return path;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** The openssl binary, or null when there is none. */
export function findOpenssl(): string | null {
  for (const candidate of [
    '/usr/bin/openssl',
    '/usr/local/bin/openssl',
    '/opt/homebrew/bin/openssl',
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return 'openssl';
  } catch {
    return null;
  }
}

/** Writes a self-signed EC certificate and its key (`<name>-cert.pem`, `<name>-key.pem`). */
export function makeCertificate(
  openssl: string,
  folder: string,
  name: string,
): { cert: string; key: string } {
  const cert = join(folder, `${name}-cert.pem`);
  const key = join(folder, `${name}-key.pem`);
  execFileSync(
    openssl,
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}
