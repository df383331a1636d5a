/**
 * `npm run bundle`: the engine as one self-contained package for Artillery's distributed modes
 * (`run-fargate`, `run-aci`), whose workers install a script's engines with npm and so cannot
 * use this folder, which imports the console's sources from ../../src as TypeScript.
 *
 * `npm run bundle [-- <folder>]`. Builds index.js (the engine and every module it uses, with their npm dependencies, as one ES
 * module for Node) and its package.json in a temporary folder, and packs them into
 * dist/artillery-engine-ivr-<version>.tgz (or <folder>/…): publish that to your registry, or ship it with the test
 * (see README.md). Only the tarball is kept: a 3 MB bundle in the tree would be linted and
 * formatted with the project. esbuild comes with Artillery (its esbuild-wasm), so nothing more is
 * installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PACKAGE = resolve(import.meta.dirname, '..');
/** Where the tarball goes: the folder named, else dist/ (emptied first). */
const DIST = process.argv[2] === undefined ? join(PACKAGE, 'dist') : resolve(process.argv[2]);
const ESBUILD = join(PACKAGE, 'node_modules/esbuild-wasm/bin/esbuild');
const manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  description: string;
  license: string;
};

if (process.argv[2] === undefined) rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });
const stage = mkdtempSync(join(tmpdir(), 'artillery-engine-ivr-'));
try {
  execFileSync(
    process.execPath,
    [
      ESBUILD,
      'src/ivr-engine.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node24',
      `--outfile=${join(stage, 'index.js')}`,
      // The bundled CommonJS packages (undici, yaml…) call require() for Node's own modules.
      "--banner:js=import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      '--log-level=warning',
    ],
    { cwd: PACKAGE, stdio: 'inherit' },
  );
  writeFileSync(
    join(stage, 'package.json'),
    JSON.stringify(
      {
        name: manifest.name,
        version: manifest.version,
        description: manifest.description,
        license: manifest.license,
        type: 'module',
        main: 'index.js',
        engines: { node: '>=24.0.0' },
      },
      null,
      2,
    ) + '\n',
  );
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', DIST], {
    cwd: stage,
    encoding: 'utf8',
  }).trim();
  console.log(`artillery-engine-ivr: ${join(DIST, tarball)}`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
