/**
 * How much JavaScript the first window loads: reads a built renderer (`out/renderer` by default),
 * takes the scripts and modulepreloads its index.html names, follows their static imports through
 * Vite's manifest (`.vite/manifest.json`, enabled in electron.vite.config.ts), and prints the
 * gzip size of that first screen against the chunks loaded on demand.
 *
 * `node scripts/first-screen-size.ts [rendererDir]` exits 1 when the first screen is over
 * FIRST_SCREEN_BUDGET (tests/app/first-screen-size.test.ts holds the build to it too).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The first screen's JavaScript budget, gzip bytes (issue 10: ≤ 200 KB). */
export const FIRST_SCREEN_BUDGET = 200_000;

/** One built JavaScript file. */
export interface ChunkSize {
  /** Path relative to the renderer folder, e.g. `assets/index-abc.js`. */
  file: string;
  bytes: number;
  gzip: number;
}

/** The renderer's JavaScript, split by when it loads. */
export interface FirstScreenReport {
  firstScreen: ChunkSize[];
  onDemand: ChunkSize[];
  firstScreenGzip: number;
  onDemandGzip: number;
}

interface ManifestChunk {
  file: string;
  imports?: string[];
}

/** The `src` / `href` of the module scripts and modulepreloads in a page, in order. */
export function pageScripts(html: string): string[] {
  const found: string[] = [];
  // Tags, then their attributes: each pattern is linear (no nested or overlapping repetition).
  for (const tag of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const attributes = new Map<string, string>();
    for (const a of tag[0].matchAll(/([a-z-]+)="([^"]*)"/gi)) {
      attributes.set((a[1] ?? '').toLowerCase(), a[2] ?? '');
    }
    const isScript =
      (tag[1] ?? '').toLowerCase() === 'script' && attributes.get('type') === 'module';
    const isPreload = attributes.get('rel') === 'modulepreload';
    const url = isScript ? attributes.get('src') : isPreload ? attributes.get('href') : undefined;
    if (url) found.push(url.replace(/^\.?\//, ''));
  }
  return found;
}

function readManifest(path: string): Record<string, ManifestChunk> {
  if (!existsSync(path)) {
    throw new Error(`${path}: no Vite manifest; build the renderer with build.manifest enabled`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${path}: expected an object of chunks`);
  }
  for (const [key, chunk] of Object.entries(parsed)) {
    const c = chunk as Partial<ManifestChunk> | null;
    if (typeof c?.file !== 'string') throw new Error(`${path}: chunk "${key}" has no "file"`);
    if (c.imports !== undefined && !Array.isArray(c.imports)) {
      throw new Error(`${path}: chunk "${key}" has "imports" that is not a list`);
    }
  }
  return parsed as Record<string, ManifestChunk>;
}

function sizeOf(dir: string, file: string): ChunkSize {
  const data = readFileSync(join(dir, file));
  return { file, bytes: data.length, gzip: gzipSync(data).length };
}

/**
 * Splits a built renderer's JavaScript into what its first screen loads (the page's scripts and
 * their static imports, transitively) and what loads on demand.
 *
 * @param rendererDir - the built renderer folder (holding index.html and .vite/manifest.json)
 * @throws Error naming the file when the page, the manifest or a chunk is missing or malformed
 */
export function firstScreenSize(rendererDir: string): FirstScreenReport {
  const htmlPath = join(rendererDir, 'index.html');
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath}: no built page; run electron-vite build`);
  const manifestPath = join(rendererDir, '.vite/manifest.json');
  const manifest = readManifest(manifestPath);
  const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));

  // An iterative walk over the static import graph; each chunk is visited once.
  const first = new Set<string>();
  const pending = pageScripts(readFileSync(htmlPath, 'utf8'));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (first.has(file)) continue;
    if (!existsSync(join(rendererDir, file))) {
      throw new Error(`${htmlPath}: loads ${file}, which the build does not hold`);
    }
    first.add(file);
    for (const key of byFile.get(file)?.imports ?? []) {
      const imported = manifest[key];
      if (!imported) throw new Error(`${manifestPath}: "${file}" imports unknown chunk "${key}"`);
      pending.push(imported.file);
    }
  }

  const assets = existsSync(join(rendererDir, 'assets'))
    ? readdirSync(join(rendererDir, 'assets')).filter((f) => f.endsWith('.js'))
    : [];
  const all = assets.map((f) => `assets/${f}`).sort();
  const firstScreen = all.filter((f) => first.has(f)).map((f) => sizeOf(rendererDir, f));
  const onDemand = all.filter((f) => !first.has(f)).map((f) => sizeOf(rendererDir, f));
  const total = (list: ChunkSize[]): number => list.reduce((sum, c) => sum + c.gzip, 0);
  return {
    firstScreen,
    onDemand,
    firstScreenGzip: total(firstScreen),
    onDemandGzip: total(onDemand),
  };
}

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? 'out/renderer');
  try {
    const report = firstScreenSize(dir);
    const rows = (title: string, list: ChunkSize[]): void => {
      console.log(title);
      for (const c of list) console.log(`  ${c.file}  ${kb(c.bytes)} (gzip ${kb(c.gzip)})`);
    };
    rows('First screen (loaded by index.html):', report.firstScreen);
    rows('On demand:', report.onDemand);
    console.log(
      `first screen: ${kb(report.firstScreenGzip)} gzip (budget ${kb(FIRST_SCREEN_BUDGET)}); ` +
        `on demand: ${kb(report.onDemandGzip)} gzip`,
    );
    if (report.firstScreenGzip > FIRST_SCREEN_BUDGET) {
      console.error('The first screen is over its budget.');
      process.exitCode = 1;
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
