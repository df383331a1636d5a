/**
 * A fast first window (issue 10): the production renderer is minified and the first screen's
 * JavaScript (index.html's scripts and their static imports) stays within its gzip budget, the
 * flow view (xyflow, dagre), sessions, presenter, settings and environments loading on demand.
 * A size budget on the real build output, not a timing.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  FIRST_SCREEN_BUDGET,
  firstScreenSize,
  pageScripts,
} from '../../scripts/first-screen-size.ts';
import type { FirstScreenReport } from '../../scripts/first-screen-size.ts';
import type { BuiltApp } from '../helpers/built-app.ts';
import { buildApp } from '../helpers/built-app.ts';

describe('the first screen of the built renderer', () => {
  let built: BuiltApp;
  let report: FirstScreenReport;
  before(async () => {
    built = await buildApp('first-screen-size');
    report = firstScreenSize(built.rendererDir);
  });
  after(async () => {
    await built.remove();
  });

  test(`loads at most ${FIRST_SCREEN_BUDGET} bytes of gzip JavaScript`, () => {
    assert.ok(report.firstScreen.length > 0, 'the page loads some JavaScript');
    assert.ok(
      report.firstScreenGzip <= FIRST_SCREEN_BUDGET,
      `first screen ${report.firstScreenGzip} gzip bytes: ${JSON.stringify(report.firstScreen)}`,
    );
  });

  test('leaves the flow view, sessions, presenter, settings and environments to load on demand', () => {
    const lazy = report.onDemand.map((c) => c.file).join(' ');
    for (const name of [
      'flow-view',
      'sessions-screen',
      'presenter-screen',
      'settings-dialog',
      'environments-screen',
    ]) {
      assert.match(lazy, new RegExp(`assets/${name}-`), `${name} is its own on-demand chunk`);
    }
    // xyflow's class names mark its code: none of it is in what the first screen parses.
    for (const chunk of report.firstScreen) {
      const code = readFileSync(join(built.rendererDir, chunk.file), 'utf8');
      assert.doesNotMatch(code, /react-flow__/, `${chunk.file} carries xyflow`);
    }
  });

  test('ships minified code', () => {
    for (const chunk of [...report.firstScreen, ...report.onDemand]) {
      const code = readFileSync(join(built.rendererDir, chunk.file), 'utf8');
      const lines = code.split('\n').length;
      // Unminified output runs a few dozen bytes a line; minified, thousands. A module two lazy
      // screens share (download-file.ts) is a chunk of its own, minified to one short line.
      assert.ok(
        lines === 1 || chunk.bytes / lines > 500,
        `${chunk.file}: ${lines} lines for ${chunk.bytes} bytes`,
      );
    }
  });
});

describe('first-screen-size on a malformed build', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ivr-first-screen-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('reads module scripts and modulepreloads, not other tags', () => {
    const html =
      '<script type="module" crossorigin src="./assets/a.js"></script>' +
      '<link rel="modulepreload" href="./assets/b.js"><link rel="stylesheet" href="./x.css">' +
      '<script src="./classic.js"></script>';
    assert.deepEqual(pageScripts(html), ['assets/a.js', 'assets/b.js']);
  });

  test('names the missing page, manifest and chunk', () => {
    assert.throws(() => firstScreenSize(dir), /index\.html: no built page/);
    writeFileSync(join(dir, 'index.html'), '<script type="module" src="./assets/a.js"></script>');
    assert.throws(() => firstScreenSize(dir), /manifest\.json: no Vite manifest/);
    mkdirSync(join(dir, '.vite'));
    writeFileSync(join(dir, '.vite/manifest.json'), '{"index.html": {"imports": []}}');
    assert.throws(() => firstScreenSize(dir), /chunk "index\.html" has no "file"/);
    writeFileSync(join(dir, '.vite/manifest.json'), '{"index.html": {"file": "assets/a.js"}}');
    assert.throws(() => firstScreenSize(dir), /loads assets\/a\.js, which the build does not hold/);
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets/a.js'), 'x');
    writeFileSync(
      join(dir, '.vite/manifest.json'),
      '{"index.html": {"file": "assets/a.js", "imports": ["_gone.js"]}}',
    );
    assert.throws(() => firstScreenSize(dir), /"assets\/a\.js" imports unknown chunk "_gone\.js"/);
  });
});
